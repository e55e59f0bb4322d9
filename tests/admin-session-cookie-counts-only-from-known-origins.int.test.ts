import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * The admin saves with fetch calls and server actions that carry the session cookie and the
 * CMS's own Origin. Payload accepts the cookie only from origins on its csrf list; when the list
 * held only the site's origin, every admin save was refused (found by the publicity-staff
 * journey). The CMS origin here is the default, http://localhost:3000 (no CMS_PUBLIC_URL).
 */
let cms: TestCms
let cookie: string
let id: number | string

beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  cookie = `payload-token=${await cms.login('editor@example.org', STAFF_PASSWORD)}`
  id = (await cms.payload.create({ collection: 'articles', draft: true, data: { title: '会话测试草稿', _status: 'draft' } })).id
})
afterAll(() => cms?.close())

const autosave = async (origin: string) => {
  const { default: config } = await import('../cms/payload.config')
  const { handleEndpoints } = await import('payload')
  const request = new Request(`http://localhost:3000/api/articles/${id}?draft=true&autosave=true`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin },
    body: JSON.stringify({ title: `会话测试草稿（${origin}）` }),
  })
  return (await handleEndpoints({ config, request })).status
}

describe('the admin session cookie', () => {
  it('is accepted from the CMS’s own origin and the site’s, and ignored from any other', async () => {
    expect(await autosave('http://localhost:3000')).toBe(200)
    expect(await autosave('http://127.0.0.1:3000')).toBe(200)
    // The site's preview page calls the CMS with the cookie too.
    expect(await autosave('http://localhost:4321')).toBe(200)
    expect(await autosave('https://evil.example.org')).toBe(403)
  })
})
