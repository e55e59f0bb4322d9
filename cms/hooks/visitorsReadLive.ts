import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `?draft=true` reads each document's newest revision, and read access then keeps only the
 * published ones: for a visitor, a live document with a pending draft revision dropped out of
 * lists. Visitors read the live documents whatever they ask; staff and the Local API (which
 * overrides access) still read drafts.
 */
export const visitorsReadLive: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'read' || overrideAccess || req.user) return args
  return 'draft' in args && args.draft ? { ...args, draft: false } : args
}
