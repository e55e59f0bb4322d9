import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatViolations, seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { directoryKinds, samplePages, waitForDirectory, waitForSearchResults } from './helpers/pages'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'

let site: SampleSite
let browser: Browser
let pages: Awaited<ReturnType<typeof samplePages>>

beforeAll(async () => {
  site = await buildSampleSite()
  pages = await samplePages(site.dir, site.snapshotDir)
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]

describe.each(viewports)('axe (WCAG 2.0–2.2 A/AA) at $name width', ({ width, height }) => {
  let page: Page
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width, height } })
  })
  afterAll(() => page?.close())

  it('finds no serious or critical violation on any page type', async () => {
    const report: string[] = []
    for (const [kind, url] of Object.entries(pages)) {
      const response = await page.goto(`${site.url}${url}`)
      expect(response?.status(), url).toBe(kind === 'notFound' ? 404 : 200)
      // Interactive pages are checked in their finished state: results rendered, island hydrated.
      if (kind === 'search') {
        await waitForSearchResults(page)
        expect(await page.locator('#search-results a').count()).toBeGreaterThan(0)
      }
      if (directoryKinds.has(kind)) await waitForDirectory(page)
      report.push(formatViolations(`${kind} ${url}`, await seriousViolations(page)))
    }
    expect(report.filter(Boolean).join('\n')).toBe('')
  }, 90_000)
})
