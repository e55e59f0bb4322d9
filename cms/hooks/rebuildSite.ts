import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { settings } from '../../content-models/settings'
import { requestSiteBuild, type DocRef } from '../publishing/queue'
import { rebuilderFor } from '../publishing/rebuilder'

/**
 * Every process that changes public content queues a rebuild (publishing/queue.ts), in the
 * same transaction as the change; the server that builds the site (SITE_AUTOBUILD, on under
 * `npm start`) works the queue. Seeding and the benchmark's writer opt out.
 */
const enabled = (req: PayloadRequest) => !req.context?.seeding && !req.context?.skipRebuild

const queueRebuild = async (req: PayloadRequest, reason: string, doc: DocRef) => {
  const job = await requestSiteBuild(req.payload, reason, doc, { req })
  // The server's own publishes wake its rebuilder once they commit, instead of at its next look.
  if (settings().siteAutobuild) rebuilderFor(req.payload).queued(job, req)
}

/** Queues the pages of other documents a change reaches (an image they show), each with its reason. */
export const rebuildPagesOf = async (req: PayloadRequest, pages: { reason: string; doc: DocRef }[]) => {
  if (!enabled(req)) return
  for (const { reason, doc } of pages) await queueRebuild(req, reason, { collection: doc.collection, id: doc.id })
}

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
    queueRebuild(req, `${collection.labels?.singular ?? collection.slug}「${label(doc)}」${what}`, {
      collection: collection.slug,
      id: doc.id,
    })
  if (!collection.versions?.drafts) {
    await rebuild(operation === 'create' ? '已新建' : '已修改')
    return doc
  }
  const wasLive = req.context[liveKey(collection.slug, doc.id)] === true
  const main =
    operation === 'create' ? doc : await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: doc.id } }, req })
  const isLive = (main as { _status?: string } | null)?._status === 'published'
  if (isLive && doc._status === 'published') await rebuild(wasLive ? '已更新' : '已发布')
  else if (wasLive && !isLive) await rebuild('已下线')
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, collection, req }) => {
  if (!enabled(req)) return doc
  if (collection.versions?.drafts && doc._status !== 'published') return doc
  await queueRebuild(req, `${collection.labels?.singular ?? collection.slug}「${label(doc)}」已删除`, {
    collection: collection.slug,
    id: doc.id,
  })
  return doc
}
