import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { rebuilderFor } from '../publishing/rebuilder'

/**
 * Only the server `npm start` runs opts in (SITE_AUTOBUILD=true); scripts and tests that
 * write content build the site themselves or not at all.
 */
const enabled = (req: PayloadRequest) => process.env.SITE_AUTOBUILD === 'true' && !req.context?.seeding && !req.context?.skipRebuild

const label = (doc: Record<string, unknown>) => String(doc.title ?? doc.name ?? doc.alt ?? doc.id)

/**
 * Public content changes the site when it is published, when a published document changes,
 * and when one is unpublished. A draft saved over a published document changes nothing live:
 * the main document stays published, which the check below reads.
 */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, collection, req, operation }) => {
  if (!enabled(req)) return doc
  const drafted = Boolean(collection.versions?.drafts)
  if (!drafted) {
    rebuilderFor(req.payload).request(`${collection.labels?.singular ?? collection.slug}「${label(doc)}」已${operation === 'create' ? '新建' : '修改'}`)
    return doc
  }
  const wasLive = previousDoc?._status === 'published'
  if (doc._status === 'published') {
    rebuilderFor(req.payload).request(`「${label(doc)}」已${wasLive ? '更新' : '发布'}`)
  } else if (wasLive) {
    const main = await req.payload.findByID({ collection: collection.slug as never, id: doc.id, draft: false, overrideAccess: true, depth: 0, req })
    if ((main as { _status?: string })._status !== 'published') rebuilderFor(req.payload).request(`「${label(doc)}」已下线`)
  }
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ doc, collection, req }) => {
  if (!enabled(req)) return doc
  if (collection.versions?.drafts && doc._status !== 'published') return doc
  rebuilderFor(req.payload).request(`「${label(doc)}」已删除`)
  return doc
}
