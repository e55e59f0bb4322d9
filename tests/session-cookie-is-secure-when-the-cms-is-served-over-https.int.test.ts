import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/** With CMS_PUBLIC_URL on https the session cookie must never travel over plain http. */
let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms({ cmsPublicUrl: 'https://cms.example.org' })
  await createStaff(cms.payload)
})
afterAll(() => cms?.close())

describe('the session cookie of a CMS served over https', () => {
  it('is Secure', async () => {
    const [{ default: config }, { handleEndpoints }] = await Promise.all([import('../cms/payload.config'), import('payload')])
    const request = new Request('https://cms.example.org/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.org', password: STAFF_PASSWORD }),
    })
    const res = await handleEndpoints({ config, request })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')
    expect(cookie).toMatch(/^payload-token=.*;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })
})
