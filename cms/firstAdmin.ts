import type { Payload } from 'payload'

import { settings, type Settings } from '../content-models/settings'

/**
 * Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no
 * users. Without both variables nothing is created and the admin shows its first-user screen;
 * there is deliberately no built-in default account.
 */
export const createFirstAdmin = async (
  payload: Payload,
  account: Settings['firstAdmin'] = settings().firstAdmin,
): Promise<'created' | 'exists' | 'not-configured'> => {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return 'exists'
  const email = account.email?.trim()
  const password = account.password
  if (!email || !password) return 'not-configured'
  if (password.length < 12) {
    throw new Error('ADMIN_PASSWORD is too short: use at least 12 characters (it guards the whole CMS).')
  }
  await payload.create({ collection: 'users', data: { email, password, name: account.name?.trim() || '管理员', roles: ['admin'] } })
  return 'created'
}
