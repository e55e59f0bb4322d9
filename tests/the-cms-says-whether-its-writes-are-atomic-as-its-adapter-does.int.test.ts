import { afterAll, beforeAll, expect, it } from 'vitest'

import { writesAreAtomic } from '../cms/database'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

// npm start prints this claim; it must be what the adapter does, not what one expects of a database.
it('claims atomic writes exactly when the database adapter begins a transaction', async () => {
  const transaction = await cms.payload.db.beginTransaction()
  if (transaction !== null) await cms.payload.db.rollbackTransaction(transaction)
  expect(writesAreAtomic(cms.payload)).toBe(transaction !== null)
})
