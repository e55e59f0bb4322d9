import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot, SnapshotArticle } from '../content-models/snapshot'
import type { Change } from '../site/incremental/plan'
import { parseSnapshot, readSnapshot, replaySnapshotUpdate, snapshotFile, stageSnapshot, writeSnapshot } from '../site/snapshot'
import { snapshotWith } from './helpers/snapshots'

/**
 * The resident renderer does not read the snapshot a publish wrote: it replays the publish's
 * changes on its copy of the version before. That copy must then hold what the file holds.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-replay-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const article = (slug: string, title: string, publishedAt: string): SnapshotArticle => ({
  id: `id-${slug}`,
  slug,
  title,
  bodyHtml: `<p>${title}</p>`,
  bodyText: `${title}的正文。`,
  publishedAt,
  updatedAt: publishedAt,
  categories: [],
  tags: [],
  featured: false,
  script: 'simplified',
})

/** Each collection by id: the file and a replayed copy may list records in different orders. */
const byId = (s: ContentSnapshot) =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? [...(v as { id?: string; code?: string }[])].sort((a, b) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)))
        : v,
    ]),
  )

const before = snapshotWith({
  generatedAt: '2026-12-01T00:00:00.000Z',
  articles: [
    article('a', '职工书屋开放', '2026-11-03T00:00:00.000Z'),
    article('b', '法律援助进园区', '2026-11-02T00:00:00.000Z'),
    article('c', '劳模座谈会', '2026-11-01T00:00:00.000Z'),
  ],
})

/** The snapshot as a publish leaves it: one edited (twice, as an organization rename follows it), one removed, one new. */
const after = (): { snapshot: ContentSnapshot; changes: Change[] } => {
  const [a, b, c] = before.articles as [SnapshotArticle, SnapshotArticle, SnapshotArticle]
  const edited = { ...a, title: '职工书屋延长开放' }
  const followed = { ...edited, organization: { slug: 'union', name: '新名称工会' } }
  const added = article('d', '新发布：户外劳动者驿站', '2026-11-04T00:00:00.000Z')
  return {
    snapshot: { ...before, generatedAt: '2026-12-01T00:05:00.000Z', articles: [added, followed, b] },
    changes: [
      { kind: 'articles', before: a, after: edited },
      { kind: 'articles', before: c, after: undefined },
      { kind: 'articles', before: undefined, after: added },
      { kind: 'articles', before: edited, after: followed },
    ],
  }
}

describe('a snapshot update replayed on the copy before it', () => {
  it('holds every record the written file holds, newest article first, and stands for that file', async () => {
    const dir = path.join(root, 'replay')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const copy = readSnapshot(dir)
    const { snapshot, changes } = after()
    // Written behind the module's back, as the publishing process writes it for the renderer.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    expect(replaySnapshotUpdate(dir, { from: before.generatedAt, to: snapshot.generatedAt, changes })).toBe(true)
    const replayed = readSnapshot(dir)
    expect(replayed).toBe(copy)
    const file = parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir))
    expect(byId(replayed)).toEqual(byId(file))
    expect(replayed.articles.map((a) => a.slug)).toEqual(['d', 'a', 'b'])
  })

  it('leaves a copy of another version alone, so the next read parses the file', async () => {
    const dir = path.join(root, 'other')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const copy = readSnapshot(dir)
    const { snapshot, changes } = after()
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    expect(replaySnapshotUpdate(dir, { from: '2026-11-30T00:00:00.000Z', to: snapshot.generatedAt, changes })).toBe(false)
    expect(copy.articles.map((a) => a.title)).toEqual(before.articles.map((a) => a.title))
    expect(readSnapshot(dir).articles.map((a) => a.slug)).toEqual(['d', 'a', 'b'])
  })

  it('reads the file again in a round told nothing, after a replay made the copy stand for it', async () => {
    const dir = path.join(root, 'untold')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    readSnapshot(dir)
    const { snapshot, changes } = after()
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    replaySnapshotUpdate(dir, { from: before.generatedAt, to: snapshot.generatedAt, changes })
    // A full export replaces the file; a round without an update must see it.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify({ ...before, generatedAt: '2026-12-02T00:00:00.000Z', articles: [] }))
    expect(readSnapshot(dir).articles).toHaveLength(3)
    replaySnapshotUpdate(dir, undefined)
    expect(readSnapshot(dir).articles).toHaveLength(0)
  })
})

describe('a staged snapshot', () => {
  it('is this process’s copy before its file is written, and the file’s once it is', async () => {
    const dir = path.join(root, 'staged')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const { snapshot } = after()
    const write = stageSnapshot(dir, snapshot)
    expect(readSnapshot(dir)).toBe(snapshot)
    expect(parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir)).generatedAt).toBe(before.generatedAt)
    await write()
    expect(parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir)).generatedAt).toBe(snapshot.generatedAt)
    expect(readSnapshot(dir)).toBe(snapshot)
    // From now on the stamp decides again: a file written by another process is read.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify({ ...before, generatedAt: '2026-12-03T00:00:00.000Z' }))
    expect(readSnapshot(dir).generatedAt).toBe('2026-12-03T00:00:00.000Z')
  })
})
