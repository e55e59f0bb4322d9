import { type CheerioAPI, load } from 'cheerio/slim'

import { isSiteName, namesOnlySite, readHeadFacts, stripOriginalTitle, titleParts } from './head'
import { closingDateline } from './date'
import { toSimplified } from './script'
import { dropStyleHidden } from './hidden'
import type { PageImage, PageMeta, SourceLine } from './lines'
import { titleKey as key } from './compare'

/** The parts of htmlparser2's DOM we read; declared here so no transitive package is imported. */
export interface DomNode {
  type: string
  name?: string
  data?: string
  attribs?: Record<string, string>
  children?: DomNode[]
  parent?: DomNode | null
}

/**
 * Pre-order over a subtree with a stack of its own, never recursion: a hostile page nests
 * elements 100,000 deep, and every walk here must stay linear and never overflow the call
 * stack. `enter` returning false skips the node's children.
 */
export const walk = (root: DomNode, enter: (node: DomNode) => boolean | void): void => {
  const stack: DomNode[] = [root]
  while (stack.length) {
    const node = stack.pop()!
    if (enter(node) === false) continue
    const children = node.children
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
}

/** Whether `node` is `target` or holds it: up from the target, so the cost is its depth. */
export const contains = (node: DomNode, target: DomNode): boolean => {
  for (let n: DomNode | null | undefined = target; n; n = n.parent) if (n === node) return true
  return false
}

export interface DomStats {
  depth: number
  elements: number
}

/** Depth and element count, stopping as soon as either passes its limit. */
export const domStats = (root: DomNode, limits: DomStats): DomStats => {
  const stack: [DomNode, number][] = [[root, 0]]
  let depth = 0
  let elements = 0
  while (stack.length) {
    const [node, d] = stack.pop()!
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') elements++
    if (d > depth) depth = d
    if (depth > limits.depth || elements > limits.elements) break
    for (const child of node.children ?? []) stack.push([child, d + 1])
  }
  return { depth, elements }
}

const dropped = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
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
  'form',
])
/**
 * Class and id names that old CMS and forum templates give their chrome. The text rules
 * catch what is left, so a missed name costs little and a wrong one (hiding the article)
 * is guarded against below.
 */
const chromeName =
  /(^|[\s_-])(nav|navbar|navi|menu|mainmenu|topmenu|footer|foot|login|signin|register|share|bdshare|bshare|jiathis|related|relate|comment|comments|reply|sidebar|side|breadcrumb|crumb|position|copyright|toolbar|userinfo|profile|postauthor|authorinfo|advert|ads|banner|recommend|pagination|pager|qrcode|captcha|seccode|fastpost|hotnews|digg|mood)([\s_-]|$)/i
const captionName = /(^|[\s_-])(caption|pic-?desc|img-?desc|photo-?(desc|text|title)|pictext|imgtext|img_title|tupian)([\s_-]|$)/i
const han = /\p{Script=Han}/gu

const hanCount = (root: DomNode): number => {
  let n = 0
  walk(root, (node) => {
    if (node.type === 'text') n += node.data?.match(han)?.length ?? 0
  })
  return n
}

/** Han characters from which a form holds text, and how many of its nodes are looked at to find them. */
const FORM_TEXT = 40
const FORM_NODES = 2000

/**
 * A search or login box holds a few words; a page that an ASP.NET template (`<form
 * id="form1">`) or a VSB site (`<form name="_newscontent_fromname">`) wraps in a form holds its
 * whole article. Counted until enough text or a bounded number of nodes, so that forms nested
 * up to the depth cap cost at most that bound each.
 */
