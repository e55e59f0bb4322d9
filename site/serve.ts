import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'

import islandScript from 'astro/runtime/server/astro-island.prebuilt.js'
import idleDirective from 'astro/runtime/client/idle.prebuilt.js'
import loadDirective from 'astro/runtime/client/load.prebuilt.js'
import mediaDirective from 'astro/runtime/client/media.prebuilt.js'
import onlyDirective from 'astro/runtime/client/only.prebuilt.js'
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js'
import sirv from 'sirv'

import { settings } from '../content-models/settings'
import { offlineRegister, scriptOn, textSizeInit, textSizeToggle } from './lib/inlineScripts'
import { liveDir } from './publish'
import { createOldLinkRedirects } from './redirects/handler'
import { createSearchHandler } from './search/handler'

/** The preview page fetches drafts and their images from the CMS. */
const cmsOrigin = settings().cmsOrigin

/**
 * Every inline script the site may contain, by its exact text: the script-on mark, the text-size snippets, the
 * service-worker registration, and Astro's island bootstrap and hydration directives (no page
 * uses an Astro island today: the service directory hydrates itself on first touch,
 * components/ServiceFinder.astro; they stay listed so adding an island needs no change here). Astro's own
 * page scripts are always emitted as files (astro.config.mjs), so 'self' covers them.
 */
export const inlineScripts = [
  scriptOn,
  textSizeInit,
  textSizeToggle,
  offlineRegister,
  islandScript,
  idleDirective,
  loadDirective,
  mediaDirective,
  onlyDirective,
  visibleDirective,
]

export const cspHash = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`

/**
 * Headers a static host should send too (see README; `npm run serve -- --print-headers`
 * prints them). Scripts: the site's own files, the inline scripts above by hash (no
 * 'unsafe-inline', so markup that slipped into content cannot run), and Pagefind's
 * WebAssembly. JSON-LD blocks are data, not script, and need no hash.
 */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': `default-src 'self'; script-src 'self' ${inlineScripts.map(cspHash).join(' ')} 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${cmsOrigin}; connect-src 'self' ${cmsOrigin}; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // The site itself may ask for the position (离我最近, only when pressed); embedded frames may not.
  'Permissions-Policy': 'geolocation=(self), camera=(), microphone=()',
}

/**
 * Serves dist/live. `dev: true` makes sirv look files up on every request, so the symlink
 * swap after a rebuild is seen at once without a restart. `/search/` and `/search.json`
 * are answered from the build's server search index when it has one (`search: false`
 * serves the static page instead, as a plain static host would, with Pagefind).
 */
export const serveSite = (port: number, dir = liveDir(), options: { search?: boolean; searchRatePerSecond?: number } = {}) => {
  const search =
    options.search === false
      ? undefined
      : createSearchHandler({
          siteDir: dir,
          headers: securityHeaders,
          threads: settings().searchThreads,
          ratePerSecond: options.searchRatePerSecond ?? settings().searchRatePerSecond,
        })
  const files = sirv(dir, {
    dev: true,
    etag: true,
    // The builds write .br and .gz copies of text files (site/compress.ts); sirv sends the one
    // the browser accepts, with its own length and ETag and `Vary: Accept-Encoding`.
    brotli: true,
    gzip: true,
    setHeaders: (res) => {
      for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v)
    },
  })
  const oldLinks = createOldLinkRedirects(dir, securityHeaders)
  const server = http.createServer((req, res) => {
    const statically = () =>
      files(req, res, async () => {
        // A path with no file may be a link to the union's old site (site/redirects/).
        if (await oldLinks(req, res)) return
        // Unknown paths get the site's own 404 page with the right status.
        const page = await fs.readFile(path.join(dir, '404.html')).catch(() => Buffer.from('Not found'))
        res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8' })
        res.end(page)
      })
    if (!search?.(req, res, statically)) statically()
  })
  server.on('close', () => void search?.close())
  return new Promise<http.Server>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`端口 ${port} 已被占用：请关闭占用它的程序，或用 SITE_PORT 换一个端口。`) : error),
    )
    server.listen(port, () => resolve(server))
  })
}
