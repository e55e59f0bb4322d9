import { zh } from '@payloadcms/translations/languages/zh'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * Sign-in throttling (cms/collections/Users/signInThrottle.ts): five wrong passwords used to
 * lock an account for 15 minutes, so anyone could lock out the staff who publish, and the
 * locked message told which emails exist. Addresses come from X-Forwarded-For, as a reverse
 * proxy sends them.
 */
const FAILED = zh.translations.error.emailOrPasswordIncorrect
const WINDOW_MS = 15 * 60 * 1000

let cms: TestCms
let admin: string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  for (const name of ['victim', 'typo', 'spread', 'later', 'typist'])
    await cms.payload.create({
      collection: 'users',
      data: { email: `${name}@example.org`, password: STAFF_PASSWORD, name, roles: ['editor'] },
    })
  admin = await cms.login('admin@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())
afterEach(() => vi.useRealTimers())

const signIn = async (email: string, password: string, address: string) => {
  const [{ default: config }, { handleEndpoints }] = await Promise.all([import('../cms/payload.config'), import('payload')])
  const request = new Request('http://localhost:3000/api/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ email, password }),
  })
  const res = await handleEndpoints({ config, request })
  const body = (await res.json()) as { errors?: { message: string }[] }
  return { status: res.status, message: body.errors?.[0]?.message, cookie: res.headers.get('set-cookie') }
}
const wrong = (i: number) => `wrong-password-${i}`

describe('an outsider guessing a staff member’s password', () => {
  it('cannot lock the staff member out: the right password from another address still signs in', async () => {
    for (let i = 1; i <= 8; i++)
      expect(await signIn('victim@example.org', wrong(i), '203.0.113.7')).toMatchObject({ status: 401, message: FAILED })
    expect((await signIn('victim@example.org', STAFF_PASSWORD, '198.51.100.20')).status).toBe(200)
  })

  it('is held back, with the same message as any wrong password, even when the guess is right', async () => {
    for (let i = 1; i <= 5; i++) await signIn('typo@example.org', wrong(i), '203.0.113.8')
    expect(await signIn('typo@example.org', STAFF_PASSWORD, '203.0.113.8')).toMatchObject({ status: 401, message: FAILED, cookie: null })
  })

  it('learns nothing from the message: an unknown email, a wrong password and a held-back sign-in read the same', async () => {
    const answers = [
      await signIn('no-such-person@example.org', wrong(1), '192.0.2.1'),
      await signIn('later@example.org', wrong(1), '192.0.2.2'),
      await signIn('typo@example.org', STAFF_PASSWORD, '203.0.113.8'),
    ]
    expect(answers.map((a) => `${a.status} ${a.message}`)).toEqual(Array(3).fill(`401 ${FAILED}`))
  })
})

describe('a member of staff who mistyped', () => {
  it('signs in with the right password after four wrong ones', async () => {
    for (let i = 1; i <= 4; i++) await signIn('typist@example.org', wrong(i), '192.0.2.3')
    expect((await signIn('typist@example.org', STAFF_PASSWORD, '192.0.2.3')).status).toBe(200)
  })
})

describe('passwords', () => {
  it('are at least 12 characters when an admin creates an account or anyone changes one', async () => {
    const created = await cms.rest('POST', '/users', {
      token: admin,
      json: { email: 'short@example.org', password: 'abcd', name: '短', roles: ['editor'] },
    })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body)).toContain('密码至少需要 12 个字符')
    const editor = await cms.payload.find({ collection: 'users', where: { email: { equals: 'editor@example.org' } } })
    const token = await cms.login('editor@example.org', STAFF_PASSWORD)
    const changed = await cms.rest('PATCH', `/users/${editor.docs[0]!.id}`, { token, json: { password: 'elevenchars' } })
    expect(changed.status).toBe(400)
    expect(JSON.stringify(changed.body)).toContain('密码至少需要 12 个字符')
    await expect(cms.login('editor@example.org', 'elevenchars')).rejects.toThrow()
    const ok = await cms.rest('POST', '/users', {
      token: admin,
      json: { email: 'long@example.org', password: 'twelve-chars', name: '长', roles: ['editor'] },
    })
    expect(ok.status).toBe(201)
  })
})

describe('the session cookie', () => {
  it('has no Secure flag while the CMS is served over plain http', async () => {
    const { cookie } = await signIn('later@example.org', STAFF_PASSWORD, '192.0.2.4')
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })
})

// Last: it moves the clock on, and the throttle keeps what it saw meanwhile.
describe('an address that fails everywhere', () => {
  it('is held back on every account once it has failed ten times, until the window passes', async () => {
    const start = Date.now()
    for (let i = 1; i <= 10; i++) await signIn(`nobody-${i}@example.org`, wrong(i), '203.0.113.9')
    expect(await signIn('spread@example.org', STAFF_PASSWORD, '203.0.113.9')).toMatchObject({ status: 401, message: FAILED })
    expect((await signIn('spread@example.org', STAFF_PASSWORD, '198.51.100.21')).status).toBe(200)
    vi.useFakeTimers({ toFake: ['Date'], now: start + WINDOW_MS + 60_000 })
    expect((await signIn('spread@example.org', STAFF_PASSWORD, '203.0.113.9')).status).toBe(200)
  })
})
