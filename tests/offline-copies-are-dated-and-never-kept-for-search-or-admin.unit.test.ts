import { describe, expect, it } from 'vitest'

import {
  assetsOf,
  importsOf,
  markOffline,
  neverCached,
  offlineBanner,
  pageKey,
  PINNED_PAGES,
  SAVED_AT_HEADER,
  savedAtText,
} from '../site/lib/offline'
import { securityHeaders } from '../site/serve'

describe('what the service worker keeps', () => {
  it('never the admin, the CMS API, previews, search or the search index', () => {
    for (const p of [
      '/admin',
      '/admin/collections/articles',
      '/api/articles',
      '/preview/',
      '/search/',
      '/pagefind/pagefind.js',
      '/pagefind-delta/x',
    ])
      expect(neverCached(p), p).toBe(true)
    for (const p of [...PINNED_PAGES, '/services/legal-city/', '/_astro/app.js']) expect(neverCached(p), p).toBe(false)
  })

  it('keys a page by its path, so a filtered directory is the directory', () => {
    expect(pageKey('http://x.test/services/?cat=legal-aid#cat-legal-aid')).toBe('http://x.test/services/')
  })

  it('finds the files a page and its island load, and the chunks a script imports', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>
      <astro-island component-url="/_astro/Dir.js" renderer-url="/_astro/client.js"></astro-island><link rel="icon" href="/favicon.svg">
      <a href="/news/">news</a><img src="https://elsewhere.test/x.png">`
    expect(assetsOf(html).sort()).toEqual(['/_astro/Dir.js', '/_astro/a.css', '/_astro/b.js', '/_astro/client.js', '/favicon.svg'])
    expect(
      importsOf(
        // Vite writes a dynamic import's path in backquotes (the service directory loads its island so).
        'import{a}from"./react.1.js";import"./side.js";const m=import("./lazy.js");const n=await import(`./mountDirectory.2.js`)',
        'http://x.test/_astro/Dir.js',
      ),
    ).toEqual([
      'http://x.test/_astro/react.1.js',
      'http://x.test/_astro/side.js',
      'http://x.test/_astro/lazy.js',
      'http://x.test/_astro/mountDirectory.2.js',
    ])
  })
})

describe('a copy served with no network', () => {
  const stored = (html: string) =>
    new Response(html, {
      headers: { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', [SAVED_AT_HEADER]: '2026-12-01T12:10:00.000Z' },
    })

  it('is the same page with its CSP, marked 离线可用 with the China-time date it was saved', async () => {
    const response = await markOffline(stored('<body><main id="main" tabindex="-1"><h1>服务热线</h1></main></body>'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders['Content-Security-Policy'])
    const html = await response.text()
    expect(html).toContain('<main id="main" tabindex="-1"><div class="offline-banner" role="status"><strong>离线可用</strong>')
    expect(html).toContain('2026年12月1日 20:10 保存')
    expect(html).toContain('<h1>服务热线</h1>')
  })

  it('for a page not kept, is 我的收藏 with 503 and a notice naming the page, escaped', async () => {
    const response = await markOffline(stored('<main id="main"><h1>我的收藏</h1></main>'), '/news/<script>/')
    expect(response.status).toBe(503)
    const html = await response.text()
    expect(html).toContain('当前没有网络')
    expect(html).toContain('/news/&#60;script&#62;/')
    expect(html).not.toContain('<script>')
  })

  it('says when the saving time is unknown rather than inventing one', () => {
    expect(savedAtText(null)).toBe('（保存时间不详）')
    expect(offlineBanner('not a date')).toContain('（保存时间不详）')
  })
})
