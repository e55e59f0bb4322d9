// The public site. Source in site/; content comes from the snapshot `npm run export` writes.
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { mediaFromSnapshot } from './site/integrations/media'
import { pagefindIndex } from './site/integrations/pagefind'
import { plan } from './site/lib/partial'

export default defineConfig({
  site: (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, ''),
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SITE_OUT_DIR ?? './dist/site',
  // Each dist folder keeps its own content cache, so concurrent builds (tests) never share one.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Page scripts always as files, never inlined: the CSP (site/serve.ts) allows inline script
  // only by hash, and a bundle's hash changes with its code. Small CSS may still be inlined.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  integrations: [
    react(),
    // A partial build renders a few pages; the carried-over ones are named so the sitemap stays whole.
    sitemap({ filter: (page) => !/\/(search|preview)\/$/.test(page), customPages: plan?.sitemapPages }),
    // Partial builds get media and search from site/incremental instead.
    // SITE_SEARCH_SHARD_PAGES: pages per Pagefind run (memory bound; see site/integrations/pagefind.ts).
    ...(plan ? [] : [mediaFromSnapshot(), pagefindIndex({ pagesPerShard: Number(process.env.SITE_SEARCH_SHARD_PAGES) || undefined })]),
  ],
  telemetry: false,
})
