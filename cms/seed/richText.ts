import type { Block } from './types'

/**
 * Builds Lexical's serialized state from plain blocks. The importer and the seed both write
 * rich text without an editor instance, so this stays a pure data transform.
 */
const text = (value: string, format = 0): LexicalNode => ({
  type: 'text',
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

type LexicalNode = { type: string; version: number; [key: string]: unknown }

/**
 * A photo caption from an imported archive page. Lexical has no caption node outside an
 * upload, so a caption is a centred italic paragraph: it survives editing in the admin and
 * the HTML converter renders it as such (`isCaption` recognises it again).
 */
export type CaptionBlock = { caption: string }
export type RichBlock = Block | CaptionBlock

/** Lexical's text format bit for italic. */
const ITALIC = 2

const element = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  version: 1,
  ...extra,
})

const node = (block: RichBlock) => {
  if (typeof block === 'string') return element('paragraph', [text(block)], { textFormat: 0, textStyle: '' })
  if ('heading' in block) return element('heading', [text(block.heading)], { tag: 'h2' })
  return element('paragraph', [text(block.caption, ITALIC)], { format: 'center', textFormat: ITALIC, textStyle: '' })
}

export const blocksToLexical = (blocks: RichBlock[]) => ({ root: element('root', blocks.map(node)) })

/** Whether a serialized Lexical node is a caption paragraph written by `blocksToLexical`. */
export const isCaption = (node: { type?: unknown; format?: unknown; children?: unknown }): boolean =>
  node.type === 'paragraph' &&
  node.format === 'center' &&
  Array.isArray(node.children) &&
  node.children.length > 0 &&
  node.children.every((child: { format?: unknown }) => typeof child.format === 'number' && (child.format & ITALIC) !== 0)
