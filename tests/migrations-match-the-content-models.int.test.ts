import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('committed SQLite migrations', () => {
  it('describe exactly the schema the content models produce (run `npm run migrate:create` after a model change)', async () => {
    const db = cms.payload.db as unknown as {
      schema: unknown
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => Promise<unknown>
        generateMigration: (a: unknown, b: unknown) => Promise<string[]>
      }
    }
    const dir = path.resolve('cms/migrations')
    const latest = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest).toBeDefined()
    const committed = JSON.parse(fs.readFileSync(path.join(dir, latest!), 'utf8'))
    const kit = db.requireDrizzleKit()
    const pending = await kit.generateMigration(committed, await kit.generateDrizzleJson(db.schema))
    expect(pending).toEqual([])
  })

  it('have all been applied to a fresh database', async () => {
    const { existing } = await cms.payload
      .find({ collection: 'payload-migrations', limit: 100 })
      .then((r) => ({ existing: r.docs.map((d) => d.name) }))
    const files = fs
      .readdirSync('cms/migrations')
      .filter((f) => /^\d.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(existing.sort()).toEqual(files.sort())
  })
})
