import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { writesAreAtomic } from '../cms/database'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('on MongoDB, the CMS', () => {
  it('has every unique index in place when it has started, the build lease’s first', async () => {
    // Read at once: Payload's default builds indexes in the background after connecting.
    const db = cms.payload.db as unknown as MongooseAdapter
    const lease = await db.collections['site-build-lease']!.listIndexes()
    expect(lease.find((i) => i.key.name === 1)).toMatchObject({ unique: true })
    const users = await db.collections.users!.listIndexes()
    expect(users.find((i) => i.key.email === 1)).toMatchObject({ unique: true })
  })

  it('says its writes are not atomic when the URI names no replica set', () => {
    expect(cms.payload.db.name).toBe('mongoose')
    expect(writesAreAtomic(cms.payload)).toBe(false)
  })
})
