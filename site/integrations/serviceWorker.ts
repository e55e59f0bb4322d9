import fs from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import { build } from 'esbuild'

/**
 * Writes /sw.js at the site root: a service worker controls only the paths under its own
 * URL, so it cannot live among Astro's hashed files in /_astro/. It is bundled from
 * site/offline/sw.ts (sharing lib/offline.ts with the page scripts) on every build, partial
 * ones included, so the file always matches the code. Once per integration: the resident
 * renderer (site/renderer) keeps its build's integrations, and the code, for its life, so its
 * rounds write the bundle they made first instead of running esbuild on every publish.
 */
export const serviceWorker = (): AstroIntegration => {
  let root: URL
  let bundled: Promise<string> | undefined
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      write: false,
      legalComments: 'none',
    })
    return result.outputFiles[0]!.text
  }
  return {
    name: 'union-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root
      },
      'astro:build:done': async ({ dir }) => {
        const entry = fileURLToPath(new URL('site/offline/sw.ts', root))
        try {
          bundled ??= bundle(entry)
          // A failed bundle is tried again next time.
          bundled.catch(() => (bundled = undefined))
          await fs.writeFile(new URL('sw.js', dir), await bundled)
        } catch (error) {
          throw new Error(`could not build the service worker from ${entry}`, { cause: error })
        }
      },
    },
  }
}
