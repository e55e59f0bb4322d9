import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * The admin saves with fetch calls and server actions that carry the session cookie and the
 * CMS's own Origin. Payload accepts the cookie only from origins on its csrf list; when the list
 * held only the site's origin, every admin save was refused (found by the publicity-staff
 * journey). The CMS origin here is the default, http://localhost:3000 (no CMS_PUBLIC_URL); the
 * site's is http://localhost:4321.
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

const call = async (method: string, url: string, origin: string, body?: unknown) => {
  const { default: config } = await import('../cms/payload.config')
  const { handleEndpoints } = await import('payload')
  const request = new Request(`http://localhost:3000/api${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return handleEndpoints({ config, request })
}
const autosave = async (origin: string) =>
  (await call('PATCH', `/articles/${id}?draft=true&autosave=true`, origin, { title: `会话测试草稿（${origin}）` })).status

const site = 'http://localhost:4321'

describe('the admin session cookie', () => {
  it('is accepted from the CMS’s own origin and ignored from any other', async () => {
    expect(await autosave('http://localhost:3000')).toBe(200)
    expect(await autosave('http://127.0.0.1:3000')).toBe(200)
    expect(await autosave('https://evil.example.org')).toBe(403)
  })

  it('lets a script on the public site’s origin neither change nor delete anything', async () => {
    // Any script on the site's origin (a static host without the CSP, a changed CDN file) could
    // act as the signed-in staff member while the site's origin was on the csrf and CORS lists.
    const before = await cms.payload.findByID({ collection: 'articles', id, draft: true })
    const patch = await call('PATCH', `/articles/${id}?draft=true`, site, { title: '被篡改的标题' })
    expect(patch.status).toBe(403)
    expect(patch.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect((await call('DELETE', `/articles/${id}`, site)).status).toBe(403)
    expect((await call('POST', '/articles', site, { title: '外来稿件' })).status).toBe(403)
    expect((await (await call('GET', '/users/me', site)).json()).user).toBeNull()
    const after = await cms.payload.findByID({ collection: 'articles', id, draft: true })
    expect(after.title).toBe(before.title)
  })

  it('lets the site’s preview page read a draft, and only that', async () => {
    const res = await call('GET', `/articles/${id}/preview`, site)
    expect(res.status).toBe(200)
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(site)
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true')
    expect((await res.json()).article.title).toMatch(/^会话测试草稿/)
    // Another origin gets neither the draft nor the right to read the answer.
    const other = await call('GET', `/articles/${id}/preview`, 'https://evil.example.org')
    expect(other.status).toBe(401)
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})
