import fs from 'node:fs/promises'
import path from 'node:path'

import { load } from 'cheerio'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configureSettings } from '../content-models/settings'
import { formatViolations, seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { paragraph } from './helpers/fixtures'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'

/**
 * Issue 28, as readers meet it: a live piece corrected with a public 更新说明 shows 首发, 更新
 * and the note, and carries dateModified in its JSON-LD and the feed; a typo fixed without a
 * note shows none of it. An imported page's old address leads the browser to its new page.
 */
const PUBLISHED = '2026-03-10T02:00:00.000Z'
const CORRECTED = '2026-03-12T06:30:00.000Z'
const NOTE = '更正：第二段中的培训日期应为3月18日，原文误作3月8日。'
const OLD_URL = 'http://www.jnzgh.gov.cn/html/2015/0312/1234.html'
const shots = process.env.SCREENSHOT_DIR

let site: SampleSite
let browser: Browser

beforeAll(async () => {
  configureSettings({ oldSiteHosts: ['www.jnzgh.gov.cn'] })
  site = await buildSampleSite(async ({ payload }) => {
    const corrected = await payload.create({
      collection: 'articles',
      data: {
        title: '市总工会开展职工技能培训',
        slug: 'skills-training-corrected',
        publishedAt: PUBLISHED,
        body: paragraph('培训于3月8日开班。'),
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'articles',
      id: corrected.id,
      data: { body: paragraph('培训于3月18日开班。'), corrections: [{ note: NOTE, date: CORRECTED }] },
    })
    const typo = await payload.create({
      collection: 'articles',
      data: {
        title: '东港区职工书屋周末开放',
        slug: 'reading-room-typo',
        publishedAt: PUBLISHED,
        body: paragraph('书屋周末开放，欢迎职工借阅。'),
        _status: 'published',
      },
    })
    // A typo fixed: no note, so no 更新 either (updatedAt changes all the same).
    await payload.update({ collection: 'articles', id: typo.id, data: { body: paragraph('书屋周末照常开放，欢迎职工借阅。') } })
    await payload.create({
      collection: 'articles',
      data: {
        title: '旧网站导入的劳模事迹',
        slug: 'imported-model-story',
        publishedAt: PUBLISHED,
        originalUrl: OLD_URL,
        body: paragraph('旧网站的文章。'),
        _status: 'published',
      },
    })
  })
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  configureSettings({ oldSiteHosts: [] })
  await browser?.close()
  await site?.close()
})

const page = (slug: string) => fs.readFile(path.join(site.dir, 'news', slug, 'index.html'), 'utf8')
const jsonLd = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!) as Record<string, string>
const text = (html: string) => load(html)('body').text()

describe('a correction readers can see', () => {
  it('shows 首发 and 更新 with the note on the corrected page, and dateModified is the note’s date', async () => {
    const html = await page('skills-training-corrected')
    expect(text(html)).toMatch(/首发\s*2026年3月10日/)
    expect(text(html)).toMatch(/更新\s*2026年3月12日/)
    expect(text(html)).toContain(NOTE)
    expect(jsonLd(html)).toMatchObject({ datePublished: PUBLISHED, dateModified: CORRECTED })
  })

  it('shows neither 更新 nor a note after a typo fixed without one, and dateModified stays the first publication', async () => {
    const html = await page('reading-room-typo')
    expect(text(html)).not.toContain('更新')
    expect(text(html)).not.toContain('首发')
    expect(html).not.toContain('id="corrections"')
    expect(jsonLd(html)).toMatchObject({ datePublished: PUBLISHED, dateModified: PUBLISHED })
  })

  it('carries dcterms:modified per item in the feed', async () => {
    const feed = await fs.readFile(path.join(site.dir, 'rss.xml'), 'utf8')
    const item = (slug: string) => feed.split('<item>').find((i) => i.includes(`/news/${slug}/`))!
    expect(item('skills-training-corrected')).toContain(`<dcterms:modified>${CORRECTED}</dcterms:modified>`)
    expect(item('reading-room-typo')).toContain(`<dcterms:modified>${PUBLISHED}</dcterms:modified>`)
    expect(feed).toContain('xmlns:dcterms="http://purl.org/dc/terms/"')
  })

  for (const width of [390, 1280])
    for (const javaScriptEnabled of [true, false])
      it(`is readable at ${width} px ${javaScriptEnabled ? 'with' : 'without'} JavaScript and passes axe`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled })
        const tab = await context.newPage()
        expect((await tab.goto(`${site.url}/news/skills-training-corrected/`))?.status()).toBe(200)
        await expect(tab.locator('#corrections').textContent()).resolves.toContain(NOTE)
        // The page is no wider than the window: the note wraps.
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
        if (shots)
          await tab.screenshot({ path: path.join(shots, `corrected-${width}-${javaScriptEnabled ? 'js' : 'nojs'}.png`), fullPage: true })
        if (javaScriptEnabled) expect(formatViolations(`corrected page at ${width}`, await seriousViolations(tab))).toBe('')
        await context.close()
      })
})

describe('an imported page’s old address', () => {
  it('takes the browser to the new page', async () => {
    const tab = await browser.newPage()
    const response = await tab.goto(`${site.url}/html/2015/0312/1234.html`)
    expect(response?.status()).toBe(200)
    expect(new URL(tab.url()).pathname).toBe('/news/imported-model-story/')
    expect(response?.request().redirectedFrom()?.url()).toBe(`${site.url}/html/2015/0312/1234.html`)
    await expect(tab.locator('h1').textContent()).resolves.toBe('旧网站导入的劳模事迹')
    if (shots) await tab.screenshot({ path: path.join(shots, 'old-link-arrived.png') })
    await tab.close()
  })
})
