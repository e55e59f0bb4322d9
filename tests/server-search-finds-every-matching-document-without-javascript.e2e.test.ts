import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot } from '../content-models/snapshot'
import { securityHeaders } from '../site/serve'
import { formatViolations, seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'
import { expectedUrls, recall, recallQueries } from './helpers/searchRecall'
import { addFixtureContent, DRAFT_MARKERS, serveStatic } from './helpers/site'

type Answer = {
  query: string
  total: number
  page: number
  pageSize: number
  results: { url: string; title: string; type: string; date?: string; excerptHtml: string }[]
  facets: Record<string, { value: string; count: number }[]>
}

let site: SampleSite
let snapshot: ContentSnapshot
let browser: Browser
let noScript: BrowserContext

beforeAll(async () => {
  site = await buildSampleSite(addFixtureContent, { search: true })
  snapshot = JSON.parse(await fs.readFile(path.join(site.snapshotDir, 'content.json'), 'utf8')) as ContentSnapshot
  browser = await launchChromium()
  noScript = await browser.newContext({ javaScriptEnabled: false })
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const json = async (params: Record<string, string>): Promise<Answer> => {
  const response = await fetch(`${site.url}/search.json?${new URLSearchParams(params)}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Answer
}

/** Every result URL of a query, page by page, as the script or a reader paging through would get them. */
const allResults = async (q: string, extra: Record<string, string> = {}) => {
  const urls: string[] = []
  for (let page = 1; ; page++) {
    const r = await json({ q, ...extra, page: String(page) })
    urls.push(...r.results.map((x) => x.url))
    if (page * r.pageSize >= r.total) return { urls, total: r.total }
  }
}

describe('server search over HTTP', () => {
  it(`finds every published document containing each of ${recallQueries.length} queries (recall 1.0)`, async () => {
    expect(recallQueries.length).toBeGreaterThanOrEqual(25)
    const misses: string[] = []
    for (const q of recallQueries) {
      const expected = expectedUrls(snapshot, q)
      expect(expected.size, `no sample document contains ${q}`).toBeGreaterThan(0)
      const { urls, total } = await allResults(q)
      expect(urls.length).toBe(total)
      if (recall(urls, expected) < 1) misses.push(`${q}: missing ${[...expected].filter((u) => !urls.includes(u)).join(' ')}`)
    }
    expect(misses).toEqual([])
  }, 120_000)

  it('never returns drafts, and the published text of a page whose newer revision is a draft', async () => {
    for (const marker of Object.values(DRAFT_MARKERS)) expect((await json({ q: marker })).total, marker).toBe(0)
    expect((await json({ q: '已发布的港区安全生产月报道' })).total).toBe(1)
  })

  it('counts each filter value as the filtered search finds it, and sorts by date', async () => {
    const q = '职工'
    const r = await json({ q })
    for (const [name, values] of Object.entries(r.facets)) {
      for (const { value, count } of values) expect((await json({ q, [name]: value })).total, `${name}=${value}`).toBe(count)
    }
    const news = await allResults(q, { 类型: '新闻', sort: 'oldest' })
    const dates = news.urls.map((u) => snapshot.articles.find((a) => `/news/${a.slug}/` === u)!.publishedAt)
    expect(dates).toEqual([...dates].sort())
    expect(news.total).toBe([...expectedUrls(snapshot, q)].filter((u) => u.startsWith('/news/')).length)
  }, 60_000)

  it('answers hostile queries with a normal page', async () => {
    for (const q of [
      '<script>alert(1)</script>',
      '"',
      '*',
      'NEAR(职工 书屋)',
      '职工 OR 书屋',
      '{title}:*',
      'x'.repeat(10_000),
      '職工" AND "1',
    ]) {
      const response = await fetch(`${site.url}/search/?q=${encodeURIComponent(q)}&page=-3&sort=%3Cb%3E&类型=%3Cscript%3E`)
      expect(response.status, q.slice(0, 20)).toBe(200)
      const html = await response.text()
      expect(html).not.toContain('<script>alert')
      expect(html).not.toContain('<b>')
      expect(html).toMatch(/id="search-status"[^>]*>[^<]*(找到|没有找到|关键词)/)
    }
  })
})

describe('the server-rendered search page without JavaScript', () => {
  it('shows results, filters with counts and pages through every result', async () => {
    const page = await noScript.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    const response = await page.goto(`${site.url}/search/?q=${encodeURIComponent('职工书屋')}`)
    for (const [name, value] of Object.entries(securityHeaders)) expect(response?.headers()[name.toLowerCase()], name).toBe(value)
    expect(await page.locator('html').getAttribute('data-search')).toBe('server')
    const expected = expectedUrls(snapshot, '职工书屋')
    // The index also holds labels the contract's walker leaves out (a home's 职工书屋 facility), so it may find more.
    const all = await allResults('职工书屋')
    expect(all.total).toBeGreaterThanOrEqual(expected.size)
    expect(await page.locator('#search-status').textContent()).toBe(`找到 ${all.total} 条结果`)
    await page.screenshot({ path: path.join(site.cms.dir, 'search-390.png'), fullPage: true })
    const seen = new Set<string>()
    for (;;) {
      for (const href of await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
        seen.add(href)
      expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0)
      const next = page.locator('.search-pager a[rel="next"]')
      if (!(await next.count())) break
      await next.click()
    }
    expect(seen).toEqual(new Set(all.urls))
    for (const url of expected) expect(seen.has(url), url).toBe(true)
    // A filter picked and the form sent, as a visitor without JavaScript does.
    await page.selectOption('select[name="类型"]', '新闻')
    await page.click('#search-page-form button[type="submit"]')
    await page.waitForURL(/%E7%B1%BB%E5%9E%8B=/)
    expect(await page.locator('#search-status').textContent()).toBe(`找到 ${all.urls.filter((u) => u.startsWith('/news/')).length} 条结果`)
    expect(new URL(page.url()).searchParams.get('类型')).toBe('新闻')
    await page.close()
  }, 60_000)

  it('offers 12351 and the service directory when nothing is found', async () => {
    const page = await noScript.newPage()
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('不存在的词语组合乙丙')}`)
    const status = page.locator('#search-status')
    expect(await status.textContent()).toContain('没有找到')
    expect(await status.locator('a[href="tel:12351"]').count()).toBe(1)
    expect(await status.locator('a[href="/services/"]').count()).toBe(1)
    await page.close()
  })

  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])(
    'passes axe at $width px with results and with none',
    async ({ width, height }) => {
      // Scripts enabled for axe, but the page's own never load: what a visitor without JavaScript sees.
      const page = await browser.newPage({ viewport: { width, height } })
      await page.route(/\.m?js(\?|$)/, (route) => route.abort())
      const report: string[] = []
      for (const q of ['法律援助', '不存在的词语组合乙丙']) {
        await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`)
        await page.screenshot({ path: path.join(site.cms.dir, `search-${width}-${q.length}.png`), fullPage: true })
        expect(await page.locator('html').getAttribute('data-search')).toBe('server')
        report.push(formatViolations(`${width}px ${q}`, await seriousViolations(page)))
      }
      expect(report.filter(Boolean).join('\n')).toBe('')
      await page.close()
    },
    60_000,
  )
})

describe('a plain static host', () => {
  it('serves the built page untouched, for Pagefind', async () => {
    const plain = await serveStatic(site.dir)
    try {
      const html = await (await fetch(`${plain.url}/search/?q=${encodeURIComponent('职工书屋')}`)).text()
      expect(html).not.toContain('data-search="server"')
      expect((await fetch(`${plain.url}/search.json?q=1`)).status).toBe(404)
    } finally {
      await plain.close()
    }
  })
})
