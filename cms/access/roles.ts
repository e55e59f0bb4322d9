import type { Role } from '../../content-models/options'

type MaybeUser = { roles?: unknown } | null | undefined

export const hasRole = (user: MaybeUser, ...wanted: Role[]): boolean =>
  Array.isArray(user?.roles) && user.roles.some((r) => wanted.includes(r as Role))

export const isReviewerUser = (user: MaybeUser): boolean => hasRole(user, 'reviewer', 'admin')
