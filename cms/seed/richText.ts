import type { Block } from './types'

/**
 * Builds Lexical's serialized state from plain blocks. The importer and the seed both write
 * rich text without an editor instance, so this stays a pure data transform.
 */
const text = (value: string): LexicalNode => ({ type: 'text', text: value, format: 0, style: '', mode: 'normal', detail: 0, version: 1 })

type LexicalNode = { type: string; version: number; [key: string]: unknown }

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

export const blocksToLexical = (blocks: Block[]) => ({
  root: element(
    'root',
    blocks.map((block) =>
      typeof block === 'string'
        ? element('paragraph', [text(block)], { textFormat: 0, textStyle: '' })
        : element('heading', [text(block.heading)], { tag: 'h2' }),
    ),
  ),
})
