import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SnapshotService } from '../content-models/snapshot'
import { matches, noFilters, toDirectoryItem } from '../site/lib/serviceDirectory'
import { readSnapshot } from '../site/snapshot'
import { launchChromium } from './helpers/browser'
import { focused, hasFocusRing, tabTo } from './helpers/keyboard'
import { waitForDirectory, waitForSearchResults } from './helpers/pages'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'
import { forAudience, inCategory, servesDistrict } from './helpers/serviceFilters'

let site: SampleSite
let browser: Browser
let page: Page

beforeAll(async () => {
  site = await buildSampleSite()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** Items of the directory a sighted visitor sees now, by section id. */
const shownItems = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.svc-item')]
      .filter((li) => li.offsetParent !== null)
      .map((li) => ({ id: li.id, section: li.closest('section')?.id ?? '', open: /现在开放/.test(li.textContent ?? '') })),
  )
const selectValue = (id: string) => page.evaluate((id) => (document.getElementById(id) as HTMLSelectElement).value, id)

describe('keyboard only', () => {
  it('the skip link is the first stop, shows when focused and moves focus to the main content', async () => {
    for (const url of ['/', '/services/', '/search/']) {
      await page.goto(`${site.url}${url}`)
      await page.keyboard.press('Tab')
      const first = await focused(page)
      expect(first.text, url).toBe('跳到正文')
      expect(hasFocusRing(first), url).toBe(true)
      const box = await page.locator('.skip-link').boundingBox()
      expect(box && box.y >= 0 && box.y + box.height <= 800, `${url}: skip link on screen when focused`).toBe(true)
      await page.keyboard.press('Enter')
      expect((await focused(page)).id, url).toBe('main')
      // The next Tab continues inside main (the breadcrumb), not back in the header.
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), url).toBe(true)
    }
  })

  it('reaches and operates every service-directory filter, and the list shows exactly what matches', async () => {
    const { services, regions } = readSnapshot(site.snapshotDir)
    const ids = (list: SnapshotService[]) => list.map((s) => `svc-${s.slug}`).sort()
    const shownIds = async () => (await shownItems()).map((i) => i.id).sort()
    await page.goto(`${site.url}/services/`)
    await waitForDirectory(page)
    // The first view lists no services (it links to the filter pages); the island lists matches once a filter is set.
    const all = await shownItems()
    expect(all).toEqual([])
    expect(await page.locator('.svc-facets a').count()).toBeGreaterThan(0)

    const box = await tabTo(page, (f) => f.id === 'svc-q')
    expect(hasFocusRing(box)).toBe(true)
    // Shift+Tab leaves the box backwards and Tab comes back to it.
    expect((await tabTo(page, (f) => f.id !== 'svc-q', { max: 1, back: true })).id).not.toBe('svc-q')
    await tabTo(page, (f) => f.id === 'svc-q', { max: 1 })

    const query = '欠薪'
    await page.keyboard.type(query)
    // Free text follows the directory's own rule (tested word by word in the unit test) over the real content.
    const districtNames = Object.fromEntries(regions.filter((r) => r.level === 'district').map((r) => [r.code, r.name]))
    const byText = services.filter((s) => matches(toDirectoryItem(s, regions), { ...noFilters, q: query }, undefined, districtNames))
    expect(byText.length, `the sample content has services mentioning ${query}`).toBeGreaterThan(0)
    await expect.poll(shownIds).toEqual(ids(byText))
    expect(await page.locator('.svc-result').textContent()).toContain(`找到 ${byText.length} 项服务`)
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')
    await expect.poll(async () => (await shownItems()).length).toBe(all.length)

    // Category: arrow keys on a closed select change it, as a keyboard user would.
    const category = await tabTo(page, (f) => f.id === 'svc-cat', { max: 1 })
    expect(hasFocusRing(category)).toBe(true)
    await page.keyboard.press('ArrowDown')
    const cat = await selectValue('svc-cat')
    expect(cat).not.toBe('')
    await expect.poll(shownIds).toEqual(ids(services.filter((s) => inCategory(s, cat))))
    // The page's own links give way to the matches while a filter is set.
    expect(await page.locator('.svc-facets').isVisible()).toBe(false)
    await page.keyboard.press('ArrowUp')
    await expect.poll(async () => (await shownItems()).length).toBe(all.length)

    const rules: Record<string, (s: SnapshotService, value: string) => boolean> = {
      'svc-district': (s, value) => servesDistrict(s, value, regions),
      'svc-aud': forAudience,
    }
    for (const [id, rule] of Object.entries(rules)) {
      const control = await tabTo(page, (f) => f.id === id, { max: 1 })
      expect(hasFocusRing(control), id).toBe(true)
      await page.keyboard.press('ArrowDown')
      const value = await selectValue(id)
      expect(value, id).not.toBe('')
      await expect.poll(shownIds, { message: `${id}=${value}` }).toEqual(ids(services.filter((s) => rule(s, value))))
      await page.keyboard.press('ArrowUp')
      await expect.poll(async () => (await shownItems()).length, { message: id }).toBe(all.length)
    }

    const openNow = await tabTo(page, (f) => f.id === 'svc-open', { max: 1 })
    expect(hasFocusRing(openNow)).toBe(true)
    await page.keyboard.press('Space')
    expect(await page.locator('#svc-open').isChecked()).toBe(true)
    // Whatever the hour, only services marked open now remain.
    await expect.poll(async () => (await shownItems()).every((i) => i.open)).toBe(true)
    expect(await page.locator('.svc-result').textContent()).toMatch(/^找到 \d+ 项服务/)

    // 查看结果 submits nothing anywhere: the filters stay, the page stays (it only closes a phone's keyboard).
    const go = await tabTo(page, (f) => f.text === '查看结果', { max: 1 })
    expect(hasFocusRing(go)).toBe(true)
    const before = page.url()
    await page.keyboard.press('Enter')
    expect(page.url()).toBe(before)
    expect(await page.locator('#svc-open').isChecked()).toBe(true)
    await expect.poll(async () => (await shownItems()).every((i) => i.open)).toBe(true)

    const clear = await tabTo(page, (f) => f.text === '清除筛选', { max: 2 })
    expect(hasFocusRing(clear)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await shownItems()).length).toBe(all.length)
    expect((await focused(page)).id).toBe('svc-q')
  })

  it('search: reach the box, type, submit with Enter, then Tab to a result and open it', async () => {
    await page.goto(`${site.url}/search/`)
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' })
    const box = await tabTo(page, (f) => f.id === 'q')
    expect(hasFocusRing(box)).toBe(true)
    await page.keyboard.type('法律援助')
    await page.keyboard.press('Enter')
    await waitForSearchResults(page)
    expect(new URL(page.url()).searchParams.get('q')).toBe('法律援助')

    const result = await tabTo(page, (f) => f.inResults && f.tag === 'a', { max: 15 })
    expect(hasFocusRing(result)).toBe(true)
    expect(result.href).toMatch(/\/(news|services|homes|models|hotlines)\//)
    await page.keyboard.press('Enter')
    await page.waitForURL(result.href)
    expect(await page.locator('h1').textContent()).toBeTruthy()
  })

  it('the header search box submits with Enter to the search page', async () => {
    await page.goto(`${site.url}/hotlines/`)
    const box = await tabTo(page, (f) => f.id === 'site-search')
    expect(hasFocusRing(box)).toBe(true)
    await page.keyboard.type('12351')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\/\?q=12351/)
    await waitForSearchResults(page)
    expect(await page.locator('#search-results a').count()).toBeGreaterThan(0)
  })
})
