import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { settings } from '../../content-models/settings'
import { rebuilderFor } from '../publishing/rebuilder'

/**
 * Only the server `npm start` runs opts in (SITE_AUTOBUILD=true); scripts and tests that
 * write content build the site themselves or not at all.
 */
const enabled = (req: PayloadRequest) => settings().siteAutobuild === true && !req.context?.seeding && !req.context?.skipRebuild

const label = (doc: Record<string, unknown>) => String(doc.title ?? doc.name ?? doc.alt ?? doc.id)

const liveKey = (slug: string, id: unknown) => `live:${slug}:${String(id)}`

/**
 * Records whether the document was live before this change. `originalDoc` cannot tell: with
 * drafts it is the latest version, which may be an unpublished revision of a live document.
 */
export const rememberIfLive: CollectionBeforeChangeHook = async ({ collection, operation, originalDoc, req, data }) => {
  if (!enabled(req) || operation !== 'update' || !collection.versions?.drafts || !originalDoc?.id) return data
  const main = await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req })
  req.context[liveKey(collection.slug, originalDoc.id)] = (main as { _status?: string } | null)?._status === 'published'
  return data
}

/**
 * Public content changes the site when it is published, when a published document changes,
 * and when one is unpublished. A draft saved over a published document changes nothing live:
 * the main document stays published, which the check below reads.
 */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, collection, req, operation }) => {
  if (!enabled(req)) return doc
  const rebuild = (what: string) =>
    rebuilderFor(req.payload).request(`${collection.labels?.singular ?? collection.slug}「${label(doc)}」${what}`, { collection: collection.slug, id: doc.id })
  if (!collection.versions?.drafts) {
    rebuild(operation === 'create' ? '已新建' : '已修改')
    return doc
  }
  const wasLive = req.context[liveKey(collection.slug, doc.id)] === true
  const main = operation === 'create' ? doc : await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: doc.id } }, req })
  const isLive = (main as { _status?: string } | null)?._status === 'published'
  if (isLive && doc._status === 'published') rebuild(wasLive ? '已更新' : '已发布')
  else if (wasLive && !isLive) rebuild('已下线')
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ doc, collection, req }) => {
  if (!enabled(req)) return doc
  if (collection.versions?.drafts && doc._status !== 'published') return doc
  rebuilderFor(req.payload).request(`${collection.labels?.singular ?? collection.slug}「${label(doc)}」已删除`, { collection: collection.slug, id: doc.id })
  return doc
}
