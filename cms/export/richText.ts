import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'

import type { MediaCollector } from './map'

export type LexicalState = { root?: { children?: unknown[] } } | null | undefined
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

const attr = (value: string | number) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * An image in the body (an imported page's photos): the snapshot's copy of the media file,
 * through the same collector as covers so the file is copied beside the site. Payload's own
 * converter would point at the CMS (`/api/media/file/…`), which a static host does not serve.
 */
const uploadConverter =
  (image: MediaCollector): HTMLConverters['upload'] =>
  ({ node }) => {
    const snap = image((node as { value?: unknown }).value)
    if (!snap) return ''
    const file = snap.sizes.hero ?? snap.sizes.card ?? snap.original
    return `<figure class="body-image"><img src="/media/${attr(file.file)}" alt="${attr(snap.alt)}" width="${file.width}" height="${file.height}" loading="lazy" decoding="async"></figure>`
  }

/**
 * Lexical → HTML with Payload's converters, which escape text: no raw HTML passes through.
 * With `image`, body images are rendered from the snapshot's media; without, they are left out.
 */
export const richTextToHtml = (state: LexicalState, image?: MediaCollector): string =>
  state?.root
    ? convertLexicalToHTML({
        converters: { ...converters, upload: image ? uploadConverter(image) : () => '' } as HTMLConverters,
        data: state as never,
        disableContainer: true,
      })
    : ''

/** Plain text, one line per block, for feeds, excerpts and the search index. */
export const richTextToText = (state: LexicalState): string => {
  const walk = (node: Node): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(walk).join('')
  return ((state?.root?.children ?? []) as Node[]).map(walk).filter(Boolean).join('\n')
}
