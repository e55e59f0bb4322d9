import { type CheerioAPI, load } from 'cheerio/slim'

import { isSiteName, readHeadFacts, stripOriginalTitle, titleParts } from './head'
import type { PageImage, PageMeta, SourceLine } from './lines'

/** The parts of htmlparser2's DOM we read; declared here so no transitive package is imported. */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
}

const dropped = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'form',
  'select',
  'button',
  'input',
  'textarea',
  'nav',
  'aside',
  'footer',
  'head',
  'object',
  'embed',
  'svg',
  'canvas',
  'map',
  'template',
  'marquee',
])
const blocks = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'header',
  'main',
  'blockquote',
  'pre',
  'figure',
  'center',
  'address',
  'body',
  'html',
  'hr',
  'caption',
  'fieldset',
  'legend',
])
/**
 * Class and id names that old CMS and forum templates give their chrome. The text rules
 * catch what is left, so a missed name costs little and a wrong one (hiding the article)
 * is guarded against below.
 */
const chromeName =
  /(^|[\s_-])(nav|navbar|navi|menu|mainmenu|topmenu|footer|foot|login|signin|register|share|bdshare|bshare|jiathis|related|relate|comment|comments|reply|sidebar|side|breadcrumb|crumb|position|copyright|toolbar|userinfo|profile|postauthor|authorinfo|advert|ads|banner|recommend|pagination|pager|pages|qrcode|captcha|seccode|fastpost|hotnews|digg|mood)([\s_-]|$)/i
const captionName = /(^|[\s_-])(caption|pic-?desc|img-?desc|photo-?(desc|text|title)|pictext|imgtext|img_title|tupian)([\s_-]|$)/i
const han = /\p{Script=Han}/gu

const hanCount = (node: DomNode): number => {
  if (node.type === 'text') return node.data?.match(han)?.length ?? 0
  let n = 0
  for (const child of node.children ?? []) n += hanCount(child)
  return n
}

export const textOf = (node: DomNode): string => (node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join(''))

export const findFirst = (node: DomNode, name: string): DomNode | undefined => {
  if (node.type === 'tag' && node.name === name) return node
  for (const child of node.children ?? []) {
    const found = findFirst(child, name)
    if (found) return found
  }
  return undefined
}

const key = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '')

const findAll = (node: DomNode, names: Set<string>, out: DomNode[] = []): DomNode[] => {
  if (node.type === 'tag' && names.has(node.name ?? '')) out.push(node)
  for (const child of node.children ?? []) findAll(child, names, out)
  return out
}

/**
 * The heading that is the article title. Templates put the site logo in an `<h1>` as often
 * as the title, so the heading that matches the page's `<title>` wins; an `<h1>` that is
 * only the site name (the rest of `<title>`) is never the title.
 */
export const titleNode = (body: DomNode, parts: string[], siteName?: string): DomNode | undefined => {
  const headings = findAll(body, new Set(['h1', 'h2', 'h3']))
    .map((node) => ({ node, key: key(textOf(node)) }))
    .filter((h) => h.key.length >= 4 && h.key.length <= 120 && !isSiteName(h.key, siteName, parts.slice(1)))
  const main = parts[0] ? key(parts[0]) : ''
  // A `<title>` of a few characters names the column (`新闻动态--某某学会官网`), not the article.
  if (main.length > 6) {
    const match =
      headings.find((h) => h.key === main) ??
      headings.find((h) => h.key.includes(main) || (main.includes(h.key) && h.key.length >= main.length / 2))
    if (match) return match.node
  }
  return headings.find((h) => h.node.name === 'h1' && h.key !== main)?.node
}

/** Pages saved as `.txt` are sometimes HTML all the same. */
export const looksLikeHtml = (text: string): boolean =>
  (text.slice(0, 4096).match(/<(html|head|body|div|p|table|br|span|meta)\b/gi)?.length ?? 0) >= 3

/** Where an image points: lazy-loading and forum attributes first, since `src` is often a placeholder. */
const imageOf = (node: DomNode): PageImage | undefined => {
  const a = node.attribs ?? {}
  const sources = [a.src, a['data-src'], a.file, a.zoomfile, a['data-original']]
    .map((s) => s?.trim())
    .filter((s): s is string => !!s && !s.startsWith('data:') && !/\/(none|blank|spacer|loading)\.gif$/i.test(s))
  if (sources.length === 0) return undefined
  return { sources: [...new Set(sources)], alt: a.alt?.trim() || a.title?.trim() || undefined }
}

