import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createFirstAdmin } from '../cms/firstAdmin'
import { resolveSecret } from '../cms/secret'
import { settingsFromEnv } from '../content-models/settings'
import { startTestCms, type TestCms } from './helpers/payload'

describe('PAYLOAD_SECRET', () => {
  const from = (env: Record<string, string>) => resolveSecret(settingsFromEnv(env))
  it('is required in production, with a message that says how to make one', () => {
    expect(() => from({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET.*openssl rand/)
  })
  it('must be long enough', () => {
    expect(() => from({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/too short/)
    expect(from({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40))
  })
})

describe('the first administrator', () => {
  let cms: TestCms
  beforeAll(async () => {
    cms = await startTestCms()
  })
  afterAll(() => cms?.close())

  const account = (env: Record<string, string>) => settingsFromEnv(env).firstAdmin
  it('is not created without ADMIN_EMAIL and ADMIN_PASSWORD: there is no default account', async () => {
    expect(await createFirstAdmin(cms.payload, account({}))).toBe('not-configured')
    expect((await cms.payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('refuses a weak password', async () => {
    await expect(createFirstAdmin(cms.payload, account({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' }))).rejects.toThrow(
      /12 characters/,
    )
  })

  it('is created from the environment once, and can log in', async () => {
    const env = { ADMIN_EMAIL: 'chief@example.org', ADMIN_PASSWORD: 'a-strong-admin-password' }
    expect(await createFirstAdmin(cms.payload, account(env))).toBe('created')
    expect(await createFirstAdmin(cms.payload, account(env))).toBe('exists')
    const token = await cms.login(env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
    const me = await cms.rest('GET', '/users/me', { token })
    expect(me.body.user.roles).toEqual(['admin'])
  })
})
