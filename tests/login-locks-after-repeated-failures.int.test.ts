import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
})
afterAll(() => cms?.close())

describe('login lockout', () => {
  it('locks an account after five wrong passwords, even against the right one', async () => {
    const attempt = (password: string) => cms.rest('POST', '/users/login', { json: { email: 'editor@example.org', password } })
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401)
    const locked = await attempt(STAFF_PASSWORD)
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/锁定|locked/i)
    // Another account is unaffected.
    expect((await cms.rest('POST', '/users/login', { json: { email: 'reviewer@example.org', password: STAFF_PASSWORD } })).status).toBe(200)
  })
})
