import type { CollectionSlug, FlattenedField, Payload } from 'payload'

import { eachReference } from '../references'

type Doc = Record<string, unknown>

const fieldsOf = (payload: Payload, slug: string): FlattenedField[] => payload.collections[slug as CollectionSlug]!.config.flattenedFields

/** The collections a collection's fields can point at (itself excluded). */
const dependencies = (payload: Payload, slug: string): Set<string> => {
  const found = new Set<string>()
  const scan = (fields: FlattenedField[]) => {
    for (const field of fields) {
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const target of Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]) if (target !== slug) found.add(target)
      } else if (field.type === 'group' || field.type === 'tab' || field.type === 'array') scan(field.flattenedFields)
      else if (field.type === 'blocks') for (const block of field.blocks) scan(block.flattenedFields)
    }
  }
  scan(fieldsOf(payload, slug))
  return found
}

/**
 * Collections ordered so each comes after those it refers to: SQLite checks foreign keys on
 * every insert. A cycle between collections (none in our models) keeps config order for the
 * rest and would surface as a foreign-key error naming the document.
 */
export const restoreOrder = (payload: Payload, slugs: string[]): string[] => {
  const wanted = new Set(slugs)
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (slug: string) => {
    if (ordered.includes(slug) || visiting.has(slug)) return
    visiting.add(slug)
    for (const dep of dependencies(payload, slug)) if (wanted.has(dep)) visit(dep)
    visiting.delete(slug)
    ordered.push(slug)
  }
  for (const slug of slugs) visit(slug)
  return ordered
}

/** Whether documents of this collection can point at other documents of the same collection. */
export const refersToItself = (payload: Payload, slug: string): boolean => {
  let self = false
  const scan = (fields: FlattenedField[]) => {
    for (const field of fields) {
      if (field.type === 'relationship' || field.type === 'upload')
        self ||= (Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]).includes(slug as CollectionSlug)
      else if (field.type === 'group' || field.type === 'tab' || field.type === 'array') scan(field.flattenedFields)
      else if (field.type === 'blocks') for (const block of field.blocks) scan(block.flattenedFields)
    }
  }
  scan(fieldsOf(payload, slug))
  return self
}

/** Parents before children (regions, organizations), for collections that refer to themselves. */
export const parentsFirst = (payload: Payload, slug: string, docs: Doc[]): Doc[] => {
  const fields = fieldsOf(payload, slug)
  const byId = new Map(docs.map((d) => [String(d.id), d]))
  const done = new Set<string>()
  const ordered: Doc[] = []
  const place = (doc: Doc, path: Set<string>) => {
    const id = String(doc.id)
    if (done.has(id) || path.has(id)) return
    path.add(id)
    eachReference(
      fields,
      doc,
      ({ to, id: value }) => {
        const parent = to === slug ? byId.get(String(value)) : undefined
        if (parent) place(parent, path)
      },
      payload.config.blocks,
    )
    path.delete(id)
    done.add(id)
    ordered.push(doc)
  }
  for (const doc of docs) place(doc, new Set())
  return ordered
}
