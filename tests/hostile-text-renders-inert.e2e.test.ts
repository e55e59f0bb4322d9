import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from './helpers/browser'
import { blocksToLexical, pngImage } from './helpers/fixtures'
import { waitForDirectory, waitForSearchResults } from './helpers/pages'
import type { TestCms } from './helpers/payload'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'

/**
 * Every free-text field that reaches the site gets markup an attacker would try: a script
 * element, an event handler, an attribute break-out and broken HTML. Rich text also gets a
 * javascript: link and a table node (the editor has no table feature, but the API stores one)
 * whose cell attributes carry an event handler.
 */
const MARK = '敌意文本'
const ATTACKS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">"\'><svg onload="window.__pwned=1"><div><b>unclosed'
const hostile = (field: string) => `${MARK}${field} ${ATTACKS}`
const LINK_TEXT = `${MARK}链接`

const text = (value: string) => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })
const element = (type: string, children: object[], extra: object = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const hostileRichText = (field: string) => {
  const state = blocksToLexical([hostile(field)])
  state.root.children.push(
    element('paragraph', [
      element('link', [text(LINK_TEXT)], { fields: { url: 'javascript:window.__pwned=1', linkType: 'custom', newTab: false } }),
    ]) as never,
    element('table', [
      element('tablerow', [
        element('tablecell', [element('paragraph', [text(`${MARK}表格`)])], { headerState: '0" onclick="window.__pwned=1' }),
      ]),
    ]) as never,
  )
  return state
}

/** Field name → the hostile string a page must show as text. */
const shown = {
  article: ['标题', '摘要', '正文', '来源', '作者', '责编', '标签', '地区', '栏目', '图注', '原文'],
  service: ['服务', '提示', '单位', '简介', '适用', '步骤', '材料', '费用', '电话说明', '接听时间', '地点', '地址'],
  home: ['之家', '命名单位', '单位', '地区', '之家地址', '之家简介'],
  model: ['劳模', '工作单位', '职务', '行业', '地区', '荣誉', '授予单位', '工作室', '工作室简介', '事迹', '图注'],
}

const addHostileContent = async ({ payload }: TestCms) => {
  const city = (await payload.find({ collection: 'regions', where: { code: { equals: '339900' } } })).docs[0]
  const region = await payload.create({
    collection: 'regions',
    data: { name: hostile('地区'), code: '339931', level: 'district', parent: city?.id },
  })
  const organization = await payload.create({
    collection: 'organizations',
    data: { name: hostile('单位'), kind: 'federation', region: region.id },
  })
  const category = await payload.create({ collection: 'categories', data: { name: hostile('栏目'), slug: 'hostile-text', order: 99 } })
  const png = await pngImage(1200, 750)
  const media = await payload.create({
    collection: 'media',
    data: { alt: hostile('替代文字'), caption: hostile('图注'), credit: hostile('摄影') },
    file: { data: png, mimetype: 'image/png', name: 'hostile.png', size: png.length },
  })
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: hostile('标题'),
      summary: hostile('摘要'),
      body: hostileRichText('正文'),
      source: hostile('来源'),
      author: hostile('作者'),
      responsibleEditor: hostile('责编'),
      tags: [hostile('标签')],
      // 原文出处 is shown only for a web address, as a link: the hostile text rides in its query.
      originalUrl: `https://www.jnzgh.gov.cn/a/1.html?${hostile('原文')}`,
      cover: media.id,
      region: region.id,
      organization: organization.id,
      categories: [category.id],
      featured: true,
      publishedAt: new Date().toISOString(),
      _status: 'published',
    } as never,
  })
  await payload.create({
    collection: 'services',
    data: {
      name: hostile('服务'),
      category: 'legal-aid',
      status: 'active',
      alert: hostile('提示'),
      provider: organization.id,
      audiences: ['member'],
      summary: hostile('简介'),
      eligibility: hostile('适用'),
      howToApply: [{ step: hostile('步骤') }],
      documents: [{ name: hostile('材料') }],
      cost: { kind: 'member-discount', note: hostile('费用') },
      phones: [{ number: '0571-85123456', label: hostile('电话说明'), hours: hostile('接听时间'), kind: 'voice', hotline: true }],
      locations: [{ name: hostile('地点'), address: hostile('地址'), district: region.id }],
      serviceArea: [region.id],
      _status: 'published',
    } as never,
  })
  await payload.create({
    collection: 'workers-homes',
    data: {
      name: hostile('之家'),
      awardLevel: 'city-model',
      yearAwarded: 2024,
      awardingBody: hostile('命名单位'),
      organization: organization.id,
      region: region.id,
      address: hostile('之家地址'),
      // Facilities are a fixed vocabulary (select), so they cannot carry free text.
      facilities: ['book-house'],
      description: hostileRichText('之家简介'),
      photos: [media.id],
      _status: 'published',
    } as never,
  })
  await payload.create({
    collection: 'labor-models',
    data: {
      name: hostile('劳模'),
      kind: 'individual',
      photo: media.id,
      employer: hostile('工作单位'),
      jobTitle: hostile('职务'),
      industry: hostile('行业'),
      region: region.id,
      honors: [{ title: hostile('荣誉'), level: 'city', year: 2024, awardingBody: hostile('授予单位') }],
      studio: { name: hostile('工作室'), description: hostile('工作室简介') },
      biography: hostileRichText('事迹'),
      relatedArticles: [article.id],
      _status: 'published',
    } as never,
  })
}

