import type { AstroConfig, AstroIntegration, AstroPrerenderer } from 'astro'

import { processSlot } from '../../content-models/processState'

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

/** Set by the renderer process before its build; process-wide because Astro loads this integration in its own module graph. */
export const residentHost = processSlot<ResidentHost>('residentHost')

const host = () => residentHost.get()

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
