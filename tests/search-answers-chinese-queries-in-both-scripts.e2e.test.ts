import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { seedSampleContent } from '../cms/seed'
import { buildSite } from '../site/publish'
import { launchChromium } from './helpers/browser'
import { startTestCms, type TestCms } from './helpers/payload'
import { addFixtureContent, DRAFT_MARKERS, serveStatic } from './helpers/site'

let cms: TestCms
let site: { url: string; close: () => Promise<void> }
let browser: Browser
let page: Page

beforeAll(async () => {
  cms = await startTestCms()
  await seedSampleContent(cms.payload)
  await addFixtureContent(cms)
  const snapshotDir = path.join(cms.dir, 'snapshot')
  await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotDir)
  const build = await buildSite({ snapshotDir, dist: path.join(cms.dir, 'dist') })
  site = await serveStatic(build.dir)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 390, height: 844 } })
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
  await cms?.close()
})

const search = async (query: string) => {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`)
  // Results render after the count is announced; aria-busy turns false when both are done.
  await page.waitForFunction(
    () =>
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      /找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  )
  return {
    status: (await page.locator('#search-status').textContent()) ?? '',
    titles: await page.locator('#search-results h2').allTextContents(),
    links: await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)),
  }
}

describe('Pagefind search in a real browser', () => {
  it('finds workers’ book houses (职工书屋) in news and services', async () => {
    const { titles, links } = await search('职工书屋')
    expect(titles.length).toBeGreaterThan(2)
    expect(links.some((l) => l.startsWith('/news/'))).toBe(true)
    expect(titles.slice(0, 5).some((t) => t.includes('职工书屋'))).toBe(true)
  })

  it('finds legal aid (法律援助) services and news', async () => {
    const { links } = await search('法律援助')
    expect(links.some((l) => l.startsWith('/services/'))).toBe(true)
    expect(links.some((l) => l.startsWith('/news/'))).toBe(true)
  })

  it('offers its filters from the page itself, without downloading Pagefind’s filter index', async () => {
    const fetched: string[] = []
    const track = (r: { url: () => string }) => fetched.push(new URL(r.url()).pathname)
    page.on('request', track)
    await search('职工书屋')
    page.off('request', track)
    expect(fetched.some((u) => u.startsWith('/pagefind/filter/'))).toBe(false)
    const years = await page.locator('select[name="年份"] option').allTextContents()
    expect(years[0]).toBe('全部')
    expect(years.slice(1).every((y) => /^\d{4}（\d+）$/.test(y))).toBe(true)
    expect(await page.locator('select[name="类型"] option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^新闻（\d+）$/), expect.stringMatching(/^服务（\d+）$/)]),
    )
  })

  it('finds the 12351 hotline', async () => {
    const { links } = await search('12351')
    expect(links.length).toBeGreaterThan(0)
    expect(links.some((l) => l.startsWith('/hotlines/') || l.startsWith('/services/'))).toBe(true)
  })

  it('finds a Traditional-script archive page with a Simplified query', async () => {
    const { links } = await search('旧城区职工书屋')
    expect(links).toContain('/news/archive-traditional-book-house/')
  })

  it('finds Simplified pages with a Traditional query', async () => {
    const { links } = await search('法律援助 職工')
    expect(links.length).toBeGreaterThan(0)
  })

  it('never returns a draft', async () => {
    const { titles, status } = await search(DRAFT_MARKERS.article)
    expect(titles.join('')).not.toContain(DRAFT_MARKERS.article)
    expect(status).toMatch(/没有找到|找到/)
  })

  it('narrows by content type and sorts newest first', async () => {
    await search('工会')
    await page.selectOption('select[name="类型"]', '新闻')
    await page.selectOption('#sort', 'newest')
    await page.waitForSelector('#search-results[aria-busy="false"]')
    const links = await page.locator('#search-results h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
    expect(links.length).toBeGreaterThan(1)
    // One page of results, each once: a superseded search must not add its results to the list.
    expect(links.length).toBeLessThanOrEqual(10)
    expect(new Set(links).size).toBe(links.length)
    expect(links.every((l) => l.startsWith('/news/'))).toBe(true)
    const dates = await page.locator('#search-results .meta').allTextContents()
    const isoDates = dates.map((d) => d.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '')
    expect([...isoDates].sort().reverse()).toEqual(isoDates)
  })
})
