import fs from 'node:fs/promises'
import path from 'node:path'

import { build, type AstroConfig, type AstroPrerenderer } from 'astro'

import { settings } from '../../content-models/settings'
import { RESIDENT_RENDERER, residentRenderer } from '../integrations/residentRenderer'
import { createRenderContext, enterRenderContext, recordingReads, type RenderContext } from '../lib/renderContext'
import { astroLock } from '../publish'
import { replaySnapshotUpdate } from '../snapshot'
import { checkAstro, clearRouteCache, keepBundle, restoreBundle, runBuildDone } from './astroAdapter'
import type { FromRenderer, ToRenderer } from './protocol'
import { SITEMAP_INTEGRATION, writeRoundSitemap } from './sitemap'

/**
 * The resident renderer: runs one small `astro build` (SITE_OUT_DIR, SITE_PARTIAL: a plan that
 * names no page) and keeps what Astro loaded for it, the page bundle behind Astro's own
 * prerenderer, to render later updates without bundling the site again. Each update is a
 * round with a render context of its own (site/lib/renderContext.ts: its plan, its snapshot,
 * what its pages computed); the route list is asked for again, and each page is rendered and
 * written the way `astro build` writes it; then the integrations finish the folder as after a
 * build (sitemap, service worker). What this relies on of Astro beyond its public API is in
 * astroAdapter.ts, checked at start.
 */

const send = (message: FromRenderer) => process.send?.(message)

/** What the renderer's own build left loaded: Astro's resolved config and the prerenderer holding the page bundle. */
interface LoadedSite {
  config: AstroConfig
  prerenderer: AstroPrerenderer
}

type Round = Omit<ToRenderer, 'id' | 'type'>
type PageRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number]['route']

/** Runs the renderer's own build, keeping its page bundle; fails loudly when Astro's internals changed. */
const loadSite = async (outDir: string): Promise<LoadedSite> => {
  // Astro keeps the page bundle out of the repository's shared .astro folder only when outDir is
  // inside the working directory.
  if (!outDir.startsWith(process.cwd() + path.sep))
    throw new Error(`the renderer's folder ${outDir} must be inside the working directory ${process.cwd()}`)
  await fs.rm(outDir, { recursive: true, force: true })
  const loaded: Partial<LoadedSite> = {}
  const host = residentRenderer({
    configDone: (config) => (loaded.config = config),
    wrap: (prerenderer) => ((loaded.prerenderer = prerenderer), keepBundle(prerenderer, outDir)),
  })
  const release = await astroLock()
  try {
    await build({ root: settings().rootDir, logLevel: 'error', integrations: [host] })
  } finally {
    await release()
  }
  await restoreBundle(outDir)
  await checkAstro(loaded.prerenderer, loaded.config, outDir)
  return loaded as LoadedSite
}

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

/** Renders one page in `context`: its body (none for an empty response) and the collections it read. */
const renderPage = (site: LoadedSite, context: RenderContext, pathname: string, route: PageRoute) =>
  recordingReads(context, async () => {
    const result = await site.prerenderer.render(new Request(requestUrl(pathname, route.type)), { routeData: route })
    const response = result instanceof Response ? result : result.response
    if (response.status >= 300 && response.status < 400)
      throw new Error(`${pathname} answered with a redirect, which only a full build writes`)
    return response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  })

/**
 * The rounds of one loaded site. It remembers, for each page without route params, the
 * collections it read when last rendered: such a page, which astro build renders every time, is
 * left as it is when it read none of the changed collections (and the plan does not name it).
 */
const residentRounds = (site: LoadedSite, snapshotDir: string) => {
  const readsOf = new Map<string, Set<string>>()
  const unchanged = (key: string, route: PageRoute, { plan, update }: Round) => {
    const last = route.params.length === 0 ? readsOf.get(key) : undefined
    const changed = update && new Set<string>(update.changes.map((c) => c.kind))
    return Boolean(last && changed && ![...last].some((c) => changed.has(c)) && !plan.urls.includes(`${key}/`))
  }

  /** Renders a round's pages into its folder; says which pages (for the sitemap) it wrote. */
  const renderPages = async (context: RenderContext, round: Round) => {
    // Astro keeps each route's getStaticPaths result for the life of the bundle; a round asks again.
    clearRouteCache(site.prerenderer)
    const seen = new Set<string>()
    const pages: string[] = []
    for (const { pathname, route } of await site.prerenderer.getStaticPaths()) {
      const key = pathname.replace(/\/$/, '')
      if (seen.has(key)) continue
      seen.add(key)
      if (unchanged(key, route, round)) continue
      const { value: body, reads } = await renderPage(site, context, pathname, route)
      if (route.params.length === 0) readsOf.set(key, reads)
      if (!body) continue
      const file = path.join(round.outDir, outputFile(pathname, route.type))
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, body)
      if (route.type === 'page') pages.push(key.replace(/^\//, '') + '/')
    }
    return pages
  }

  return async (round: Round) => {
    if (round.update) replaySnapshotUpdate(snapshotDir, round.update)
    const context = createRenderContext({ plan: round.plan, snapshotDir })
    const leave = enterRenderContext(context)
    let pages: string[]
    try {
      pages = await renderPages(context, round)
    } finally {
      leave()
    }
    // The sitemap is the live one with this round's pages merged in (./sitemap.ts); only when
    // the live one is not in its order does the integration write it, handed the pages carried
    // over from the live build too, so the sitemap stays whole.
    const siteUrl = site.config.site ?? settings().siteUrl
    if (await writeRoundSitemap(round.outDir, siteUrl, pages, round.plan.sitemapPages)) {
      await runBuildDone(site.config, round.outDir, pages, [RESIDENT_RENDERER, SITEMAP_INTEGRATION])
      return
    }
    for (const url of round.plan.sitemapPages) pages.push(new URL(url).pathname.replace(/^\//, ''))
    await runBuildDone(site.config, round.outDir, pages, [RESIDENT_RENDERER])
  }
}

/** Rounds run one at a time, in the order they were asked for. */
const listen = (render: (round: Round) => Promise<void>) => {
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
}

const start = async () => {
  const started = Date.now()
  const { snapshotDir, astro } = settings()
  const render = residentRounds(await loadSite(astro.outDir), snapshotDir)
  // One round of every page without route params, thrown away: it records what each reads,
  // so the first publish, like every later one, leaves alone those it does not change (the
  // services index alone lists 5,000 services at 50k articles).
  const rehearsal = `${astro.outDir}-rehearsal`
  try {
    await render({ plan: { urls: [], prefixes: [], sitemapPages: [] }, outDir: rehearsal })
  } finally {
    await fs.rm(rehearsal, { recursive: true, force: true })
  }
  listen(render)
  const assets = await fs.readdir(path.join(astro.outDir, '_astro')).catch(() => [])
  send({ type: 'ready', seconds: (Date.now() - started) / 1000, assets })
}

// The renderer lives as long as the process that started it.
process.on('disconnect', () => process.exit(0))

start().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(1)
})
