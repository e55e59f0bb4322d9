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

/**
 * Lighthouse's mobile preset draws on a 1.75× screen and asks of every image larger than an
 * icon a file at least 0.75 × 1.5 of its shown size (its image-size-responsive audit: 1.5 for
 * that screen, with a quarter's tolerance). A news list once showed 320 px covers full width
 * on phones and lost best-practices points on every list that led with one.
 */
describe('images on a phone', () => {
  const SCREEN = 1.75
  const needed = (shown: number) => Math.ceil((shown > 64 ? 0.75 : 1) * 1.5 * shown)

  it('come from files sharp enough for the screen on every page type', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: SCREEN })
    try {
      const blurred: string[] = []
      let checked = 0
      for (const [kind, url] of Object.entries(pages)) {
        await page.goto(`${site.url}${url}`)
        // Lazy images load only near the viewport; every one is checked.
        await page.evaluate(() => {
          for (const img of Array.from(document.images)) img.loading = 'eager'
        })
        await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete))
        // The file's own pixels: with a srcset, an <img>'s naturalWidth is divided by the density it was picked for.
        const images = await page.evaluate(() =>
          Promise.all(
            Array.from(document.images)
              .filter((img) => img.clientWidth > 0 && !/\.svg(\?|$)/.test(img.currentSrc))
              .map(async (img) => {
                const file = new Image()
                file.src = img.currentSrc
                await file.decode()
                return { src: img.currentSrc, shown: [img.clientWidth, img.clientHeight], file: [file.naturalWidth, file.naturalHeight] }
              }),
          ),
        )
        for (const { src, shown, file } of images) {
          checked++
          if (file[0] < needed(shown[0]) || file[1] < needed(shown[1]))
            blurred.push(`${kind} ${url}: ${src} is ${file.join('×')}, shown at ${shown.join('×')}`)
        }
      }
      // The sample site's news lists, articles, homes and labor models all show photos.
      expect(checked).toBeGreaterThan(20)
      expect(blurred).toEqual([])
    } finally {
      await page.close()
    }
  }, 90_000)
})
