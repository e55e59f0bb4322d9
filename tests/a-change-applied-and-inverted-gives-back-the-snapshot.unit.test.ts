import { describe, expect, it } from 'vitest'

import { applyUpdate, newestFirst, recordsBefore, type Change } from '../content-models/changes'
import type { ContentSnapshot, SnapshotArticle } from '../content-models/snapshot'

/** The CMS↔site contract: what the snapshot applies, the planner can undo, in one order. */
const article = (i: number, over: Partial<SnapshotArticle> = {}) =>
  ({
    id: String(i),
    slug: `a-${i}`,
    title: `第${i}篇`,
    publishedAt: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
    categories: [],
    ...over,
  }) as unknown as SnapshotArticle

const snapshotOf = (articles: SnapshotArticle[]) =>
  ({
    version: 1,
    generatedAt: 'v1',
    articles: [...articles].sort(newestFirst),
    services: [],
    workersHomes: [],
    laborModels: [],
    organizations: [],
    regions: [],
    categories: [],
  }) as unknown as ContentSnapshot

describe('a snapshot change', () => {
  const before = Array.from({ length: 60 }, (_, i) => article(i))
  const changes: Change[] = [
    { kind: 'articles', after: article(100) }, // published
    { kind: 'articles', before: before[3], after: article(3, { title: '改过的标题', publishedAt: '2025-06-01T00:00:00.000Z' }) }, // back-dated
    { kind: 'articles', before: before[7] }, // unpublished
  ]

  it('applies in place, keeping articles newest first and by slug within a moment', () => {
    const snapshot = snapshotOf(before)
    applyUpdate(snapshot, { from: 'v1', to: 'v2', changes })
    expect(snapshot.generatedAt).toBe('v2')
    expect(snapshot.articles).toHaveLength(60)
    expect(snapshot.articles.map((a) => a.slug)).toEqual([...snapshot.articles].sort(newestFirst).map((a) => a.slug))
    expect(snapshot.articles.find((a) => a.id === '3')?.title).toBe('改过的标题')
    expect(snapshot.articles.some((a) => a.id === '7')).toBe(false)
    // Same moment: ordered by slug, whatever order they arrived in.
    const sameDay = snapshot.articles.filter((a) => a.publishedAt === before[1]!.publishedAt).map((a) => a.slug)
    expect(sameDay).toEqual([...sameDay].sort())
  })

  it('is undone by its inverse', () => {
    const snapshot = snapshotOf(before)
    applyUpdate(snapshot, { from: 'v1', to: 'v2', changes })
    expect(recordsBefore('articles', snapshot.articles, changes).sort(newestFirst)).toEqual([...before].sort(newestFirst))
  })
})
