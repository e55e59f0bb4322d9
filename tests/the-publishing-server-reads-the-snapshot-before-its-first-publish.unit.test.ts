import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import type { SnapshotUpdate } from '../content-models/changes'
import type { SnapshotArticle } from '../content-models/snapshot'
import { preloadSnapshot, readSnapshot, readSnapshotFiles, snapshotChunks, snapshotFile, snapshotLogFile } from '../site/snapshot'
import { snapshotWith } from './helpers/snapshots'

/**
 * The publishing server reads the snapshot while nobody publishes (site/publisher.ts prepare),
 * a record at a time, so that the first publish after a full build made by another process
 * (`npm start` builds before the admin starts) needs no parse of the whole file.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-preload-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

const article = (i: number): SnapshotArticle => ({
  id: String(i),
  slug: `a-${i}`,
  title: `第 ${i} 篇职工新闻`,
  bodyHtml: `<p>正文 ${i}</p>`,
  bodyText: `正文 ${i}`,
  publishedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
  updatedAt: '2026-02-01T00:00:00.000Z',
  categories: [{ slug: 'news', name: '要闻' }],
  tags: [],
  featured: false,
  script: 'simplified',
})

/** Writes a snapshot as another process would (this process's copy knows nothing of it). */
const writtenElsewhere = (dir: string, articles: unknown[], log?: SnapshotUpdate) => {
  fs.mkdirSync(dir, { recursive: true })
  const snapshot = snapshotWith({
    articles: articles as SnapshotArticle[],
    regions: [{ code: '330702', name: '东港区', level: 'district' }],
  })
  fs.writeFileSync(snapshotFile(dir), [...snapshotChunks(snapshot)].join(''))
  if (log) fs.writeFileSync(snapshotLogFile(dir), `${JSON.stringify(log)}\n`)
  return snapshot
}

describe('reading the snapshot before the first publish', () => {
  it('holds what the files hold, its log applied, and the next read parses nothing', async () => {
    const dir = path.join(root, 'ok')
    const articles = Array.from({ length: 300 }, (_, i) => article(i))
    const added = article(300)
    writtenElsewhere(dir, articles, {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
      changes: [{ kind: 'articles', after: added }],
    })
    await preloadSnapshot(dir)
    // The whole-file read opens it (a record a line) or reads it at once (another layout).
    const opens = vi.spyOn(fs, 'openSync')
    const reads = vi.spyOn(fs, 'readFileSync')
    const preloaded = readSnapshot(dir)
    for (const spy of [opens, reads]) expect(spy.mock.calls.filter(([file]) => String(file) === snapshotFile(dir))).toEqual([])
    vi.restoreAllMocks()
    expect(preloaded).toEqual(readSnapshotFiles(dir))
    expect(preloaded.generatedAt).toBe('2026-01-02T00:00:00.000Z')
    expect(preloaded.articles).toHaveLength(301)
  })

  it('refuses a record that does not match the schema, naming the file, the record and what to do', async () => {
    const dir = path.join(root, 'bad')
    writtenElsewhere(dir, [article(1), { ...article(2), title: 42 }])
    await expect(preloadSnapshot(dir)).rejects.toThrow(/bad\/content\.json.*articles\[1\]\.title.*npm run export/s)
    // The idle server asks again every second: the same file is not read again.
    const opens = vi.spyOn(fs, 'openSync')
    await preloadSnapshot(dir)
    expect(opens.mock.calls.filter(([file]) => String(file) === snapshotFile(dir))).toEqual([])
  })

  it('refuses a snapshot of another version by its version, before checking any record', async () => {
    const dir = path.join(root, 'old')
    const snapshot = { ...snapshotWith({ articles: [{ ...article(1), title: 42 } as never] }), version: 0 }
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(snapshotFile(dir), [...snapshotChunks(snapshot as never)].join(''))
    await expect(preloadSnapshot(dir)).rejects.toThrow(/has version 0.*npm run export/)
  })
})
