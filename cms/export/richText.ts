import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

type LexicalState = { root?: { children?: unknown[] } } | null | undefined
type Node = { type?: string; text?: string; children?: Node[] }

/** Lexical → HTML with Payload's converters, which escape text: no raw HTML passes through. */
export const richTextToHtml = (state: LexicalState): string =>
  state?.root ? convertLexicalToHTML({ data: state as never, disableContainer: true }) : ''

/** Plain text, one line per block, for feeds, excerpts and the search index. */
export const richTextToText = (state: LexicalState): string => {
  const walk = (node: Node): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(walk).join('')
  return ((state?.root?.children ?? []) as Node[]).map(walk).filter(Boolean).join('\n')
}
