import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroConfig, AstroIntegrationLogger, AstroPrerenderer } from 'astro'

/**
 * Every place the resident renderer (child.ts) relies on Astro beyond its public API, in one
 * file. Written against Astro 7.3: `checkAstro` runs once the renderer's own build is done and
 * fails loudly, naming what changed, when an Astro release no longer has what these need —
 * instead of every publish quietly falling back to `astro build` ("slow publishing").
 */

/** Astro's default prerenderer keeps the page bundle's app on itself; its route cache holds each route's getStaticPaths result. */
type PrerendererApp = { app?: { routeCache?: { clearAll?: unknown } } }

/** Astro removes its page bundle (<outDir>/.prerender) in the prerenderer's teardown; the renderer keeps a copy (see keepBundle). */
export const bundleDirOf = (outDir: string) => path.join(outDir, '.prerender')
const keptBundleOf = (outDir: string) => path.join(outDir, '.prerender-kept')

/** A failure of the renderer's assumptions about Astro: reported as such, never as a slow publish. */
export class AstroInternalsChanged extends Error {
  constructor(what: string) {
    super(
      `Astro's internals are not what the resident renderer (site/renderer/astroAdapter.ts, written for Astro 7.3) needs: ${what}. ` +
        'Publishing falls back to a partial astro build for every update until the adapter is brought up to date.',
    )
    this.name = 'AstroInternalsChanged'
  }
}

/** What the renderer needs of Astro once its build is done; throws AstroInternalsChanged naming each gap. */
export const checkAstro = async (prerenderer: AstroPrerenderer | undefined, config: AstroConfig | undefined, outDir: string) => {
  const gaps: string[] = []
  if (!config) gaps.push('the astro:config:done hook did not run')
  if (!prerenderer) gaps.push('the astro:build:start hook gave no prerenderer to wrap (setPrerenderer)')
  else {
    if (typeof prerenderer.getStaticPaths !== 'function' || typeof prerenderer.render !== 'function')
      gaps.push('the prerenderer has no getStaticPaths()/render()')
    if (typeof (prerenderer as PrerendererApp).app?.routeCache?.clearAll !== 'function')
      gaps.push(
        "the default prerenderer no longer exposes app.routeCache.clearAll(), so a round would reuse the last round's getStaticPaths results",
      )
  }
  if (!(await fs.stat(bundleDirOf(outDir)).catch(() => undefined))?.isDirectory())
    gaps.push(
      `the page bundle is not at ${bundleDirOf(outDir)} after the build (Astro moved or renamed its .prerender folder, or no longer tears the prerenderer down before removing it)`,
    )
  if (gaps.length) throw new AstroInternalsChanged(gaps.join('; '))
}

/** Forgets every route's getStaticPaths result, so a round asks for its pages again. */
export const clearRouteCache = (prerenderer: AstroPrerenderer) => {
  ;(prerenderer as PrerendererApp as { app: { routeCache: { clearAll: () => void } } }).app.routeCache.clearAll()
}

/**
 * Wraps Astro's prerenderer so its teardown keeps a copy of the page bundle (modules it loads
 * on demand must still be there after the build); `restoreBundle` puts the copy back.
 */
export const keepBundle = (prerenderer: AstroPrerenderer, outDir: string): AstroPrerenderer => ({
  ...prerenderer,
  name: 'union-resident',
  teardown: async () => {
    await prerenderer.teardown?.()
    await fs.cp(bundleDirOf(outDir), keptBundleOf(outDir), { recursive: true })
  },
})

export const restoreBundle = async (outDir: string) => {
  // No copy: the teardown did not run; checkAstro says so.
  if (!(await fs.stat(keptBundleOf(outDir)).catch(() => undefined))) return
  await fs.rm(bundleDirOf(outDir), { recursive: true, force: true })
  await fs.rename(keptBundleOf(outDir), bundleDirOf(outDir))
}

const logger = {
  options: { dest: { write: () => true }, level: 'warn' },
  label: 'resident',
  fork: () => logger,
  info: () => undefined,
  debug: () => undefined,
  warn: (m: string) => console.warn(`[renderer] ${m}`),
  error: (m: string) => console.error(`[renderer] ${m}`),
} as unknown as AstroIntegrationLogger

/**
 * Finishes a round's folder as after a build: the other integrations' `astro:build:done` hooks
 * (sitemap, service worker) run over the pages it rendered. Astro has no public way to run them.
 */
export const runBuildDone = async (config: AstroConfig, target: string, pages: string[], except: readonly string[]) => {
  const dir = pathToFileURL(target + path.sep)
  for (const integration of config.integrations) {
    if (except.includes(integration.name)) continue
    await integration.hooks['astro:build:done']?.({
      dir,
      pages: pages.map((pathname) => ({ pathname })),
      assets: new Map(),
      logger,
    } as never)
  }
}
