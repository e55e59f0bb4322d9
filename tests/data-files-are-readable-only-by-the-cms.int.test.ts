import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { protectDataFiles } from '../cms/dataFiles'
import { startTestCms, type TestCms } from './helpers/payload'

/**
 * The SQLite file holds password hashes and the imports hold what staff uploaded: other
 * users of the machine must not read them (issue 24: the database was 0644, the imports 0755).
 */
const mode = (file: string) => fs.statSync(file).mode & 0o777

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('the data folder', () => {
  it('is 0700 and the database file 0600 from the first start', () => {
    expect(mode(cms.dir)).toBe(0o700)
    const db = fs.readdirSync(cms.dir).find((f) => f.endsWith('.db'))!
    expect(mode(path.join(cms.dir, db))).toBe(0o600)
  })

  it('has files a looser umask left readable closed again at the next start', () => {
    const dir = path.join(cms.dir, 'older-install')
    fs.mkdirSync(path.join(dir, 'imports', '7'), { recursive: true, mode: 0o755 })
    fs.chmodSync(dir, 0o755)
    fs.chmodSync(path.join(dir, 'imports'), 0o755)
    const db = path.join(dir, 'portal.db')
    fs.writeFileSync(db, '', { mode: 0o644 })
    fs.chmodSync(db, 0o644)
    protectDataFiles(dir, db)
    expect([mode(dir), mode(path.join(dir, 'imports')), mode(db)]).toEqual([0o700, 0o700, 0o600])
  })
})