const holdsText = (form: DomNode): boolean => {
  const stack: DomNode[] = [form]
  let found = 0
  for (let seen = 0; stack.length && seen < FORM_NODES; seen++) {
    const node = stack.pop()!
    if (node.type === 'text') found += node.data?.match(han)?.length ?? 0
    if (found >= FORM_TEXT) return true
    if (node.type === 'tag' && node !== form && dropped.has(node.name ?? '')) continue
    const children = node.children
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  return false
}

export const textOf = (root: DomNode): string => {
  const parts: string[] = []
  walk(root, (node) => {
    if (node.type === 'text') parts.push(node.data ?? '')
  })
  return parts.join('')
}

export const findFirst = (root: DomNode, name: string): DomNode | undefined => {
  let found: DomNode | undefined
  walk(root, (node) => {
    if (found) return false
    if (node.type === 'tag' && node.name === name) found = node
  })
  return found
}

const findAll = (root: DomNode, names: Set<string>): DomNode[] => {
  const out: DomNode[] = []
  walk(root, (node) => {
    if (node.type === 'tag' && names.has(node.name ?? '')) out.push(node)
  })
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
  // A `<title>` of a few characters names the column (`新闻动态--某某学会官网`), not the article,
  // unless it is punctuated as a headline is and a column's name never is (`突发！新疆地震`).
  if (main.length > 6 || /[！？!?：“”]/.test(parts[0] ?? '')) {
    const match =
      headings.find((h) => h.key === main) ??
      headings.find((h) => h.key.includes(main) || (main.includes(h.key) && h.key.length >= main.length / 2))
    if (match) return match.node
  }
  const h1 = headings.find((h) => h.node.name === 'h1' && h.key !== main)
  if (h1) return h1.node
  // `静夜思•夜-中国诗歌网`: a headline too short for the rules above, in an `<h3>`, with the site's
  // name glued on by a bare hyphen. Only where no `<h1>` is, since a column's heading can prefix it too.
  return headings.find((h) => main.length > h.key.length && main.startsWith(h.key) && namesOnlySite(main.slice(h.key.length), siteName))
    ?.node
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

/** The share of a line's characters inside links from which it counts as linked. */
const LINKED_SHARE = 0.8

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
  // Link density, as Readability and GeneralNewsExtractor weigh it: characters inside `<a>` against all.
  let linkDepth = 0
  let linkChars = 0
  let chars = 0

  const flush = (blank = true) => {
    const text = buffer.replace(/[\s\u00a0]+/g, ' ').trim()
    const linked = chars > 0 && linkChars >= chars * LINKED_SHARE
    buffer = ''
    linkChars = 0
    chars = 0
    if (text) {
      lines.push({ text, hint: hint ?? (afterImage ? 'afterImage' : undefined), ...(linked ? { linked } : {}) })
      afterImage = false
    }
    if (blank && lines.at(-1)?.text !== '') lines.push({ text: '' })
  }

  const isChromeBox = (node: DomNode) => {
    const names = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`
    if (!chromeName.test(names)) return false
    // A wrapper named "main-side" that holds the article itself must not be dropped.
    if (titleHeading && contains(node, titleHeading)) return false
    const han = hanCount(node)
    // `<div class="detail_foot">发布日期：2023-05-04 来源：…</div>` under the text: the article's dateline.
    if (han <= 40 && closingDateline(toSimplified(textOf(node).replace(/\s+/g, ' ').trim()))) return false
    return han < total * 0.4
  }

  // Children are pushed in reverse; a block pushes its closing step below them.
  const stack: (DomNode | (() => void))[] = [root]
  const pushChildren = (node: DomNode) => {
    const children = node.children ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  while (stack.length) {
    const step = stack.pop()!
    if (typeof step === 'function') {
      step()
      continue
    }
    const node = step
    if (node.type === 'text') {
      const data = node.data ?? ''
      buffer += data
      const visible = data.replace(/[\s\u00a0]+/g, '').length
      chars += visible
      if (linkDepth > 0) linkChars += visible
      continue
    }
    if (node.type !== 'tag' && node.type !== 'root') continue
    const name = node.name ?? ''
    if (dropped.has(name) || (name === 'form' && !holdsText(node)) || (chromeBoxes && node.type === 'tag' && isChromeBox(node))) continue
    if (name === 'br') {
      flush(false)
      continue
    }
    if (name === 'img') {
      flush()
      const image = imageOf(node)
      lines.push({ text: '', image }, { text: '' })
      afterImage = true
      continue
    }
    const heading = /^h[1-6]$/.test(name)
    const caption = name === 'figcaption' || captionName.test(`${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`)
    if (!heading && !caption && !blocks.has(name)) {
      if (name === 'a') {
        linkDepth++
        stack.push(() => void linkDepth--)
      }
      pushChildren(node)
      continue
    }
    flush()
    const outer = hint
    if (node === titleHeading) hint = 'title'
    else if (heading) hint = 'heading'
    else if (caption) hint = 'caption'
    else if (name === 'p' && isBoldOnly(node)) hint = 'heading'
    stack.push(() => {
      flush()
      hint = outer
    })
    pushChildren(node)
  }
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
  // A `<title>` naming only the site, or only a column (`工会要闻 - 江南市总工会`: a few characters
  // no heading repeats, not punctuated as a headline), leaves the headline to the page's lines (extract.ts).
  const columnOnly = !!parts[0] && key(parts[0]).length <= 6 && !/[！？!?：“”]/.test(parts[0])
  const siteOnly = !titleText && !stated && !!parts[0] && (namesOnlySite(parts[0], facts.siteName) || columnOnly)
  const meta: PageMeta = {
    title: siteOnly ? undefined : stripOriginalTitle(titleText || stated || parts[0] || '') || undefined,
    siteTitle: siteOnly ? parts[0] : undefined,
    date: facts.date,
    url: facts.url,
    siteName: facts.siteName,
  }
  return { meta, titleHeading }
}

/** The whole page as lines, for pages no platform reader recognises. */
export const htmlToLines = (html: string, $: CheerioAPI = load(html)): { lines: SourceLine[]; meta: PageMeta } => {
  dropStyleHidden<DomNode>({
    styles: () =>
      $('style')
        .toArray()
        .map((el) => $(el).text()),
    select: (selector) => $(selector).toArray() as unknown as DomNode[],
    textLength: (el) => (el ? $(el as never).text() : $('body').text()).length,
    remove: (el) => void $(el as never).remove(),
    inlineStyle: (el) => el.attribs?.style ?? '',
  })
  const root = $.root()[0] as unknown as DomNode
  const body = findFirst(root, 'body') ?? root
  const { meta, titleHeading } = readHead($, html, body)
  return { lines: flatten(body, { titleHeading, chromeBoxes: true }), meta }
}

/** `<p><strong>小标题</strong></p>`: how old editors made section headings. */
const isBoldOnly = (node: DomNode): boolean => {
  const children = (node.children ?? []).filter((c) => !(c.type === 'text' && !c.data?.trim()))
  const only = children[0]
  return children.length === 1 && only.type === 'tag' && (only.name === 'strong' || only.name === 'b') && textOf(only).trim().length <= 50
}
