import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot } from '../content-models/snapshot'
import { launchChromium } from './helpers/browser'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'
import { snapshotDocuments } from '../site/search/documents'
import type { ShardManifest } from '../site/search/pagefind'
import { documentText, expectedUrls, foldForRecall, missedUrls, recallQueries, searchableDocuments } from './helpers/searchRecall'
import { addFixtureContent } from './helpers/site'

/**
 * The static path of search (Pagefind in the browser, no server answering /search.json):
 * every published document whose text contains the query is among the results, for every
 * query of the recall set; expected sets come from the snapshot (tests/helpers/searchRecall.ts).
 * Shards of 40 pages make the sample site's index several Pagefind indexes, as a large site's is,
 * and tiers of 40 dated pages make each of them a tier the page reads only when asked for more.
 */
let site: SampleSite
let snapshot: ContentSnapshot
let browser: Browser
let page: Page

beforeAll(async () => {
  site = await buildSampleSite(addFixtureContent, { searchShardPages: 40, searchTierPages: 40 })
  snapshot = JSON.parse(await fs.readFile(path.join(site.snapshotDir, 'content.json'), 'utf8')) as ContentSnapshot
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const settled = () =>
  page.waitForFunction(
    () =>
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    null,
    {
      timeout: 20_000,
    },
  )

const shardManifest = async () => JSON.parse(await fs.readFile(path.join(site.dir, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest
const firstLinks = () => page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))

/** Every result of a search, through the page: "more" until it hides (`reload: false` goes on from the page as it is). */
const allResults = async (query: string, extra = '', options: { reload?: boolean } = {}) => {
  if (options.reload !== false) {
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}${extra}`)
    await settled()
  }
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('#search-results li').count()
    await page.click('#search-more')
    // More results, or none left: the rest may all have failed the page's check.
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length > n || document.querySelector<HTMLElement>('#search-more')!.hidden,
      before,
    )
  }
  // Read last: the count follows what listing found not to match (site/scripts/searchPagefind.ts).
  const status = (await page.locator('#search-status').textContent()) ?? ''
  const total = Number(status.match(/找到 (\d+) 条结果/)?.[1] ?? 0)
  const links = await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
  return { total, links, metas: await page.locator('#search-results .meta').allTextContents() }
}

describe('static search in Chromium', () => {
  it('indexes the sample site in several shards and tiers', async () => {
    const manifest = await shardManifest()
    expect(manifest.shards.length).toBeGreaterThan(1)
    expect(new Set(manifest.shards.map((s) => s.tier)).size).toBeGreaterThanOrEqual(3)
  })

  it('reads only the first tier for a first search, and the older tiers when asked for more', async () => {
    const manifest = await shardManifest()
    const firstTier = new Set(manifest.shards.filter((s) => s.tier === 0).map((s) => s.path))
    const lastTier = manifest.shards.filter((s) => s.tier === Math.max(...manifest.shards.map((t) => t.tier))).map((s) => s.path)
    // The shard folder a request of the index reads from (the runtime and shards.json are in the first).
    const folders = new Set<string>()
    const onRequest = (request: { url: () => string }) => {
      const pathname = new URL(request.url()).pathname
      const folder = /\.pf_(meta|index|fragment)$/.test(pathname) && pathname.match(/^\/pagefind\/(shard-\d+\/)?/)?.[0]
      if (folder) folders.add(folder)
    }
    page.on('request', onRequest)
    try {
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('工会')}`)
      await settled()
      expect([...folders].sort()).toEqual([...firstTier].sort())
      const status = (await page.locator('#search-status').textContent()) ?? ''
      expect(status).toMatch(/找到 \d+ 条结果（先查了\d{4}年\d{1,2}月以来的内容，点“显示更多结果”查更早的）/)
      const newsUrls = [...expectedUrls(snapshot, '工会')].filter((u) => u.startsWith('/news/'))
      const dateOf = new Map(snapshot.articles.map((a) => [`/news/${a.slug}/`, a.publishedAt ?? '']))
      const oldest = newsUrls.filter((u) => dateOf.get(u)).sort((a, b) => dateOf.get(a)!.localeCompare(dateOf.get(b)!))[0]!
      expect(await firstLinks()).not.toContain(oldest)
      const { links, total } = await allResults('工会', '', { reload: false })
      expect(links).toContain(oldest)
      expect(total).toBe(links.length)
      expect(missedUrls(expectedUrls(snapshot, '工会'), links)).toEqual([])
      for (const folder of lastTier) expect(folders).toContain(folder)

      // A year (Beijing time, as the filter has it) reads at once the shards that reach into it.
      const year = new Date(Date.parse(dateOf.get(oldest)!) + 8 * 3600_000).getUTCFullYear()
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('工会')}&年份=${year}`)
      await settled()
      expect(await page.locator('#search-status').textContent()).not.toContain('先查了')
      expect((await allResults('工会', '', { reload: false })).links).toContain(oldest)
    } finally {
      page.off('request', onRequest)
    }
  })

  it('has recall queries that each match something, including one-script-only ones', () => {
    expect(recallQueries.length).toBeGreaterThanOrEqual(25)
    for (const q of recallQueries) expect(expectedUrls(snapshot, q).size, q).toBeGreaterThan(0)
    const raw = searchableDocuments(snapshot).map((d) => d.text)
    const occursAsWritten = (q: string) => raw.some((t) => q.split(/\s+/).every((term) => t.includes(term)))
    // Traditional query, Simplified pages only; and a Simplified query for a Traditional page only.
    expect(recallQueries).toContain('職工之家')
    expect(occursAsWritten('職工之家')).toBe(false)
    expect(recallQueries).toContain('旧城区')
    expect(occursAsWritten('旧城区')).toBe(false)
    expect(documentText(snapshot.articles.find((a) => a.slug === 'archive-traditional-book-house'))).toContain('舊城區')
  })

  it('finds every document that contains each query (recall 1.0 on the sample content)', async () => {
    const misses: string[] = []
    let expectedTotal = 0
    let foundTotal = 0
    for (const query of recallQueries) {
      const expected = expectedUrls(snapshot, query)
      const { links, total } = await allResults(query)
      expect(total, query).toBe(links.length)
      expect(new Set(links).size, query).toBe(links.length)
      const missed = missedUrls(expected, links)
      expectedTotal += expected.size
      foundTotal += expected.size - missed.length
      if (missed.length) misses.push(`${query}: ${missed.join(' ')}`)
    }
    expect(misses).toEqual([])
    expect(foundTotal / expectedTotal).toBe(1)
  }, 240_000)

  it('lists only pages whose text holds the query, and nothing for words no page has', async () => {
    // Pagefind drops from a query the words an index lacks; with shards of 40 pages that is common.
    const texts = [...snapshotDocuments(snapshot)].map((d) => ({
      url: d.url,
      text: foldForRecall([d.title, d.summary, d.body].join('\n')),
    }))
    const holding = (q: string) => {
      const terms = q.split(/\s+/).filter(Boolean).map(foldForRecall)
      return new Set(texts.filter((d) => terms.every((t) => d.text.includes(t))).map((d) => d.url))
    }
    const extra: string[] = []
    for (const query of recallQueries) {
      const { links, total } = await allResults(query)
      expect(total, query).toBe(links.length)
      const ok = holding(query)
      for (const l of links) if (!ok.has(l)) extra.push(`${query}: ${l}`)
    }
    expect(extra).toEqual([])
    for (const q of ['火星人', '职工书屋 火星人', '書屋流動車隊']) {
      expect(holding(q).size, q).toBe(0)
      const { links } = await allResults(q)
      expect(links, q).toEqual([])
      expect(await page.locator('#search-status').textContent(), q).toContain('没有找到')
    }
  }, 240_000)

  it('lists date-sorted results in date order across shards, newest and oldest first', async () => {
    for (const [sort, ordered] of [
      ['newest', (a: string[]) => [...a].sort().reverse()],
      ['oldest', (a: string[]) => [...a].sort()],
    ] as const) {
      const { links, metas } = await allResults('工会', `&类型=${encodeURIComponent('新闻')}&sort=${sort}`)
      const dates = metas.map((m) => m.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '')
      expect(links.length).toBe(
        expectedUrls(snapshot, '工会').size - [...expectedUrls(snapshot, '工会')].filter((u) => !u.startsWith('/news/')).length,
      )
      expect(dates.every(Boolean)).toBe(true)
      expect(dates).toEqual(ordered(dates))
    }
  }, 60_000)

  it('marks the query in excerpts as the page writes it, Traditional included', async () => {
    // An archive page: listed once the older tiers are read.
    const { links } = await allResults('旧城区职工书屋')
    expect(links).toContain('/news/archive-traditional-book-house/')
    const marks = await page.locator('#search-results li:has(a[href="/news/archive-traditional-book-house/"]) p mark').allTextContents()
    expect(marks).toContain('舊城區職工書屋')
  })
})
