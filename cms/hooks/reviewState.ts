import type { CollectionBeforeChangeHook } from 'payload'

import { isReviewerUser } from '../access/roles'

/**
 * Publishing marks the review done; only reviewers may mark it done by hand. An editor who
 * picks 已通过 keeps the previous state instead, so the queue cannot be skipped.
 */
export const settleReviewState: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (data._status === 'published') return { ...data, reviewState: 'approved' }
  if (data.reviewState === 'approved' && req.user && !isReviewerUser(req.user)) {
    return { ...data, reviewState: originalDoc?.reviewState === 'approved' ? 'approved' : 'submitted' }
  }
  return data
}
