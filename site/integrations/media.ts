import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { settings } from '../../content-models/settings'

/** Copies the images the snapshot references into the output's /media/ folder. */
export const mediaFromSnapshot = (): AstroIntegration => ({
  name: 'portal-media',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const from = path.join(settings().snapshotDir, 'media')
      const to = path.join(fileURLToPath(dir), 'media')
      await fs.mkdir(to, { recursive: true })
      await fs.cp(from, to, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    },
  },
})
