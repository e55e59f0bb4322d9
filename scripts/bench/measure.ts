import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import type http from 'node:http'
import type { Socket } from 'node:net'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import zlib from 'node:zlib'

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const gzipBytes = (data: Buffer | string) => zlib.gzipSync(data, { level: 6 }).length

// ------------------------------------------------------------------ output size

export interface OutputSize {
  bytes: number
  files: number
  htmlFiles: number
  htmlBytes: number
  pagefindBytes: number
  pagefindFiles: number
  mediaBytes: number
}

export const outputSize = async (dir: string): Promise<OutputSize> => {
  const size: OutputSize = { bytes: 0, files: 0, htmlFiles: 0, htmlBytes: 0, pagefindBytes: 0, pagefindFiles: 0, mediaBytes: 0 }
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    const rel = path.relative(dir, full)
    const { size: bytes } = await fs.stat(full)
    size.bytes += bytes
    size.files++
    if (rel.endsWith('.html')) {
      size.htmlFiles++
      size.htmlBytes += bytes
    }
    if (rel.startsWith(`pagefind${path.sep}`)) {
      size.pagefindBytes += bytes
      size.pagefindFiles++
    }
    if (rel.startsWith(`media${path.sep}`)) size.mediaBytes += bytes
  }
  return size
}

// ------------------------------------------------------------------ article page weight

export interface PageWeight {
  /** Article pages measured. */
  sampled: number
  /** Median of gzip(HTML) + gzip(each linked stylesheet), per page. */
  medianGzipBytes: number
  medianHtmlGzipBytes: number
  medianCssGzipBytes: number
  medianHtmlRawBytes: number
  /** Median of the raw and gzip bytes of external scripts (`<script src>`) a page loads; expected 0. */
  medianExternalJsBytes: number
  medianExternalJsGzipBytes: number
  /** Median bytes of inline scripts (the larger-text toggle), JSON-LD excluded. */
  medianInlineJsBytes: number
  /** Largest gzip page weight in the sample. */
  maxGzipBytes: number
}

