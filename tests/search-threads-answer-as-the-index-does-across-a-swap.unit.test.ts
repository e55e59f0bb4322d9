import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot } from '../content-models/snapshot'
import { buildIndexFile } from '../site/search/indexFile'
import { createSearchPool, IndexUnreadable, type SearchPool } from '../site/search/pool'
import { parseRequest, SearchIndex } from '../site/search/query'
import { SEARCH_WORDS, snapshotWith, wordArticle } from './helpers/snapshots'

/**
 * Server searches run on worker threads (site/search/pool.ts). Whatever thread answers, the
 * answer must be the one the index gives in this process; after a publish swaps the index,
 * new queries read the new one while a query for the old one still finds it open; an index
 * that cannot be read is reported as such, so the server can fall back to the static page.
 */
const words = SEARCH_WORDS
const article = (i: number, edition: string) => wordArticle(i, `thread-${i}`, edition)

const snapshotOf = (count: number, edition: string): ContentSnapshot =>
  snapshotWith({ articles: Array.from({ length: count }, (_, i) => article(i + 1, edition)) })

let dir: string
let before: string
let after: string
let pool: SearchPool
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-threads-'))
  before = path.join(dir, 'before.search.sqlite')
  after = path.join(dir, 'after.search.sqlite')
  buildIndexFile(snapshotOf(60, '（旧版）'), before)
  buildIndexFile(snapshotOf(90, '（新版）'), after)
  pool = createSearchPool(2)
})
afterAll(async () => {
  await pool?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const requests = [...words, '旧版', '新版', '职工 驿站', '書屋'].flatMap((q) =>
  ['relevance', 'newest'].map((sort) => parseRequest(new URLSearchParams({ q, sort }))),
)

const inProcess = (file: string) => {
  const index = new SearchIndex(file)
  try {
    return requests.map((r) => index.search(r))
  } finally {
    index.close()
  }
}

describe('search threads', () => {
  it('answer every query, asked all at once, exactly as the index answers it in this process', async () => {
    const expected = inProcess(before)
    expect(expected.some((r) => r.total > 0)).toBe(true)
    expect(await Promise.all(requests.map((r) => pool.search(before, r)))).toEqual(expected)
  })

  it('read the new index after a swap while a query for the previous one still finds it open', async () => {
    pool.warm(after)
    const [old, fresh] = [inProcess(before), inProcess(after)]
    const mixed = await Promise.all(requests.flatMap((r) => [pool.search(after, r), pool.search(before, r)]))
    expect(mixed.filter((_, i) => i % 2 === 0)).toEqual(fresh)
    expect(mixed.filter((_, i) => i % 2 === 1)).toEqual(old)
    // The two editions differ, so answering from the wrong file could not pass.
    expect(fresh.map((r) => r.total)).not.toEqual(old.map((r) => r.total))
  })

  it('report an index they cannot open as unreadable, and keep answering from readable ones', async () => {
    const broken = path.join(dir, 'broken.search.sqlite')
    fs.writeFileSync(broken, 'not a database')
    await expect(pool.search(broken, requests[0]!)).rejects.toBeInstanceOf(IndexUnreadable)
    await expect(pool.search(path.join(dir, 'missing.search.sqlite'), requests[0]!)).rejects.toBeInstanceOf(IndexUnreadable)
    expect(await pool.search(after, requests[0]!)).toEqual(inProcess(after)[0])
  })
})
