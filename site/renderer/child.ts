import fs from 'node:fs/promises'
import path from 'node:path'

import { build, type AstroConfig, type AstroPrerenderer } from 'astro'

import { settings } from '../../content-models/settings'
import { residentHost, type ResidentHost } from '../integrations/residentRenderer'
import { recordingReads, startRound } from '../lib/renderRound'
import { astroLock } from '../publish'
import { replaySnapshotUpdate } from '../snapshot'
import { checkAstro, clearRouteCache, keepBundle, restoreBundle, runBuildDone } from './astroAdapter'
import type { FromRenderer, ToRenderer } from './protocol'

/**
 * The resident renderer: runs one small `astro build` (SITE_OUT_DIR, SITE_PARTIAL: a plan that
 * names no page) and keeps what Astro loaded for it, the page bundle behind Astro's own
 * prerenderer, to render later updates without bundling the site again. Each update is a
 * round: the plan and the data the pages read are reset (site/lib/renderRound.ts), the route
 * list is asked for again, and each page is rendered and written the way `astro build` writes
 * it; then the integrations finish the folder as after a build (sitemap, service worker).
 * What this relies on of Astro beyond its public API is in astroAdapter.ts, checked at start.
 */

const send = (message: FromRenderer) => process.send?.(message)

let config: AstroConfig | undefined
let prerenderer: AstroPrerenderer | undefined

// Astro keeps the page bundle out of the repository's shared .astro folder only when outDir is
// inside the working directory.
const outDir = settings().astro.outDir

const host: ResidentHost = {
  configDone: (c) => {
    config = c
  },
  wrap: (astroPrerenderer) => {
    prerenderer = astroPrerenderer
    return keepBundle(astroPrerenderer, outDir)
  },
}
residentHost.set(host)

/** The file Astro writes for a path (directory format; status pages and endpoints by name). */
const outputFile = (pathname: string, type: string) => {
  const p = decodeURI(pathname).replace(/\/$/, '')
  if (type === 'endpoint') return p.slice(1)
  if (p === '/404' || p === '/500') return `${p.slice(1)}.html`
  return p ? `${p.slice(1)}/index.html` : 'index.html'
}

/**
 * The URL Astro requests a path at: pages with the trailing slash; endpoints as getStaticPaths
 * names them (one without an extension in its file name, `[redirectFile].ts`, keeps the slash
 * `trailingSlash: 'always'` gives it, or its route pattern does not match).
 */
const requestUrl = (pathname: string, type: string) => {
  const url = type === 'endpoint' ? pathname : `${pathname.replace(/\/$/, '')}/`
  return new URL(url || '/', new URL(settings().siteUrl).origin)
}

/** The collections each page without route params read when this renderer last rendered it. */
const readsOf = new Map<string, Set<string>>()

const render = async ({ plan, outDir: target, update }: Omit<ToRenderer, 'id' | 'type'>) => {
  if (!prerenderer || !config) throw new Error('the renderer has not finished its own build')
  if (update) replaySnapshotUpdate(settings().snapshotDir, update)
  startRound(plan)
  // Astro keeps each route's getStaticPaths result for the life of the bundle; a round asks again.
  clearRouteCache(prerenderer)
  const seen = new Set<string>()
  const pages: string[] = []
  const changed = update && new Set<string>(update.changes.map((c) => c.kind))
  for (const { pathname, route } of await prerenderer.getStaticPaths()) {
    const key = pathname.replace(/\/$/, '')
    if (seen.has(key)) continue
    seen.add(key)
    // A page without route params, which astro build renders every time: left as it is when it
    // read none of the changed collections when last rendered (and the plan does not name it).
    const last = route.params.length === 0 ? readsOf.get(key) : undefined
    if (last && changed && ![...last].some((c) => changed.has(c)) && !plan.urls.includes(`${key}/`)) continue
    const { value: body, reads } = await recordingReads(async () => {
      const result = await prerenderer!.render(new Request(requestUrl(pathname, route.type)), { routeData: route })
      const response = result instanceof Response ? result : result.response
      if (response.status >= 300 && response.status < 400)
        throw new Error(`${pathname} answered with a redirect, which only a full build writes`)
      return response.body ? Buffer.from(await response.arrayBuffer()) : undefined
    })
    if (route.params.length === 0) readsOf.set(key, reads)
    if (!body) continue
    const file = path.join(target, outputFile(pathname, route.type))
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, body)
    if (route.type === 'page') pages.push(key.replace(/^\//, '') + '/')
  }
  // The pages carried over from the live build are listed too, so the sitemap stays whole.
  for (const url of plan.sitemapPages) pages.push(new URL(url).pathname.replace(/^\//, ''))
  await runBuildDone(config, target, pages, 'union-resident-renderer')
}

const warmUp = async () => {
  const started = Date.now()
  if (!outDir.startsWith(process.cwd() + path.sep))
    throw new Error(`the renderer's folder ${outDir} must be inside the working directory ${process.cwd()}`)
  await fs.rm(outDir, { recursive: true, force: true })
  const release = await astroLock()
  try {
    await build({ root: settings().rootDir, logLevel: 'error' })
  } finally {
    await release()
  }
  await restoreBundle(outDir)
  await checkAstro(prerenderer, config, outDir)
  // One round of every page without route params, thrown away: it records what each reads,
  // so the first publish, like every later one, leaves alone those it does not change (the
  // services index alone lists 5,000 services at 50k articles).
  const rehearsal = `${outDir}-rehearsal`
  try {
    await render({ plan: { urls: [], prefixes: [], sitemapPages: [] }, outDir: rehearsal })
  } finally {
    await fs.rm(rehearsal, { recursive: true, force: true })
  }
  const assets = await fs.readdir(path.join(outDir, '_astro')).catch(() => [])
  send({ type: 'ready', seconds: (Date.now() - started) / 1000, assets })
}

// Rounds run one at a time, in the order they were asked for.
let queue = Promise.resolve()
process.on('message', (message: ToRenderer) => {
  if (message.type !== 'render') return
  queue = queue.then(async () => {
    const started = Date.now()
    try {
      await render(message)
      send({ type: 'rendered', id: message.id, seconds: (Date.now() - started) / 1000 })
    } catch (error) {
      send({ type: 'failed', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })
})
// The renderer lives as long as the process that started it.
process.on('disconnect', () => process.exit(0))

warmUp().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(1)
})
