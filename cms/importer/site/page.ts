import { load } from 'cheerio/slim'

import { splitTitle, titleParts } from '../head'
import { type DomNode, findFirst, flatten, readHead, textOf, walk } from '../html'
import { keepsFields, lineKey, lineText } from './template'
import { httrackUrl, savedFromUrl } from './url'

/**
 * What the site analysis needs of one page, read once in the first pass: plain numbers and
 * short strings, so 50,000 of them fit in memory and can be made in a worker thread.
 */
export interface PageFeatures {
  /** The page's path inside the imported folder (`www.x.gov.cn/a/xinwen/2019/0312/123.html`), `/`-separated. */
  path: string
  /**
   * The page's address as `host/path?query`, when HTTrack's or the browser's saved-from comment
   * names it: HTTrack renames pages with a query (`print.php?aid=1` → `print4a3f.html`) and a
   * browser names the file after the title, so the path alone hides what they are.
   */
  address?: string
  /** Whether the page is HTML; text files are always articles and have no template. */
  html: boolean
  /** The title as the page's heading and `<title>` give it, compared without spaces and punctuation. */
  titleKey: string
  /** What the `<title>` appends after the page's own title (`…_江南市总工会`): the site's name, compared text. */
  titleSuffix?: string
  /** The address the page names as its canonical one (canonical link, og:url), as written. */
  canonical?: string
  /** Keys of the page's text lines, in page order; `NOT_TEMPLATE` for lines that carry fields (see `keepsFields`). */
  lines: Uint32Array
  /** Characters of each line (compared text), its characters inside links, and whether it reads as prose (1). */
  chars: Uint32Array
  linkChars: Uint32Array
  prose: Uint8Array
  /** Links whose text looks like an article title (six or more Han characters), by target. */
  titleLinks: Uint32Array
  /** The page prints a pager: 下一页, 尾页, 共 N 页. */
  pager: boolean
  /** A print version by its `<title>` (`… - 打印本页`). */
  printTitle: boolean
  /** A page the saving tool wrote, not the site: HTTrack's index of its mirrors. */
  toolPage?: boolean
}

/** The key of a line that is never template, whatever it repeats on. */
export const NOT_TEMPLATE = 0

const han = /\p{Script=Han}/gu
const pagerText = /下一页|上一页|下页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*页\s*[/／]|共\s*\d+\s*条|下一頁|上一頁|尾頁/
const sentence = /[。，；！？,;!?]/

const fnv = (s: string) => {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** Where a link goes, as one string whatever page it is written on: resolved against the page's path. */
const target = (href: string, path: string): string | undefined => {
  const value = href.trim()
  if (!value || /^(?:#|javascript:|mailto:|tel:)/i.test(value)) return undefined
  try {
    const url = new URL(value, `http://site.invalid/${path}`)
    url.hash = ''
    return url.href
  } catch {
    return undefined
  }
}

const anchors = (root: DomNode): DomNode[] => {
  const out: DomNode[] = []
  walk(root, (node) => {
    if (node.type !== 'tag' || node.name !== 'a') return
    out.push(node)
    return false
  })
  return out
}

/**
 * The first-pass reading of a decoded HTML page: its lines as the extractor sees them (the
 * same flattening, so template keys match in `parsePage`), how much of each line is link
 * text, the article-title links it carries and whether it prints a pager.
 */
export const pageFeatures = (html: string, path: string): PageFeatures => {
  const $ = load(html)
  const root = $.root()[0] as unknown as DomNode
  const body = findFirst(root, 'body') ?? root
  const { meta } = readHead($, html, body)
  const rawTitle = $('title').first().text()
  const titleKey = lineText(meta.title ?? titleParts(rawTitle)[0] ?? '')
  const parts = splitTitle(rawTitle)
  const titleSuffix = parts.length > 1 ? lineText(parts.at(-1)!) : undefined
  const canonical = $('link[rel="canonical"]').attr('href')?.trim() || $('meta[property="og:url"]').attr('content')?.trim() || undefined

  const links = anchors(body)
  const linkTexts = [...new Set(links.map((a) => lineText(textOf(a))).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length)
  const titleLinks = new Set<number>()
  for (const a of links) {
    const text = textOf(a)
    const to = target(a.attribs?.href ?? '', path)
    if (to && (text.match(han)?.length ?? 0) >= 6) titleLinks.add(fnv(to))
  }

  const mirrored = httrackUrl(html) ?? savedFromUrl(html)
  const features: PageFeatures = {
    path,
    ...(mirrored ? { address: mirrored.replace(/^https?:\/\//i, '') } : {}),
    html: true,
    titleKey,
    ...(titleSuffix ? { titleSuffix } : {}),
    canonical,
    lines: new Uint32Array(),
    chars: new Uint32Array(),
    linkChars: new Uint32Array(),
    prose: new Uint8Array(),
    titleLinks: Uint32Array.from(titleLinks),
    pager: false,
    printTitle: /打印(?:本页|版|页面)?\s*$|打印本页|打印版/.test(rawTitle),
    // HTTrack's list of projects and its "Page has moved" page say so in a comment or meta tag; the pages it mirrored say "Mirrored from".
    toolPage: /HTTrack Website Copier/i.test(html.slice(0, 4096)) && !/<!--\s*Mirrored from/i.test(html.slice(0, 4096)),
  }
  // Typed arrays: a 50,000-page site keeps about a hundred lines of each page until it is classified.
  const lines: number[] = []
  const chars: number[] = []
  const linkChars: number[] = []
  const prose: number[] = []
  for (const line of flatten(body)) {
    const text = line.text
    if (!text) continue
    if (pagerText.test(text)) features.pager = true
    const compared = lineText(text)
    if (!compared) continue
    // Link text inside the line: the longest anchor texts first, each taken out once it is counted.
    let rest = compared
    let linked = 0
    for (const t of linkTexts) {
      if (t.length > rest.length) continue
      const at = rest.indexOf(t)
      if (at < 0) continue
      linked += t.length
      rest = rest.slice(0, at) + '\u0000' + rest.slice(at + t.length)
      if (linked >= compared.length) break
    }
    lines.push(keepsFields(text) ? NOT_TEMPLATE : lineKey(text))
    chars.push(compared.length)
    linkChars.push(Math.min(linked, compared.length))
    prose.push(compared.length >= 30 && sentence.test(text) && linked * 2 < compared.length ? 1 : 0)
  }
  features.lines = Uint32Array.from(lines)
  features.chars = Uint32Array.from(chars)
  features.linkChars = Uint32Array.from(linkChars)
  features.prose = Uint8Array.from(prose)
  return features
}

/** A page that is text, not HTML: one article, no template, no links. */
export const textFeatures = (path: string): PageFeatures => ({
  path,
  html: false,
  titleKey: '',
  lines: new Uint32Array(),
  chars: new Uint32Array(),
  linkChars: new Uint32Array(),
  prose: new Uint8Array(),
  titleLinks: new Uint32Array(),
  pager: false,
  printTitle: false,
})
