import type { CollectionConfig, Field } from 'payload'

import { Users as model } from '../../../content-models'
import { admins, adminsField, adminsOrSelf } from '../../access'
import { settings } from '../../../content-models/settings'
import { firstAccountRoles, firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { beforeUserOperation, countFailedSignIn, forgiveOnSignIn } from './hooks/signIn'
import { SignInThrottle } from './signInThrottle'

const throttle = new SignInThrottle()

/** Staff accounts: admins manage them; everyone else sees and edits only their own. */
export const Users: CollectionConfig = {
  ...model,
  access: { ...model.access, read: adminsOrSelf, create: admins, update: adminsOrSelf, delete: admins, unlock: admins },
  // Only an admin may grant roles, or an editor could promote themselves.
  // The first account is made an admin (see firstUserIsAdmin), so its form says so up front.
  fields: model.fields.map((field): Field =>
    field.type === 'select' && field.name === 'roles'
      ? { ...field, access: { create: adminsField, update: adminsField }, defaultValue: firstAccountRoles }
      : field,
  ),
  auth: {
    ...(typeof model.auth === 'object' ? model.auth : {}),
    // A session cookie sent over plain http could be read on the way; over https it never is.
    cookies: { secure: settings().cmsPublicUrl?.startsWith('https:') ?? false },
  },
  hooks: {
    ...model.hooks,
    beforeOperation: [beforeUserOperation(throttle)],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [forgiveOnSignIn(throttle)],
    afterError: [countFailedSignIn(throttle)],
  },
}
