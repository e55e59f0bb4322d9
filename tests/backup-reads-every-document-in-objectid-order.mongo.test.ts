import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inIdOrder, PAGE } from '../cms/backup/backup'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('on MongoDB, the backup', () => {
  it('pages through more documents than a page holds by ObjectId, each once and in order', async () => {
    // Written below Payload, in one command: the paging is under test, not a thousand saves.
    const regions = (cms.payload.db as unknown as MongooseAdapter).collections.regions!
    const now = new Date()
    await regions.insertMany(
      Array.from({ length: 2 * PAGE + 234 }, (_, i) => ({
        name: `测试区${i}`,
        code: String(100000 + i),
        level: 'district',
        createdAt: now,
        updatedAt: now,
      })),
    )
    const ids: string[] = []
    for await (const doc of inIdOrder((where) => cms.payload.db.find({ collection: 'regions', where, sort: 'id', limit: PAGE, page: 1 })))
      ids.push(String(doc.id))
    expect(ids).toHaveLength(2 * PAGE + 234)
    expect(new Set(ids).size).toBe(2 * PAGE + 234)
    expect(ids.every((id) => /^[\da-f]{24}$/.test(id))).toBe(true)
    expect([...ids].sort()).toEqual(ids)
  })
})
