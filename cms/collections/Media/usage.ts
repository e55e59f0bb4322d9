import type { FlattenedField, Payload, PayloadRequest, Where } from 'payload'

import { isDrafted, publicTypes } from '../../../content-models/publicTypes'
import type { DocRef } from '../../publishing/queue'

export interface MediaUse extends DocRef {
  /** The collection's name for staff (新闻) and the document's title. */
  label: string
  title: string
}

/** Query paths of a collection's upload fields that point at media, and of its rich text (which may hold images). */
const mediaPaths = (fields: FlattenedField[], prefix = ''): { uploads: string[]; richText: string[] } => {
  const found = { uploads: [] as string[], richText: [] as string[] }
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    if (field.type === 'upload' && [field.relationTo].flat().includes('media')) found.uploads.push(path)
    else if (field.type === 'richText') found.richText.push(path)
    else if (field.type === 'group' || field.type === 'tab' || field.type === 'array') {
      const inner = mediaPaths(field.flattenedFields, `${path}.`)
      found.uploads.push(...inner.uploads)
      found.richText.push(...inner.richText)
    }
  }
  return found
}

/** Whether a rich text value holds an upload node showing this media document. */
const showsImage = (node: unknown, id: string): boolean => {
  if (!node || typeof node !== 'object') return false
  if (Array.isArray(node)) return node.some((n) => showsImage(n, id))
  const n = node as Record<string, unknown>
  if (n.type === 'upload' && n.relationTo === 'media') {
    const value = n.value && typeof n.value === 'object' ? (n.value as { id?: unknown }).id : n.value
    if (String(value) === id) return true
  }
  return Object.values(n).some((v) => showsImage(v, id))
}

const at = (doc: Record<string, unknown>, path: string): unknown[] =>
  path
    .split('.')
    .reduce<unknown[]>((values, key) => values.flatMap((v) => (v && typeof v === 'object' ? [(v as never)[key]].flat() : [])), [doc])

/**
 * The published documents whose pages show a media document: as a cover or photo (an upload
 * field) or as an image in their text. Rich text is narrowed with `like` on the stored JSON
 * (SQLite keeps it as text) and then checked node by node.
 */
export const publishedUsesOf = async (payload: Payload, id: number | string, req?: PayloadRequest): Promise<MediaUse[]> => {
  const uses: MediaUse[] = []
  for (const type of publicTypes) {
    const { uploads, richText } = mediaPaths(payload.collections[type.slug].config.flattenedFields)
    if (!uploads.length && !richText.length) continue
    const refers: Where[] = [
      ...uploads.map((path) => ({ [path]: { in: [id] } })),
      ...richText.flatMap((path) => [
        { [path]: { like: `"value":${JSON.stringify(id)},` } },
        { [path]: { like: `"value":${JSON.stringify(id)}}` } },
      ]),
    ]
    const where: Where = isDrafted(type.slug) ? { and: [{ _status: { equals: 'published' } }, { or: refers }] } : { or: refers }
    const { docs } = await payload.find({ collection: type.slug, where, depth: 0, limit: 1000, req, overrideAccess: true })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const byField = uploads.some((path) => at(doc, path).some((v) => String(v) === String(id)))
      const inText = richText.some((path) => at(doc, path).some((v) => showsImage(v, String(id))))
      if (byField || inText)
        uses.push({
          collection: type.slug,
          id: doc.id as number | string,
          label: type.label,
          title: String(doc.title ?? doc.name ?? doc.id),
        })
    }
  }
  return uses
}
