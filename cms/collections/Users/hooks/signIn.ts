import {
  AuthenticationError,
  ValidationError,
  type CollectionAfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { accountKey, clientAddress, type SignInThrottle } from '../signInThrottle'

/** For everyone, the first admin included (cms/firstAdmin.ts asks the same of ADMIN_PASSWORD). */
export const MIN_PASSWORD_LENGTH = 12
export const passwordTooShort = `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符：请用一句容易记、别人猜不到的话，例如几个词连在一起。`

/**
 * Before a sign-in: refuses an address or account the throttle holds back, with the same
 * error as a wrong password, so a refusal tells nobody whether the email exists or is held.
 * Before a create, update or password reset: refuses a password under 12 characters.
 */
export const beforeUserOperation =
  (throttle: SignInThrottle): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    const data = (args as { data?: { email?: unknown; password?: unknown } }).data
    if (operation === 'login') {
      if (!throttle.allows(clientAddress(req.headers), accountKey(data?.email))) throw new AuthenticationError(req.t)
    } else if ((operation === 'create' || operation === 'update' || operation === 'resetPassword') && typeof data?.password === 'string') {
      if (data.password.length < MIN_PASSWORD_LENGTH)
        throw new ValidationError({ collection: 'users', errors: [{ message: passwordTooShort, path: 'password' }] })
    }
    return args
  }

const isSignIn = (req: { url?: string; method?: string }) => req.method === 'POST' && /\/users\/login(?:\?|$)/.test(req.url ?? '')

/** Counts a failed sign-in: Payload answers every one (unknown email, wrong password) with AuthenticationError. */
export const countFailedSignIn =
  (throttle: SignInThrottle): CollectionAfterErrorHook =>
  ({ error, req }) => {
    if (error instanceof AuthenticationError && isSignIn(req)) throttle.failed(clientAddress(req.headers), accountKey(req.data?.email))
  }

export const forgiveOnSignIn =
  (throttle: SignInThrottle): CollectionAfterLoginHook =>
  ({ req, user }) => {
    throttle.succeeded(clientAddress(req.headers), accountKey((user as { email?: unknown }).email))
  }
