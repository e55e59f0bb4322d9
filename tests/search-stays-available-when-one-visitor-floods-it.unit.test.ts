import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SnapshotArticle } from '../content-models/snapshot'
import { indexFileOf } from '../site/search/files'
import { createSearchHandler } from '../site/search/handler'
import { buildIndexFile } from '../site/search/indexFile'
import { createSearchPool, SearchBusy } from '../site/search/pool'
import { isCostly, parseRequest, SearchIndex } from '../site/search/query'
import { createRateLimiter } from '../site/search/rateLimit'
import { snapshotWith } from './helpers/snapshots'

/**
 * One visitor must not make search unavailable to everyone (issue 24): a term the index can
 * only narrow down (`0会`) reads a bounded number of candidates and says so, such queries run
 * on a lane of their own that refuses more than it can hold, a query past its time limit is
 * stopped, and one client address is limited in how fast it may search.
 */

// Even documents hold `0会` (2020会员); odd ones hold 0 and 会 apart, so only reading the text tells them apart.
const article = (i: number): SnapshotArticle => {
  const body = i % 2 === 0 ? `第${i}号 2020会员代表大会在青湖区召开` : `编号20 会员代表第${i}次学习`
  return {
    id: String(i),
    slug: `flood-${i}`,
    title: `青湖区工会简报第${i}期`,
    summary: '简报',
    bodyHtml: `<p>${body}</p>`,
    bodyText: body,
    publishedAt: new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    categories: [{ slug: 'news', name: '工会要闻' }],
    tags: [],
    featured: false,
    script: 'simplified',
  }
}
const COUNT = 300

let dir: string
let build: string
let file: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-flood-'))
  build = path.join(dir, 'build')
  fs.mkdirSync(path.join(build, 'search'), { recursive: true })
  fs.writeFileSync(
    path.join(build, 'search', 'index.html'),
    '<html lang="zh-CN"><body><p id="search-status"></p><ol id="search-results"></ol></body></html>',
  )
  file = indexFileOf(build)
  buildIndexFile(snapshotWith({ articles: Array.from({ length: COUNT }, (_, i) => article(i + 1)) }), file)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const costly = parseRequest(new URLSearchParams({ q: '0会' }))
const ordinary = parseRequest(new URLSearchParams({ q: '简报' }))

describe('a term that needs the full text', () => {
  it('is recognised as costly, and an ordinary word is not', () => {
    expect(isCostly(costly)).toBe(true)
    expect(isCostly(ordinary)).toBe(false)
  })

  it('reads at most the limit of candidates, newest first, and says the answer is partial', () => {
    const bounded = new SearchIndex(file, { verifyLimit: 100 })
    const full = new SearchIndex(file)
    try {
      const all = full.search(costly)
      expect(all.total).toBe(COUNT / 2)
      expect(all.partial).toBeUndefined()
      const part = bounded.search({ ...costly, sort: 'newest' })
      expect(part.partial).toEqual({ checked: 100, candidates: COUNT })
      expect(part.total).toBe(50)
      // The newest 100 candidates are documents 201–300; their even half matches.
      expect(part.results[0]!.url).toContain(`flood-${COUNT}`)
      expect(part.results.every((r) => Number(/flood-(\d+)/.exec(r.url)![1]) > COUNT - 100)).toBe(true)
    } finally {
      bounded.close()
      full.close()
    }
  })
})

describe('the search pool', () => {
  it('refuses costly queries past what their lane holds while ordinary ones are still answered', async () => {
    const pool = createSearchPool({ threads: 1, maxWaitingCostly: 2 })
    try {
      const held = [pool.search(file, costly), pool.search(file, costly)]
      await expect(pool.search(file, costly)).rejects.toBeInstanceOf(SearchBusy)
      expect((await pool.search(file, ordinary)).total).toBe(COUNT)
      expect((await Promise.all(held)).map((r) => r.total)).toEqual([COUNT / 2, COUNT / 2])
    } finally {
      await pool.close()
    }
  })

  it('stops a query that runs past its time limit', async () => {
    // The limit counts from when the thread begins the query, so the query must itself run long:
    // the full text of 2,000 long candidates read and folded, against a limit of 1 ms.
    const slow = path.join(dir, 'slow.search.sqlite')
    const long = (i: number) => ({ ...article(i), bodyText: `${'劳动'.repeat(1_000)}第${i}号 2020会员代表大会` })
    buildIndexFile(snapshotWith({ articles: Array.from({ length: 2000 }, (_, i) => long(i + 1)) }), slow)
    const pool = createSearchPool({ threads: 1, timeoutMs: 1 })
    try {
      await expect(pool.search(slow, costly)).rejects.toBeInstanceOf(SearchBusy)
    } finally {
      await pool.close()
    }
  }, 60_000)
})

describe('searches per client address', () => {
  it('allow a burst, then refuse with the seconds to wait, and refill with time', () => {
    let now = 0
    const limiter = createRateLimiter({ burst: 3, perSecond: 1, now: () => now })
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(1)
    expect(limiter.take('b')).toBe(0)
    now = 2000
    expect(limiter.take('a')).toBe(0)
  })

  it('forget the longest idle address first, so a flood of addresses cannot grow it', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxClients: 2, now: () => 0 })
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBeGreaterThan(0)
    limiter.take('b')
    limiter.take('c')
    // `a` was forgotten: it starts again with a full burst.
    expect(limiter.take('a')).toBe(0)
  })

  it('are answered 429 with Retry-After and a message in Chinese, as JSON and as the page', async () => {
    // A burst of 2, then one search every 5 s: a slow machine's pauses between these requests refill nothing.
    const handler = createSearchHandler({ siteDir: build, headers: {}, threads: 1, ratePerSecond: 0.2, log: () => undefined })
    const server = http.createServer((req, res) => {
      if (!handler(req, res, () => res.writeHead(404).end())) res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const get = (p: string) => fetch(`http://127.0.0.1:${port}${p}`)
      const statuses: number[] = []
      for (let i = 0; i < 2; i++) statuses.push((await get('/search.json?q=%E7%AE%80%E6%8A%A5')).status)
      expect(statuses).toEqual([200, 200])
      const refused = await get('/search.json?q=%E7%AE%80%E6%8A%A5')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await refused.json()).toMatchObject({ busy: true, error: expect.stringMatching(/搜索太频繁，请 \d+ 秒后再试/) })
      const page = await get('/search/?q=%E7%AE%80%E6%8A%A5')
      expect(page.status).toBe(429)
      expect(await page.text()).toMatch(/<p id="search-status">搜索太频繁/)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await handler.close()
    }
  })
})
