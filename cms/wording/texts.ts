import type { Field } from 'payload'

/** A piece of prose the check reads: a field's path in the document, its label, its text. */
export interface CheckedText {
  path: string
  label: string
  text: string
}

/** Text fields that hold addresses and keys rather than prose. */
export const notProse = new Set(['slug', 'originalUrl', 'importBatch'])

type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }
const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list'])

/**
 * The text of a Lexical rich-text value as the check reads it: text nodes in order, a line
 * break between blocks. Positions of findings in the body are offsets in this text.
 */
export const lexicalText = (value: unknown): string => {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  let out = ''
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') out += node.text
    else if (node.type === 'linebreak') out += '\n'
    for (const child of node.children ?? []) walk(child)
    if (node.type && BLOCKS.has(node.type) && !out.endsWith('\n')) out += '\n'
  }
  for (const child of root.children ?? []) walk(child)
  return out.replace(/\n$/, '')
}

const labelOf = (field: { label?: unknown; name?: string }): string => (typeof field.label === 'string' ? field.label : (field.name ?? ''))

/**
 * Every prose field of a document (text, textarea, rich text; inside rows, collapsibles,
 * tabs, groups and array rows), in the order the form shows them.
 */
export const checkedTexts = (
  fields: readonly Field[],
  data: Record<string, unknown> | null | undefined,
  prefix = '',
  labels = '',
): CheckedText[] => {
  const out: CheckedText[] = []
  if (!data || typeof data !== 'object') return out
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      out.push(...checkedTexts(field.fields, data, prefix, labels))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          out.push(
            ...checkedTexts(tab.fields, data[tab.name] as Record<string, unknown>, `${prefix}${tab.name}.`, `${labels}${labelOf(tab)} › `),
          )
        } else out.push(...checkedTexts(tab.fields, data, prefix, labels))
      }
      continue
    }
    if (!('name' in field) || !field.name) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    const label = `${labels}${labelOf(field)}`
    if (field.type === 'group') out.push(...checkedTexts(field.fields, value as Record<string, unknown>, `${path}.`, `${label} › `))
    else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, i) =>
        out.push(...checkedTexts(field.fields, row as Record<string, unknown>, `${path}.${i}.`, `${label} ${i + 1} › `)),
      )
    } else if ((field.type === 'text' || field.type === 'textarea') && !notProse.has(field.name) && typeof value === 'string') {
      out.push({ path, label, text: value })
    } else if (field.type === 'text' && field.hasMany && Array.isArray(value)) {
      value.forEach((item, i) => typeof item === 'string' && out.push({ path: `${path}.${i}`, label, text: item }))
    } else if (field.type === 'richText') out.push({ path, label, text: lexicalText(value) })
  }
  return out
}
