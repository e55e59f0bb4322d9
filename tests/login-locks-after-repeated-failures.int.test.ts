import { zh } from '@payloadcms/translations/languages/zh'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * The production lockout (content-models/collections/Users.ts): the fifth wrong password in a
 * row locks the account for 15 minutes. The clock is moved (Date only) to see the lock end.
 */
const WRONG = zh.translations.error.emailOrPasswordIncorrect
const LOCKED = zh.translations.error.userLocked

/** The production numbers, written out: the test steps through them whatever the config says. */
const ATTEMPTS = 5
const LOCK_MS = 15 * 60 * 1000

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
  for (const name of ['four', 'five', 'bystander'])
    await cms.payload.create({
      collection: 'users',
      data: { email: `${name}@example.org`, password: STAFF_PASSWORD, name, roles: ['editor'] },
    })
})
afterAll(() => cms?.close())
afterEach(() => vi.useRealTimers())

const attempt = async (email: string, password: string) => {
  const { status, body } = await cms.rest('POST', '/users/login', { json: { email, password } })
  return { status, message: body?.errors?.[0]?.message as string | undefined }
}
const wrong = (i: number) => `wrong-password-${i}`

describe('login lockout', () => {
  it('lets the right password in after four wrong ones', async () => {
    for (let i = 1; i < ATTEMPTS; i++) expect(await attempt('four@example.org', wrong(i))).toEqual({ status: 401, message: WRONG })
    expect((await attempt('four@example.org', STAFF_PASSWORD)).status).toBe(200)
  })

  it('refuses even the right password after the fifth wrong one, until the lock expires', async () => {
    for (let i = 1; i < ATTEMPTS; i++) expect(await attempt('five@example.org', wrong(i))).toEqual({ status: 401, message: WRONG })
    const fifthAt = Date.now()
    expect(await attempt('five@example.org', wrong(ATTEMPTS))).toEqual({ status: 401, message: WRONG })
    const lockedBy = Date.now()
    expect(await attempt('five@example.org', STAFF_PASSWORD)).toEqual({ status: 401, message: LOCKED })
    expect(await attempt('five@example.org', wrong(6))).toEqual({ status: 401, message: LOCKED })
    // Another account is unaffected.
    expect((await attempt('bystander@example.org', STAFF_PASSWORD)).status).toBe(200)

    // The lock began while the fifth attempt was answered: a second before it can end, still locked…
    vi.useFakeTimers({ toFake: ['Date'], now: fifthAt + LOCK_MS - 1000 })
    expect(await attempt('five@example.org', STAFF_PASSWORD)).toEqual({ status: 401, message: LOCKED })
    // …and a second after it must have ended, the right password works again.
    vi.setSystemTime(lockedBy + LOCK_MS + 1000)
    expect((await attempt('five@example.org', STAFF_PASSWORD)).status).toBe(200)
  })
})
