/**
 * Issue 15, the worker on the street, in Chromium on one build of the sample content:
 * 离我最近 on the rest stations, the directory and the workers' homes; the union organization
 * tree; and the hotlines, the directory and a saved service with no network.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'

import type { ContentSnapshot, SnapshotCoordinates, SnapshotOrganization } from '../content-models/snapshot'
import { telHref } from '../site/lib/format'
import { HOMES_PER_PAGE } from '../site/lib/homes'
import { NEAR_PLACES_SHOWN } from '../site/lib/nearPlaces'
import { SERVICES_PER_PAGE } from '../site/lib/serviceDirectory'
import { indexFileOf } from '../site/search/files'
import { SearchIndex } from '../site/search/query'
import { formatViolations, seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { waitForDirectory } from './helpers/pages'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'

let site: SampleSite
let browser: Browser
let snapshot: ContentSnapshot

beforeAll(async () => {
  site = await buildSampleSite()
  snapshot = JSON.parse(await fs.readFile(path.join(site.cms.dir, 'snapshot', 'content.json'), 'utf8'))
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

/** Metres by the flat-earth approximation: a check on the site's haversine that shares no code with it. */
const roughMetres = (a: SnapshotCoordinates, b: SnapshotCoordinates) => {
  const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * 111_195
  const y = (b.lat - a.lat) * 111_195
  return Math.hypot(x, y)
}
/** A position `metres` due north of a place. */
const northOf = (p: SnapshotCoordinates, metres: number) => ({ latitude: p.lat + metres / 111_195, longitude: p.lng })

const stations = () =>
  snapshot.services
    .filter((s) => s.category === 'rest-station' && s.status !== 'ended')
    .flatMap((s) => s.locations.map((l) => ({ service: s, location: l })))

const axeClean = async (page: Page, where: string) => expect(formatViolations(where, await seriousViolations(page))).toBe('')

const withContext = async (options: Parameters<Browser['newContext']>[0], run: (context: BrowserContext, page: Page) => Promise<void>) => {
  const context = await browser.newContext(options)
  try {
    await run(context, await context.newPage())
  } finally {
    await context.close()
  }
}

