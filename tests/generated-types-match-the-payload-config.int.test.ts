import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { generateTypes } from 'payload/node'
import { describe, expect, it } from 'vitest'

import { configureSettings } from '../content-models/settings'

/**
 * content-models/payload-types.ts is generated from the Payload config (`npm run generate`);
 * code typed by it (the lease, the publish queue) is only as right as the file is fresh.
 */
describe('the generated Payload types', () => {
  it('are what `npm run generate` makes of the config now', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'payload-types-'))
    try {
      configureSettings({ dataDir: dir, databaseUri: `file:${path.join(dir, 'unused.db')}` })
      const config = await (await import('../cms/payload.config')).default
      const outputFile = path.join(dir, 'payload-types.ts')
      await generateTypes({ ...config, typescript: { ...config.typescript, outputFile } }, { log: false })
      const committed = await fs.readFile(path.join(import.meta.dirname, '..', 'content-models', 'payload-types.ts'), 'utf8')
      expect(await fs.readFile(outputFile, 'utf8'), 'content-models/payload-types.ts is stale: run `npm run generate`').toBe(committed)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