const attribute = (tag: string, name: string) =>
  tag
    .match(new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(2)
    .find((v) => v !== undefined)

/**
 * Weight of built article pages as a visitor's first view downloads them (images aside):
 * the HTML and the stylesheets it links, gzip-compressed as any static host sends them.
 */
export const articlePageWeight = async (dir: string, slugs: readonly string[]): Promise<PageWeight> => {
  const assetCache = new Map<string, { raw: number; gzip: number }>()
  const asset = async (href: string) => {
    const local = path.join(dir, decodeURI(new URL(href, 'http://site.invalid/').pathname))
    let known = assetCache.get(local)
    if (!known) {
      const data = await fs.readFile(local)
      known = { raw: data.length, gzip: gzipBytes(data) }
      assetCache.set(local, known)
    }
    return known
  }
  const rows: { total: number; html: number; css: number; raw: number; js: number; jsGzip: number; inline: number }[] = []
  for (const slug of slugs) {
    const html = await fs.readFile(path.join(dir, 'news', slug, 'index.html'), 'utf8')
    let css = 0
    for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
      if (!/\brel\s*=\s*["']?stylesheet/i.test(tag)) continue
      const href = attribute(tag, 'href')
      if (href && !/^[a-z]+:\/\//i.test(href)) css += (await asset(href)).gzip
    }
    let js = 0
    let jsGzip = 0
    let inline = 0
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const src = attribute(`<script ${attrs}>`, 'src')
      if (src) {
        const a = await asset(src)
        js += a.raw
        jsGzip += a.gzip
      } else if (!/application\/ld\+json/i.test(attrs ?? '')) inline += Buffer.byteLength(body ?? '')
    }
    // Module preloads would be fetched too.
    for (const tag of html.match(/<link\b[^>]*rel\s*=\s*["']?modulepreload[^>]*>/gi) ?? []) {
      const href = attribute(tag, 'href')
      if (href) {
        const a = await asset(href)
        js += a.raw
        jsGzip += a.gzip
      }
    }
    const htmlGzip = gzipBytes(html)
    rows.push({ total: htmlGzip + css, html: htmlGzip, css, raw: Buffer.byteLength(html), js, jsGzip, inline })
  }
  const m = (key: keyof (typeof rows)[number]) => median(rows.map((r) => r[key]))
  return {
    sampled: rows.length,
    medianGzipBytes: m('total'),
    medianHtmlGzipBytes: m('html'),
    medianCssGzipBytes: m('css'),
    medianHtmlRawBytes: m('raw'),
    medianExternalJsBytes: m('js'),
    medianExternalJsGzipBytes: m('jsGzip'),
    medianInlineJsBytes: m('inline'),
    maxGzipBytes: Math.max(0, ...rows.map((r) => r.total)),
  }
}

/** Up to `count` slugs spread evenly over the list (newest to oldest), the same every run. */
export const spread = <T>(items: readonly T[], count: number): T[] => {
  if (items.length <= count) return [...items]
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!)
}

// ------------------------------------------------------------------ first search query

export interface SearchTransfer {
  /** Bytes the browser received (headers and bodies) for the search page and its first query, as served by site/serve.ts (no compression). */
  transferBytes: number
  /** The part under /pagefind/ (the script, WebAssembly, index chunks, fragments, filters). */
  pagefindTransferBytes: number
  /** The same responses as a compressing static host would send them: text types gzip-compressed, Pagefind's pre-compressed files as they are. */
  transferBytesGzip: number
  pagefindTransferBytesGzip: number
  /** Bytes the server wrote to its sockets, a cross-check of the browser's count. */
  serverBytes: number
  requests: number
  pagefindRequests: number
  results: number
  /** From navigation to the results list being rendered. */
  timeToResultsMs: number
  /** Largest responses, to see what dominates. */
  largest: { url: string; bytes: number }[]
}

const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt)$|\/$/

/**
 * Opens /search/?q=… in a fresh Chromium context (empty cache) and counts every byte the
 * first query costs: the page, its script, Pagefind's runtime and worker, its WebAssembly
 * and the index chunks, filters and fragments the query touches. Requests come from
 * Playwright's network events, which include those of Pagefind's Web Worker (CDP's page
 * session does not see them); the bytes the server wrote to its sockets cross-check the sum.
 */
export const measureSearch = async (options: {
  dir: string
  query: string
  server: http.Server
  browser: import('playwright-core').Browser
}): Promise<SearchTransfer> => {
  const { server, browser, dir } = options
  const sockets = new Set<Socket>()
  const onConnection = (socket: Socket) => sockets.add(socket)
  server.on('connection', onConnection)
  const { port } = server.address() as { port: number }
  // The service worker's offline copies (hotlines, directory) download in the background on a
  // first visit; they are not what a search costs, so they are left out of the count.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    const pending: Promise<{ url: string; bytes: number }>[] = []
    context.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const sizes = await request.sizes()
          const response = await request.response()
          let body = sizes.responseBodySize
          // Chromium reports a worker's own script with a zero body; count the file served.
          if (body === 0 && response?.status() === 200) {
            const pathname = decodeURI(new URL(request.url()).pathname)
            body =
              (await fs.stat(path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname)).catch(() => undefined))?.size ?? 0
          }
          return { url: request.url(), bytes: body + sizes.responseHeadersSize }
        })(),
      )
    })
    const started = performance.now()
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(options.query)}`)
    await page.waitForFunction(
      () =>
        document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
        /找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    )
    const timeToResultsMs = performance.now() - started
    const results = Number((await page.locator('#search-status').textContent())?.match(/\d+/)?.[0] ?? 0)
    // Let late responses (a fragment still streaming) be counted.
    await page.waitForLoadState('networkidle')
    const rows = await Promise.all(pending)
    const isPagefind = (url: string) => new URL(url).pathname.startsWith('/pagefind/')
    let gzipTotal = 0
    let gzipPagefind = 0
    for (const row of rows) {
      const pathname = decodeURI(new URL(row.url).pathname)
      let sent = row.bytes
      if (COMPRESSIBLE.test(pathname)) {
        const data = await fs.readFile(path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname)).catch(() => undefined)
        // Headers stay as measured; only the body shrinks.
        if (data) sent = row.bytes - data.length + gzipBytes(data)
      }
      gzipTotal += sent
      if (isPagefind(row.url)) gzipPagefind += sent
    }
    await context.close()
    let serverBytes = 0
    for (const socket of sockets) serverBytes += socket.bytesWritten
    return {
      transferBytes: rows.reduce((s, r) => s + r.bytes, 0),
      pagefindTransferBytes: rows.filter((r) => isPagefind(r.url)).reduce((s, r) => s + r.bytes, 0),
      transferBytesGzip: gzipTotal,
      pagefindTransferBytesGzip: gzipPagefind,
      serverBytes,
      requests: rows.length,
      pagefindRequests: rows.filter((r) => isPagefind(r.url)).length,
      results,
      timeToResultsMs,
      largest: rows
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 8)
        .map((r) => ({ url: new URL(r.url).pathname, bytes: r.bytes })),
    }
  } finally {
    server.off('connection', onConnection)
    await context.close().catch(() => undefined)
  }
}

/** How often the CPU the event loop's thread spent is read while an import runs. */
const CPU_TICK_MS = 5

/**
 * How long the calling thread has waited for a core so far, in ms: the second field of Linux's
 * schedstat (time runnable but not running). Undefined where there is no such file.
 */
const runQueueWaitMs = (): number | undefined => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6
  } catch {
    return undefined
  }
}

/**
 * The longest the event loop was held while `run` ran, in ms: what a server doing this work
 * would make every other request wait at worst (issue 23: an import parsing on the loop held
 * the CMS for seconds). Beside it the most CPU time the loop's own thread spent between two
 * turns, and (on Linux) the most it waited for a core between two turns: on a shared machine
 * the wall-clock figure is mostly that wait, for cores other processes hold.
 */
export const longestBlockDuring = async <T>(
  run: () => Promise<T>,
): Promise<{ result: T; longestBlockMs: number; longestCpuBlockMs: number; longestWaitMs?: number }> => {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  let longestCpuBlockMs = 0
  let last = process.threadCpuUsage()
  let waited = runQueueWaitMs()
  let longestWaitMs = waited === undefined ? undefined : 0
  const ticker = setInterval(() => {
    const spent = process.threadCpuUsage(last)
    last = process.threadCpuUsage()
    longestCpuBlockMs = Math.max(longestCpuBlockMs, (spent.user + spent.system) / 1000)
    const now = runQueueWaitMs()
    if (now !== undefined && waited !== undefined && longestWaitMs !== undefined) longestWaitMs = Math.max(longestWaitMs, now - waited)
    waited = now
  }, CPU_TICK_MS)
  histogram.enable()
  try {
    const result = await run()
    return { result, longestBlockMs: histogram.max / 1e6, longestCpuBlockMs, longestWaitMs }
  } finally {
    histogram.disable()
    clearInterval(ticker)
  }
}
