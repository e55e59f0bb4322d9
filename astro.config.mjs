// The public site. Source in site/; content comes from the snapshot `npm run export` writes.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { settings } from './content-models/settings'
import { mediaFromSnapshot } from './site/integrations/media'
import { renderContextOf } from './site/integrations/renderContext'
import { serviceWorker } from './site/integrations/serviceWorker'
import { readPartialPlan } from './site/lib/partial'
import { noindexPaths } from './site/routes'

const { siteUrl, astro } = settings()
// A partial build's plan (site/incremental): what its pages render, and what the sitemap carries over.
const plan = readPartialPlan(astro.partialPlan)

export default defineConfig({
  site: siteUrl,
  srcDir: './site',
  publicDir: './site/public',
  outDir: astro.outDir,
  // Each dist folder keeps its own content cache, so concurrent builds (tests) never share one.
  cacheDir: astro.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Page scripts always as files, never inlined: the CSP (site/serve.ts) allows inline script
  // only by hash, and a bundle's hash changes with its code. Small CSS may still be inlined.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  integrations: [
    react(),
    // A partial build renders a few pages; the carried-over ones are named so the sitemap stays whole.
    sitemap({ filter: (page) => !noindexPaths.includes(new URL(page).pathname), customPages: plan?.sitemapPages }),
    serviceWorker(),
    // Partial builds get media from site/incremental instead. Search indexes are built beside
    // the build from the snapshot (site/publish.ts), not from its pages.
    ...(plan ? [] : [mediaFromSnapshot()]),
    // The pages' render context for this build (site/lib/renderContext.ts). The resident renderer
    // (site/renderer) adds its own integration to its build's inline config.
    renderContextOf(plan),
  ],
  telemetry: false,
})