describe('离我最近', () => {
  it('with the location granted, lists the nearest rest stations from the data file, with distance, open state and map links', async () => {
    const all = stations()
    const located = all.filter((s) => s.location.coordinates)
    // The station the page lists last, so only sorting can bring it to the top.
    const target = located.at(-1)!
    const origin = northOf(target.location.coordinates!, 850)
    const expected = [...located]
      .sort(
        (a, b) =>
          roughMetres({ lat: origin.latitude, lng: origin.longitude }, a.location.coordinates!) -
          roughMetres({ lat: origin.latitude, lng: origin.longitude }, b.location.coordinates!),
      )
      .map((s) => s.service.name)
    expect(expected[0]).toBe(target.service.name)

    for (const viewport of [PHONE, DESKTOP]) {
      await withContext({ viewport, geolocation: origin, permissions: ['geolocation'] }, async (_, page) => {
        await page.goto(`${site.url}/services/rest-stations/`)
        const before = await page.$$eval('#station-list > li', (lis) => lis.map((li) => (li as HTMLElement).dataset.name))
        expect(before.at(-1)).not.toBe(target.service.name) // sanity: the default order is not the answer
        const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/services/data/rest-station.json')
        await page.click('.near-btn')
        await page.waitForFunction(() => /已按直线距离排序/.test(document.querySelector('.near-status')?.textContent ?? ''))
        expect((await fetched).ok()).toBe(true)
        const cards = await page.$$eval('#station-list > li', (lis) =>
          lis.map((li) => ({
            name: (li as HTMLElement).dataset.name,
            distance: li.querySelector('.near-distance')?.textContent,
            open: li.querySelector('.near-info .badge')?.textContent,
            maps: [...li.querySelectorAll('a[href^="https://uri.amap.com/"], a[href^="https://api.map.baidu.com/"]')].length,
          })),
        )
        // The page holds one page of stations; the nearest come from the category's data file.
        expect(cards.map((c) => c.name)).toEqual(expected.slice(0, NEAR_PLACES_SHOWN))
        expect(cards[0]!.distance).toBe('约 850 米')
        expect(await page.textContent('.near-status')).toContain(`${target.service.name}（约 850 米）`)
        for (const c of cards.slice(0, located.length)) {
          expect(c.distance, c.name).toMatch(/^约 [\d.]+ (米|公里)$/)
          expect(['现在开放', '现在未开放', '开放时间请电话确认', '暂停服务'], c.name).toContain(c.open)
          expect(c.maps, c.name).toBe(2)
        }
        await axeClean(page, `rest stations sorted at ${viewport.width}px`)
      })
    }
  }, 60_000)

  it('without JavaScript, the rest stations are a first page and a paged list per district, the homes a first page, and no button shows', async () => {
    await withContext({ viewport: PHONE, javaScriptEnabled: false }, async (_, page) => {
      await page.goto(`${site.url}/services/rest-stations/`)
      expect(await page.locator('#station-list > li').count()).toBe(Math.min(stations().length, SERVICES_PER_PAGE))
      expect(await page.locator('.near-btn').isVisible()).toBe(false)
      const districtLinks = await page.$$eval('#station-districts ~ ul a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname))
      let listed = 0
      for (const href of districtLinks) {
        await page.goto(`${site.url}${href}`)
        listed += await page.locator('#station-list > li').count()
      }
      expect(listed).toBe(stations().filter((s) => s.location.district).length)
      await page.goto(`${site.url}/homes/`)
      expect(await page.locator('#homes-list > li').count()).toBe(Math.min(snapshot.workersHomes.length, HOMES_PER_PAGE))
      expect(await page.locator('.near-btn').isVisible()).toBe(false)
    })
  })

  it('without JavaScript, 法律援助 in a district is two taps from the category, and lists every legal-aid service there and every city-wide one', async () => {
    // Worked out here from the snapshot, sharing no code with the site: a service is in a district
    // when a location or its service area is in it (a 街道 by its parent), city-wide when its area
    // is the city or wider or it names no district at all.
    const districtOf = (r: { code: string; level: string; parentCode?: string } | undefined) =>
      r?.level === 'district' ? r.code : r?.level === 'subdistrict' ? r.parentCode : undefined
    const reach = (s: ContentSnapshot['services'][number]) => {
      const codes = [...s.locations.map((l) => districtOf(l.district)), ...s.serviceArea.map(districtOf)].filter(Boolean)
      return { codes, citywide: codes.length === 0 || s.serviceArea.some((a) => a.level === 'city' || a.level === 'province') }
    }
    const legalAid = snapshot.services.filter((s) => s.category === 'legal-aid')
    await withContext({ viewport: PHONE, javaScriptEnabled: false }, async (_, page) => {
      await page.goto(`${site.url}/services/category/legal-aid/`)
      const districts = await page.$$eval('#svc-category-districts ~ ul a', (as) =>
        as.map((a) => [a.textContent!.trim(), (a as HTMLAnchorElement).pathname]),
      )
      const withLegalAid = snapshot.regions.filter(
        (r) => r.level === 'district' && legalAid.some((s) => reach(s).citywide || reach(s).codes.includes(r.code)),
      )
      expect(districts.map(([name]) => name)).toEqual(withLegalAid.map((r) => r.name))
      for (const [name, href] of districts) {
        await page.goto(`${site.url}${href}`)
        expect(await page.locator('h1').textContent()).toContain(name)
        const listed: string[] = []
        for (;;) {
          listed.push(...(await page.locator('#svc-browse .svc-list h3 a').allTextContents()).map((t) => t.trim()))
          const next = page.locator('a[rel="next"]')
          if (!(await next.count())) break
          await next.click()
        }
        const code = withLegalAid.find((r) => r.name === name)!.code
        const expected = legalAid.filter((s) => reach(s).citywide || reach(s).codes.includes(code)).map((s) => s.name)
        expect(expected.length).toBeGreaterThan(0)
        expect(listed.sort()).toEqual(expected.sort())
        expect(await page.locator('a[href^="tel:"]').first().isVisible()).toBe(true)
      }
    })
  })

  it('the directory sorts what its filters leave, nearest first', async () => {
    const target = stations().find((s) => s.service.status === 'active' && s.location.coordinates)!
    const origin = northOf(target.location.coordinates!, 850)
    const here = { lat: origin.latitude, lng: origin.longitude }
    const restServices = snapshot.services.filter((s) => s.category === 'rest-station')
    const nearest = (s: (typeof restServices)[number]) =>
      Math.min(...s.locations.filter((l) => l.coordinates).map((l) => roughMetres(here, l.coordinates!)))
    const expected = [...restServices].sort((a, b) => nearest(a) - nearest(b)).map((s) => s.name)
    await withContext({ viewport: PHONE, geolocation: origin, permissions: ['geolocation'] }, async (_, page) => {
      await page.goto(`${site.url}/services/?cat=rest-station`)
      await waitForDirectory(page)
      await page.click('.svc-near-btn')
      await page.waitForSelector('.svc-near .svc-item')
      const names = await page.$$eval('.svc-near li h3 a', (as) => as.map((a) => a.textContent))
      expect(names).toEqual(expected)
      expect(await page.textContent('.svc-near li .svc-distance strong')).toBe('约 850 米')
      expect(await page.locator('.svc-near li').first().locator('a[href^="https://uri.amap.com/"]').count()).toBe(1)
      await axeClean(page, 'directory nearest first')
    })
  }, 60_000)

  it("puts the nearest workers' home first", async () => {
    const homes = snapshot.workersHomes.filter((h) => h.coordinates)
    const target = homes.at(-1)!
    const origin = northOf(target.coordinates!, 300)
    const here = { lat: origin.latitude, lng: origin.longitude }
    const expected = [...homes].sort((a, b) => roughMetres(here, a.coordinates!) - roughMetres(here, b.coordinates!)).map((h) => h.name)
    await withContext({ viewport: PHONE, geolocation: origin, permissions: ['geolocation'] }, async (_, page) => {
      await page.goto(`${site.url}/homes/`)
      const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/homes/data/places.json')
      await page.click('.near-btn')
      await page.waitForFunction(() => /已按直线距离排序/.test(document.querySelector('.near-status')?.textContent ?? ''))
      expect((await fetched).ok()).toBe(true)
      const names = await page.$$eval('#homes-list > li h3', (hs) => hs.map((h) => h.textContent))
      expect(names).toEqual(expected.slice(0, NEAR_PLACES_SHOWN))
      expect(await page.textContent('#homes-list > li .near-distance')).toBe('约 300 米')
    })
  }, 60_000)

  it('with the location refused, says so and hands over the district filter', async () => {
    await withContext({ viewport: PHONE, geolocation: { latitude: 30.3, longitude: 120.1 }, permissions: [] }, async (_, page) => {
      await page.goto(`${site.url}/services/rest-stations/`)
      await page.click('.near-btn')
      await page.waitForSelector('.near-status.problem')
      expect(await page.textContent('.near-status')).toContain('没有获得位置权限')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('station-districts')
      expect(await page.locator('nav[aria-labelledby="station-districts"] a[href^="/services/rest-stations/"]').count()).toBeGreaterThan(0)
      await axeClean(page, 'rest stations, location refused')

      await page.goto(`${site.url}/services/`)
      await waitForDirectory(page)
      await page.click('.svc-near-btn')
      await page.waitForSelector('.svc-geo-problem')
      expect(await page.textContent('.svc-geo-problem')).toContain('没有获得位置权限')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('svc-district')
      // The page is still the directory's first view: its filter links, no list.
      expect(await page.locator('.svc-near').count()).toBe(0)
      expect(await page.locator('.svc-item:visible').count()).toBe(0)
      expect(await page.locator('.svc-facets a:visible').count()).toBeGreaterThan(0)
    })
  }, 60_000)
})

describe('工会组织', () => {
  const url = (o: SnapshotOrganization) => `/organizations/${o.slug}/`
  const depthOf = (o: SnapshotOrganization): number => {
    const parent = snapshot.organizations.find((p) => p.slug === o.parentSlug)
    return parent ? depthOf(parent) + 1 : 0
  }

  it('shows every organization once, under its own parent, down to the grassroots unions', async () => {
    await withContext({ viewport: PHONE }, async (_, page) => {
      await page.goto(`${site.url}/organizations/`)
      const nodes = await page.$$eval('[data-org-node]', (lis) =>
        lis.map((li) => ({
          href: li.querySelector(':scope > .org-node a')?.getAttribute('href'),
          parent: li.parentElement?.closest('[data-org-node]')?.querySelector(':scope > .org-node a')?.getAttribute('href') ?? null,
          depth: (() => {
            let d = 0
            for (let e = li.parentElement?.closest('[data-org-node]'); e; e = e.parentElement?.closest('[data-org-node]')) d++
            return d
          })(),
        })),
      )
      const orgs = snapshot.organizations
      expect(nodes.map((n) => n.href).sort()).toEqual(orgs.map(url).sort())
      for (const o of orgs) {
        const node = nodes.find((n) => n.href === url(o))!
        const parent = orgs.find((p) => p.slug === o.parentSlug)
        expect(node.parent, o.name).toBe(parent ? url(parent) : null)
        expect(node.depth, o.name).toBe(depthOf(o))
      }
      // 总工会 → 区县 → 街道 → 社区/楼宇: four levels in the sample tree.
      expect(Math.max(...nodes.map((n) => n.depth))).toBeGreaterThanOrEqual(3)
      const kinds = new Set(orgs.map((o) => o.kind))
      for (const kind of ['federation', 'subdistrict', 'community', 'enterprise']) expect(kinds.has(kind), kind).toBe(true)
    })
  })

  it('narrows the tree as the worker types, keeping each match under its parents', async () => {
    const word = snapshot.organizations.find((o) => o.kind === 'community')!.name.slice(0, 4)
    const matching = snapshot.organizations.filter(
      (o) => o.name.includes(word) || o.address?.includes(word) || o.region?.name.includes(word),
    )
    const withAncestors = new Set<string>()
    for (const m of matching)
      for (let o: SnapshotOrganization | undefined = m; o; o = snapshot.organizations.find((p) => p.slug === o!.parentSlug))
        withAncestors.add(url(o))
    await withContext({ viewport: PHONE }, async (_, page) => {
      await page.goto(`${site.url}/organizations/`)
      await page.fill('#org-q', word)
      await page.waitForFunction(() => /找到/.test(document.querySelector('.org-find-status')?.textContent ?? ''))
      const visible = await page.$$eval('[data-org-node]', (lis) =>
        lis.filter((li) => !li.closest('[hidden]')).map((li) => li.querySelector(':scope > .org-node a')!.getAttribute('href')),
      )
      expect(new Set(visible)).toEqual(withAncestors)
      expect(await page.textContent('.org-find-status')).toBe(`找到 ${matching.length} 个工会组织`)
    })
  })

  it('gives each organization its address, phones to tap, services, homes, children and JSON-LD with its parent', async () => {
    const index = new SearchIndex(indexFileOf(site.dir))
    onTestFinished(() => index.close())
    for (const o of snapshot.organizations) {
      const html = await (await fetch(`${site.url}${url(o)}`)).text()
      if (o.address) expect(html, o.name).toContain(o.address)
      for (const p of o.phones) expect(html, `${o.name} ${p.number}`).toContain(`href="${telHref(p.number)}"`)
      for (const s of snapshot.services.filter((s) => s.provider?.slug === o.slug && s.status !== 'ended'))
        expect(html, `${o.name} → ${s.name}`).toContain(`href="/services/${s.slug}/"`)
      for (const h of snapshot.workersHomes.filter((h) => h.organization?.slug === o.slug))
        expect(html, `${o.name} → ${h.name}`).toContain(`href="/homes/${h.slug}/"`)
      for (const c of snapshot.organizations.filter((c) => c.parentSlug === o.slug))
        expect(html, `${o.name} → ${c.name}`).toContain(`href="${url(c)}"`)
      const news = snapshot.articles.filter((a) => a.organization?.slug === o.slug)
      if (news[0]) expect(html, `${o.name} news`).toContain(`href="/news/${news[0].slug}/"`)
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!)
      expect(ld['@type']).toBe('Organization')
      expect(ld.name).toBe(o.name)
      const parent = snapshot.organizations.find((p) => p.slug === o.parentSlug)
      expect(ld.parentOrganization?.name, o.name).toBe(parent?.name)
      // Searchable as a union organization: the build's index finds its page by its name under the type filter.
      const found = index.search({ q: o.name, filters: { 类型: '工会组织' }, sort: 'relevance', page: 1 })
      expect(
        found.results.map((r) => r.url),
        o.name,
      ).toContain(url(o))
    }
    const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text()
    for (const o of snapshot.organizations) expect(sitemap, o.name).toContain(`${url(o)}</loc>`)
  })
})

