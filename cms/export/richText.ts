import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'

type LexicalState = { root?: { children?: unknown[] } } | null | undefined
type Node = { type?: string; text?: string; children?: Node[] }

/**
 * Payload's converters for the nodes our editor can produce. They escape text and sanitise
 * link URLs (javascript: becomes #). The table converters are left out: the editor has no
 * table feature, yet Payload stores table nodes sent over the API without checking them, and
 * those converters put `headerState` into the markup unescaped (a cell's `headerState` of
 * `0" onclick="…` became an event handler on the public site).
 */
const { table: _table, tablecell: _tablecell, tablerow: _tablerow, ...editorConverters } = defaultHTMLConverters

/** Any other node (table, unknown block, a type from a future feature): its children only, or nothing. */
const converters: HTMLConverters = {
  ...editorConverters,
  unknown: ({ node, nodesToHTML }) => {
    const children = (node as { children?: unknown }).children
    return Array.isArray(children) ? nodesToHTML({ nodes: children }).join('') : ''
  },
}

/** Lexical → HTML with Payload's converters, which escape text: no raw HTML passes through. */
export const richTextToHtml = (state: LexicalState): string =>
  state?.root ? convertLexicalToHTML({ converters, data: state as never, disableContainer: true }) : ''

/** Plain text, one line per block, for feeds, excerpts and the search index. */
export const richTextToText = (state: LexicalState): string => {
  const walk = (node: Node): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(walk).join('')
  return ((state?.root?.children ?? []) as Node[]).map(walk).filter(Boolean).join('\n')
}
