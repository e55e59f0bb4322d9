import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from './helpers/browser'
import { directoryKinds, samplePages, waitForDirectory, waitForSearchResults } from './helpers/pages'
import { buildSampleSite, type SampleSite } from './helpers/sampleSite'
import { htmlFiles } from './helpers/site'

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

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  )

describe('the site as site/serve.ts serves it', () => {
  it('sends the security headers on pages, assets, search files and the 404 page', async () => {
    const asset = (await fs.readdir(path.join(site.dir, '_astro'))).find((f) => f.endsWith('.js'))
    expect(asset).toBeTruthy()
    for (const url of ['/', pages.article, '/services/', `/_astro/${asset}`, '/pagefind/pagefind.js', '/rss.xml', '/no-such-page/']) {
      const response = await fetch(`${site.url}${url}`)
      expect(response.status, url).toBe(url === '/no-such-page/' ? 404 : 200)
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('x-frame-options'), url).toBe('DENY')
      const csp = directives(response.headers.get('content-security-policy') ?? '')
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"])
      expect(csp.get('object-src'), url).toEqual(["'none'"])
      expect(csp.get('base-uri'), url).toEqual(["'self'"])
      expect(csp.get('default-src'), url).toEqual(["'self'"])
      const scriptSrc = csp.get('script-src') ?? []
      expect(scriptSrc, url).toContain("'self'")
      expect(scriptSrc, url).not.toContain("'unsafe-inline'")
      expect(scriptSrc, url).not.toContain("'unsafe-eval'")
      expect(
        scriptSrc.filter((s) => !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
        url,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"])
    }
  })

  it('lists the hash of every inline script any built page contains', async () => {
    const scriptSrc = directives((await fetch(site.url)).headers.get('content-security-policy') ?? '').get('script-src') ?? []
    const unlisted = new Set<string>()
    let inline = 0
    for (const file of await htmlFiles(site.dir)) {
      const html = await fs.readFile(path.join(site.dir, file), 'utf8')
      for (const [, attrs = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        // External files are covered by 'self'; JSON-LD and the directory's props are data and never run.
        if (/\bsrc=/.test(attrs) || /type="application\/(?:ld\+)?json"/.test(attrs)) continue
        inline++
        const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`
        if (!scriptSrc.includes(hash)) unlisted.add(`${file}: ${body.slice(0, 100)}`)
      }
    }
    // The script-on mark and the text-size snippets on every page.
    expect(inline).toBeGreaterThan(100)
    expect([...unlisted]).toEqual([])
  })
})

describe('in Chromium, with the CSP enforced', () => {
  let page: Page
  const violations: string[] = []
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`)
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      )
    })
  })
  afterAll(() => page?.close())

  it('every page type works with no CSP violation: island hydrates, search answers', async () => {
    for (const [kind, url] of Object.entries(pages)) {
      await page.goto(`${site.url}${url}`)
      if (directoryKinds.has(kind)) await waitForDirectory(page)
      if (kind === 'search') {
        await waitForSearchResults(page)
        expect(await page.locator('#search-results a').count()).toBeGreaterThan(0)
      }
    }
    expect(violations).toEqual([])
  })

  it('the text-size button still works and its choice is applied on the next page', async () => {
    await page.goto(`${site.url}${pages.article}`)
    const button = page.locator('#text-size')
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false')
    await button.click()
    expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('large')
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    expect(await button.textContent()).toBe('标准字号')
    // The head snippet applies the saved size before first paint on the next page.
    await page.goto(`${site.url}/news/`)
    expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('large')
    expect(await button.textContent()).toBe('标准字号')
    await button.click()
    expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('')
    expect(violations).toEqual([])
  })

  it('an inline script that is not the site’s own does not run', async () => {
    await page.goto(`${site.url}/`)
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = 1'
      document.body.append(script)
      await new Promise((r) => setTimeout(r, 50))
      return (window as { __injected?: number }).__injected
    })
    expect(ran).toBeUndefined()
    expect(violations.some((v) => /script-src/.test(v))).toBe(true)
  })
})
