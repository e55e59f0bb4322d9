import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug } from 'payload'

import { eachReference, type Id, type Reference } from '../references'

/** Ids are numbers on SQLite and ObjectIds (24 hex digits) on MongoDB, the adapters' defaults. */
const OBJECT_ID = /^[\da-f]{24}$/i

const text = (label: unknown, fallback: string) =>
  typeof label === 'string' ? label : label && typeof label === 'object' ? String(Object.values(label)[0] ?? fallback) : fallback

/**
 * A document may point only at documents that exist. The database refuses a dangling id anyway,
 * but as a foreign-key error that reached staff as "Something went wrong" (500) when, say, the
 * cover they had picked was deleted meanwhile. Drafts skip Payload's field validation, so this
 * is a change hook: it runs on drafts too, and names the field to fix.
 */
export const referencesExist: CollectionBeforeChangeHook = async ({ collection, data, req }) => {
  const byTarget = new Map<string, Reference[]>()
  eachReference(collection.flattenedFields, data, (r) => byTarget.set(r.to, [...(byTarget.get(r.to) ?? []), r]), req.payload.config.blocks)
  const missing: Reference[] = []
  const numericIds = req.payload.db.defaultIDType === 'number'
  // An id of the wrong kind ("abc" where ids are numbers, anything but an ObjectId on MongoDB)
  // points at nothing, and the query would fail on it (a CastError on MongoDB: a 500).
  const usable = (id: Id) => (numericIds ? Number.isSafeInteger(Number(id)) : typeof id === 'string' && OBJECT_ID.test(id))
  for (const [to, references] of byTarget) {
    const target = req.payload.collections[to as CollectionSlug]
    if (!target) continue
    const ids = [...new Set(references.filter((r) => usable(r.id)).map((r) => (numericIds ? Number(r.id) : r.id)))]
    const found = ids.length
      ? await req.payload.find({
          collection: to as CollectionSlug,
          where: { id: { in: ids } },
          limit: 0,
          pagination: false,
          depth: 0,
          req,
          overrideAccess: true,
        })
      : { docs: [] }
    const existing = new Set(found.docs.map((d) => String(d.id)))
    missing.push(...references.filter((r) => !usable(r.id) || !existing.has(String(numericIds ? Number(r.id) : r.id))))
  }
  if (!missing.length) return data
  throw Object.assign(
    new ValidationError(
      {
        collection: collection.slug,
        errors: missing.map((r) => {
          const label = text(r.field.label, r.field.name)
          const kind = text(req.payload.collections[r.to as CollectionSlug]?.config.labels?.singular, r.to)
          return { path: r.path, label, message: `${label}：所选的${kind}（编号 ${String(r.id)}）不存在，可能刚被删除：请重新选择。` }
        }),
        req,
      },
      req.t,
    ),
    // Named explicitly: the compiled admin minifies class names (see checkImageUpload).
    { name: 'ValidationError' },
  )
}