export interface FlattenOptions {
  /** The heading that is the article title: its line gets the `title` hint. */
  titleHeading?: DomNode
  /** Drop boxes whose class or id names them chrome (whole pages; a reader's body needs no such guess). */
  chromeBoxes?: boolean
}

/**
 * Flattens markup into the line stream the text extractor reads: one line per block, a
 * blank line between blocks and three where an image stood (so a caption under it looks
 * like the captions of a page saved as text), with hints where the markup is explicit.
 */
export const flatten = (root: DomNode, options: FlattenOptions = {}): SourceLine[] => {
  const { titleHeading, chromeBoxes = false } = options
  const total = chromeBoxes ? hanCount(root) : 0
  const lines: SourceLine[] = []
  let buffer = ''
  let hint: SourceLine['hint']
  let afterImage = false

  const flush = (blank = true) => {
    const text = buffer.replace(/[\s\u00a0]+/g, ' ').trim()
    buffer = ''
    if (text) {
      lines.push({ text, hint: hint ?? (afterImage ? 'afterImage' : undefined) })
      afterImage = false
    }
    if (blank && lines.at(-1)?.text !== '') lines.push({ text: '' })
  }

  const isChromeBox = (node: DomNode) => {
    const names = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`
    if (!chromeName.test(names)) return false
    // A wrapper named "main-side" that holds the article itself must not be dropped.
    return !(titleHeading && contains(node, titleHeading)) && hanCount(node) < total * 0.4
  }

  const visit = (node: DomNode) => {
    if (node.type === 'text') {
      buffer += node.data ?? ''
      return
    }
    if (node.type !== 'tag' && node.type !== 'root') return
    const name = node.name ?? ''
    if (dropped.has(name) || (chromeBoxes && node.type === 'tag' && isChromeBox(node))) return
    if (name === 'br') {
      flush(false)
      return
    }
    if (name === 'img') {
      flush()
      const image = imageOf(node)
      lines.push({ text: '', image }, { text: '' })
      afterImage = true
      return
    }
    const heading = /^h[1-6]$/.test(name)
    const caption = name === 'figcaption' || captionName.test(`${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`)
    if (!heading && !caption && !blocks.has(name)) {
      for (const child of node.children ?? []) visit(child)
      return
    }
    flush()
    const outer = hint
    if (node === titleHeading) hint = 'title'
    else if (heading) hint = 'heading'
    else if (caption) hint = 'caption'
    else if (name === 'p' && isBoldOnly(node)) hint = 'heading'
    for (const child of node.children ?? []) visit(child)
    flush()
    hint = outer
  }

  visit(root)
  flush()
  return lines
}

/**
 * What `<title>`, the heading matching it, meta tags and a saved-from comment say about a
 * page. The headline is the page's stated title (`og:title`, `ArticleTitle`) or the heading
 * that matches `<title>` less the site's name; a stated title that matches a heading takes
 * the heading's wording, which is what readers saw.
 */
export const readHead = ($: CheerioAPI, html: string, body: DomNode): { meta: PageMeta; titleHeading?: DomNode } => {
  const facts = readHeadFacts($, html)
  const stated = facts.statedTitle ? titleParts(facts.statedTitle, facts.siteName)[0] : undefined
  const parts = titleParts($('title').first().text(), facts.siteName)
  const titleHeading = titleNode(body, stated ? [stated, ...parts.slice(1)] : parts, facts.siteName)
  const titleText = titleHeading ? textOf(titleHeading).replace(/\s+/g, ' ').trim() : ''
  const meta: PageMeta = {
    title: stripOriginalTitle(titleText || stated || parts[0] || '') || undefined,
    date: facts.date,
    url: facts.url,
    siteName: facts.siteName,
  }
  return { meta, titleHeading }
}

/** The whole page as lines, for pages no platform reader recognises. */
export const htmlToLines = (html: string, $: CheerioAPI = load(html)): { lines: SourceLine[]; meta: PageMeta } => {
  const root = $.root()[0] as unknown as DomNode
  const body = findFirst(root, 'body') ?? root
  const { meta, titleHeading } = readHead($, html, body)
  return { lines: flatten(body, { titleHeading, chromeBoxes: true }), meta }
}

const contains = (node: DomNode, target: DomNode): boolean => node === target || (node.children ?? []).some((c) => contains(c, target))

/** `<p><strong>小标题</strong></p>`: how old editors made section headings. */
const isBoldOnly = (node: DomNode): boolean => {
  const children = (node.children ?? []).filter((c) => !(c.type === 'text' && !c.data?.trim()))
  const only = children[0]
  return children.length === 1 && only.type === 'tag' && (only.name === 'strong' || only.name === 'b') && textOf(only).trim().length <= 50
}
