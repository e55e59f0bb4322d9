import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { childEnv } from '../content-models/settings'
import { exportSnapshot, localSource } from '../cms/export'
import { seedSampleContent } from '../cms/seed'
import { startTestCms, type TestCms } from './helpers/payload'

const root = path.resolve(import.meta.dirname, '..')
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

/** content.json with what the database alone decides set aside: ids, save times, the export's own time. */
const content = async (dir: string) => {
  const { generatedAt: _at, ...snapshot } = JSON.parse(await fs.readFile(path.join(dir, 'content.json'), 'utf8'))
  for (const records of Object.values(snapshot))
    if (Array.isArray(records)) for (const record of records) for (const key of ['id', 'createdAt', 'updatedAt']) delete record[key]
  return snapshot as Record<string, unknown>
}

const filesOf = async (dir: string) => {
  const files = new Map<string, Buffer>()
  for (const name of (await fs.readdir(dir)).sort()) files.set(name, await fs.readFile(path.join(dir, name)))
  return files
}

describe('the sample content on MongoDB', () => {
  it('exports the snapshot SQLite exports, record for record and file for file, ids and save times aside', async () => {
    // SQLite: `npm run seed` then `npm run export` on a file of their own, while MongoDB loads in-process.
    const sqliteDir = path.join(cms.dir, 'sqlite')
    const env = childEnv({
      DATA_DIR: sqliteDir,
      DATABASE_URI: `file:${path.join(sqliteDir, 'portal.db')}`,
      MEDIA_DIR: path.join(sqliteDir, 'media'),
      SNAPSHOT_DIR: path.join(sqliteDir, 'snapshot'),
    })
    const sqliteSnapshot = path.join(sqliteDir, 'snapshot')
    const onSqlite = (async () => {
      await promisify(execFile)(process.execPath, [tsx, 'scripts/seed.ts'], { cwd: root, env })
      await promisify(execFile)(process.execPath, [tsx, 'scripts/export.ts', '--out', sqliteSnapshot], { cwd: root, env })
    })()
    const mongoSnapshot = path.join(cms.dir, 'snapshot')
    await seedSampleContent(cms.payload)
    await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), mongoSnapshot)
    await onSqlite

    const [fromMongo, fromSqlite] = await Promise.all([content(mongoSnapshot), content(sqliteSnapshot)])
    expect((fromMongo.articles as unknown[]).length).toBeGreaterThan(40)
    for (const key of Object.keys(fromSqlite)) expect(fromMongo[key], key).toEqual(fromSqlite[key])
    expect(Object.keys(fromMongo)).toEqual(Object.keys(fromSqlite))

    const [mediaMongo, mediaSqlite] = await Promise.all([
      filesOf(path.join(mongoSnapshot, 'media')),
      filesOf(path.join(sqliteSnapshot, 'media')),
    ])
    expect([...mediaMongo.keys()]).toEqual([...mediaSqlite.keys()])
    for (const [name, bytes] of mediaSqlite) expect(mediaMongo.get(name)!.equals(bytes), name).toBe(true)
  }, 300_000)
})