let site: SampleSite
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  site = await buildSampleSite(addHostileContent)
  browser = await launchChromium()
  // CSP off: this file checks the escaping itself, not the CSP that would also stop a script.
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** What came out of content as markup rather than text: handlers, javascript: URLs, live scripts, injected elements. */
const injected = () =>
  page.evaluate(() => {
    const found: string[] = []
    if ((window as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned was set')
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`)
        // Browsers ignore control characters and spaces inside a URL scheme; so must the check.
        // eslint-disable-next-line no-control-regex
        const value = attr.value.replace(/[\u0000-\u0020]/g, '')
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(attr.name) && /^javascript:/i.test(value))
          found.push(`<${el.localName} ${attr.name}="${attr.value}">`)
      }
    }
    for (const script of document.querySelectorAll('script')) {
      if (!/json/.test(script.type) && script.textContent?.includes('__pwned')) found.push(`<script>${script.textContent.slice(0, 80)}`)
    }
    // The broken markup would leave a <b> around "unclosed"; the image would keep src="x".
    for (const el of document.querySelectorAll('img[src="x"], b, iframe, object, embed')) {
      if (el.localName !== 'b' || el.textContent?.startsWith('unclosed')) found.push(`<${el.localName}> element from content`)
    }
    return found
  })

const visibleText = () => page.evaluate(() => document.body.innerText)

/** Pages of the build whose HTML mentions the hostile content. */
const pagesWithHostileText = async () => {
  const files = (await fs.readdir(site.dir, { recursive: true })).map(String).filter((f) => f.endsWith('.html'))
  const urls: string[] = []
  for (const file of files) {
    if ((await fs.readFile(path.join(site.dir, file), 'utf8')).includes(MARK)) urls.push(`/${file.replace(/index\.html$/, '')}`)
  }
  return urls.sort()
}

const open = async (url: string) => {
  const response = await page.goto(`${site.url}${url}`)
  expect(response?.status(), url).toBe(200)
  if (url === '/services/') await waitForDirectory(page)
}

describe('hostile text in every field reaches the site as text', () => {
  it('no page that shows it runs it or turns it into markup', async () => {
    const urls = await pagesWithHostileText()
    // Article, lists, archive, section, region, service, home, model pages and their facets.
    for (const expected of [
      '/',
      '/news/',
      '/services/',
      '/services/category/legal-aid/',
      '/hotlines/',
      '/homes/',
      '/models/',
      '/organizations/',
      '/news/category/hostile-text/',
      '/news/region/339931/',
    ])
      expect(urls).toContain(expected)
    expect(urls.length).toBeGreaterThan(15)
    const report: string[] = []
    for (const url of urls) {
      await open(url)
      for (const finding of await injected()) report.push(`${url}: ${finding}`)
    }
    expect(report.join('\n')).toBe('')
  }, 120_000)

  it.each([
    ['article', '/news/', 'a[href^="/news/"]', '标题'],
    ['service', '/services/category/legal-aid/', 'a[href^="/services/"]', '服务'],
    ['home', '/homes/', 'a[href^="/homes/"]', '之家'],
    ['model', '/models/', 'a[href^="/models/"]', '劳模'],
  ] as const)('the %s page shows each field’s markup as visible text', async (kind, list, selector, nameField) => {
    await open(list)
    const href = await page
      .locator(`main ${selector}`, { hasText: hostile(nameField) })
      .first()
      .getAttribute('href')
    expect(href).toBeTruthy()
    await open(href!)
    const body = await visibleText()
    const missing = shown[kind].filter((field) => !body.includes(hostile(field)))
    expect(missing).toEqual([])
    expect(await injected()).toEqual([])
    if (kind === 'article') {
      // 原文出处 is a link the site does not vouch for, its hostile query only text.
      const source = page.locator('main p.meta a', { hasText: hostile('原文') })
      expect(await source.getAttribute('rel')).toBe('nofollow noopener')
      expect(await source.getAttribute('href')).toBe(`https://www.jnzgh.gov.cn/a/1.html?${hostile('原文')}`)
    }
    if (kind !== 'service') {
      // The javascript: link keeps its text but not its URL; the table keeps its text only.
      const link = page.locator('.prose a', { hasText: LINK_TEXT })
      expect(await link.count()).toBe(1)
      expect(await link.getAttribute('href')).toBe('#')
      expect(body).toContain(`${MARK}表格`)
    }
  })

  it('the service directory island shows the hostile name and district as text and filters by them', async () => {
    await open('/services/')
    expect(await page.locator('#svc-district option', { hasText: hostile('地区') }).count()).toBe(1)
    await page.fill('#svc-q', '<script>')
    await expect.poll(() => page.locator('.svc-item:visible').count()).toBe(1)
    expect(await injected()).toEqual([])
  })

  it('search results show the hostile title as text and run nothing', async () => {
    await open(`/search/?q=${encodeURIComponent(MARK)}`)
    await waitForSearchResults(page)
    const titles = await page.locator('#search-results h2').allTextContents()
    expect(titles).toContain(hostile('标题'))
    expect(titles).toContain(hostile('服务'))
    expect(await injected()).toEqual([])
  })

  it('RSS, sitemap and open data carry it escaped and run nothing when opened', async () => {
    const rss = await page.goto(`${site.url}/rss.xml`)
    const xml = await rss!.text()
    expect(await injected()).toEqual([])
    const titles = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml')
      if (doc.querySelector('parsererror')) return ['parse error']
      return [...doc.querySelectorAll('item > title')].map((t) => t.textContent)
    }, xml)
    expect(titles).toContain(hostile('标题'))

    await page.goto(`${site.url}/sitemap-0.xml`)
    expect(await injected()).toEqual([])

    const data = await page.goto(`${site.url}/open-data/services.json`)
    expect(await injected()).toEqual([])
    const names = ((await data!.json()) as { contents: { name: string; alert?: string }[] }).contents
    expect(names.find((s) => s.name === hostile('服务'))?.alert).toBe(hostile('提示'))
  })
})
