import type { Access, FieldAccess } from 'payload'

import { hasRole, isReviewerUser } from './roles'

const notPublished = { _status: { not_equals: 'published' } } as const
const published = { _status: { equals: 'published' } } as const

export const anyone: Access = () => true
export const nobody: Access = () => false
export const signedIn: Access = ({ req }) => Boolean(req.user)
export const reviewers: Access = ({ req }) => isReviewerUser(req.user)
export const admins: Access = ({ req }) => hasRole(req.user, 'admin')
export const adminsField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
export const nobodyField: FieldAccess = () => false

/** The public sees published documents only; staff see drafts too. */
export const publishedOrSignedIn: Access = ({ req }) => (req.user ? true : published)

/** Editors may create, but only as drafts. */
export const createDraftsOrReview: Access = ({ req, data }) =>
  isReviewerUser(req.user) || (Boolean(req.user) && data?._status !== 'published')

/**
 * Editors may never publish. They may edit an unpublished document, or save a draft
 * revision of a published one (a `?draft=true` save leaves the live document untouched),
 * but a plain update of a published document would change or unpublish it.
 */
export const updateDraftsOrReview: Access = ({ req, data }) => {
  if (isReviewerUser(req.user)) return true
  if (!req.user || data?._status === 'published') return false
  return isDraftSave(req.query?.draft) ? true : notPublished
}

/** Payload parses `?draft=true` into a boolean before access runs; accept either form. */
const isDraftSave = (draft: unknown): boolean => draft === true || draft === 'true'

/** Editors may discard their own unpublished work, never something live. */
export const deleteDraftsOrReview: Access = ({ req }) => (isReviewerUser(req.user) ? true : req.user ? notPublished : false)

export const adminsOrSelf: Access = ({ req }) => (hasRole(req.user, 'admin') ? true : req.user ? { id: { equals: req.user.id } } : false)
