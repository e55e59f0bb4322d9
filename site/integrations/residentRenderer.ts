import type { AstroConfig, AstroIntegration, AstroPrerenderer } from 'astro'

/**
 * What the resident renderer (site/renderer/child.ts) needs from the build it runs once:
 * the resolved config (its integrations write the sitemap and the service worker) and
 * Astro's own prerenderer, which keeps the page bundle loaded after the build.
 */
export interface ResidentHost {
  configDone: (config: AstroConfig) => void
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer
}

/** Only the renderer adds it, to its own build's inline config (Astro appends it to astro.config.mjs's integrations). */
export const RESIDENT_RENDERER = 'union-resident-renderer'

export const residentRenderer = (host: ResidentHost): AstroIntegration => ({
  name: RESIDENT_RENDERER,
  hooks: {
    'astro:config:done': ({ config }) => host.configDone(config),
    'astro:build:start': ({ setPrerenderer }) => setPrerenderer((prerenderer) => host.wrap(prerenderer)),
  },
})
