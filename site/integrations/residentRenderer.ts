import type { AstroConfig, AstroIntegration, AstroPrerenderer } from 'astro'

/**
 * What the resident renderer (site/renderer/child.ts) needs from the build it runs once:
 * the resolved config (its integrations write the sitemap and the service worker) and
 * Astro's own prerenderer, which keeps the page bundle loaded after the build. A process
 * that did not register a host (every ordinary build) is left alone.
 */
export interface ResidentHost {
  configDone: (config: AstroConfig) => void
  wrap: (prerenderer: AstroPrerenderer) => AstroPrerenderer
}

export const RESIDENT_HOST = Symbol.for('union-portal.resident-renderer')

const host = () => (globalThis as unknown as Record<symbol, ResidentHost | undefined>)[RESIDENT_HOST]

export const residentRenderer = (): AstroIntegration => ({
  name: 'union-resident-renderer',
  hooks: {
    'astro:config:done': ({ config }) => host()?.configDone(config),
    'astro:build:start': ({ setPrerenderer }) => {
      const h = host()
      if (h) setPrerenderer((prerenderer) => h.wrap(prerenderer))
    },
  },
})
