import type { CollectionBeforeChangeHook, DefaultValue } from 'payload'

/**
 * The account created on the admin's first-user screen (or from ADMIN_EMAIL) must be able to
 * manage users, or nobody could ever grant roles.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}

/** Default for the roles field: admin while there are no users yet, editor afterwards. */
export const firstAccountRoles: DefaultValue = async ({ req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  return totalDocs === 0 ? ['admin'] : ['editor']
}