describe('离线可用', () => {
  const keptPaths = (page: Page) =>
    page.evaluate(async () => {
      const cache = await caches.open('union-offline-pages-v1')
      return (await cache.keys()).map((r) => new URL(r.url).pathname).sort()
    })

  it('after one visit, the hotlines, the directory and a saved service open with no network, dated; other pages are not passed off as current', async () => {
    const legal = snapshot.services.find((s) => s.category === 'legal-aid' && s.status === 'active' && s.phones.length > 1)!
    const article = snapshot.articles[0]!
    await withContext({ viewport: PHONE }, async (context, page) => {
      await page.goto(`${site.url}/`)
      await page.evaluate(() => navigator.serviceWorker.ready)
      await expect.poll(() => keptPaths(page), { timeout: 20_000 }).toEqual(['/hotlines/', '/saved/', '/services/'])

      // A filter used online keeps answering offline: its category's data is kept when fetched.
      await page.goto(`${site.url}/services/`)
      await waitForDirectory(page)
      await page.selectOption('#svc-cat', 'legal-aid')
      await page.waitForSelector('.svc-matches .svc-item')

      await page.goto(`${site.url}/services/${legal.slug}/`)
      await page.click('.save-btn')
      await page.waitForFunction(() => /离线可用/.test(document.querySelector('.save-status')?.textContent ?? ''))
      await page.goto(`${site.url}/news/${article.slug}/`)
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('职工')}`)
      expect(await keptPaths(page)).toEqual(['/hotlines/', '/saved/', `/services/${legal.slug}/`, '/services/'].sort())

      await context.setOffline(true)
      const offline = async (path: string) => {
        const response = await page.goto(`${site.url}${path}`)
        return { status: response?.status(), banner: await page.locator('.offline-banner').textContent() }
      }
      const hotlines = await offline('/hotlines/')
      expect(hotlines.status).toBe(200)
      expect(hotlines.banner).toMatch(/离线可用.*\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 保存/)
      expect(await page.locator('a[href="tel:12351"]').count()).toBeGreaterThan(0)

      expect((await offline('/services/')).banner).toContain('离线可用')
      await waitForDirectory(page) // its scripts come from the kept files too
      expect(await page.locator('a[href="tel:12351"]').count()).toBeGreaterThan(0)
      await page.selectOption('#svc-cat', 'legal-aid')
      await expect
        .poll(() => page.locator('.svc-matches .svc-item a.tel').count())
        .toBe(snapshot.services.filter((s) => s.category === 'legal-aid' && s.phones.length).length)

      expect((await offline(`/services/${legal.slug}/`)).banner).toContain('离线可用')
      for (const p of legal.phones) expect(await page.locator(`a[href="${telHref(p.number)}"]`).count(), p.number).toBeGreaterThan(0)

      // Opened from the home screen (start_url /): not kept, so 我的收藏 stands in, with the saved service and 12351.
      const home = await offline('/')
      expect(home.status).toBe(503)
      expect(home.banner).toContain('当前没有网络')
      await page.waitForSelector('#saved-list li')
      expect(await page.locator('#saved-list li h3 a').textContent()).toBe(legal.name)
      expect(await page.locator('#saved-list .badge').textContent()).toBe('离线可用')
      expect(await page.locator('#saved-list a.tel').count()).toBe(legal.phones.length)
      expect(await page.locator('a[href="tel:12351"]').count()).toBeGreaterThan(0)
      await axeClean(page, 'saved page offline at 390px')

      // A news article seen once is not shown from an old copy.
      const news = await offline(`/news/${article.slug}/`)
      expect(news.status).toBe(503)
      expect(await page.locator('h1').textContent()).not.toBe(article.title)

      await context.setOffline(false)
      const live = await page.goto(`${site.url}/news/${article.slug}/`)
      expect(live?.status()).toBe(200)
      expect(await page.locator('h1').textContent()).toBe(article.title)
      expect(await page.locator('.offline-banner').count()).toBe(0)
      await page.goto(`${site.url}/hotlines/`)
      expect(await page.locator('.offline-banner').count()).toBe(0)
    })
  }, 120_000)

  it('is installable: a manifest with the union name and icons that load', async () => {
    const home = await (await fetch(`${site.url}/`)).text()
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest"')
    const response = await fetch(`${site.url}/manifest.webmanifest`)
    expect(response.headers.get('content-type')).toContain('manifest+json')
    const manifest = await response.json()
    expect(manifest.name).toBe(/<span class="brand-name">([^<]+)</.exec(home)![1])
    expect(manifest).toMatchObject({ start_url: '/', scope: '/', display: 'standalone', lang: 'zh-CN' })
    for (const icon of manifest.icons.filter((i: { type: string }) => i.type === 'image/png')) {
      const png = Buffer.from(await (await fetch(`${site.url}${icon.src}`)).arrayBuffer())
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes)
    }
    const sw = await fetch(`${site.url}/sw.js`)
    expect(sw.status).toBe(200)
    expect(sw.headers.get('content-type')).toContain('javascript')
  })
})
