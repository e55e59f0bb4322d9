import type { FlattenedField } from 'payload'

export type Id = number | string
type Blocks = { slug: string; flattenedFields: FlattenedField[] }[]

/** One relationship or upload value inside a document. */
export interface Reference {
  /** The collection it points at. */
  to: string
  id: Id
  /** Where it sits in the document, as Payload names field paths: `photos.1`, `locations.0.district`. */
  path: string
  field: FlattenedField
}

/**
 * Calls `visit` for every relationship and upload value in a document, through groups, named
 * tabs, arrays and blocks. `blocks` are the config's global blocks, for block fields that
 * refer to them by slug. Backup (restore order) and the check that references exist share it.
 */
export const eachReference = (
  fields: FlattenedField[],
  data: unknown,
  visit: (reference: Reference) => void,
  blocks: Blocks = [],
  prefix = '',
): void => {
  if (!data || typeof data !== 'object') return
  const doc = data as Record<string, unknown>
  for (const field of fields) {
    const value = doc[field.name]
    if (value === undefined || value === null) continue
    const path = `${prefix}${field.name}`
    switch (field.type) {
      case 'relationship':
      case 'upload': {
        const items = Array.isArray(value) ? value : [value]
        items.forEach((item, i) => {
          const at = Array.isArray(value) ? `${path}.${i}` : path
          if (item && typeof item === 'object' && 'relationTo' in item)
            visit({ to: String(item.relationTo), id: (item as { value: Id }).value, path: at, field })
          else if (typeof item === 'number' || typeof item === 'string') visit({ to: String(field.relationTo), id: item, path: at, field })
        })
        break
      }
      case 'group':
      case 'tab':
        eachReference(field.flattenedFields, value, visit, blocks, `${path}.`)
        break
      case 'array':
        ;(value as unknown[]).forEach((row, i) => eachReference(field.flattenedFields, row, visit, blocks, `${path}.${i}.`))
        break
      case 'blocks':
        ;(value as Record<string, unknown>[]).forEach((row, i) => {
          const block = field.blocks.find((b) => b.slug === row.blockType) ?? blocks.find((b) => b.slug === row.blockType)
          if (block) eachReference(block.flattenedFields, row, visit, blocks, `${path}.${i}.`)
        })
        break
    }
  }
}
