import { type CheerioAPI, load } from 'cheerio/slim'

import { bodyText } from './blocks'
import { checkMarkupDepth, checkSize, defaultCaps, depthError, elementsError, type PageCaps } from './caps'
import { decodeBuffer } from './decode'
import { readDisclosure } from './disclosure'
import { extractArticle, type Extracted } from './extract'
import { mainContent, withinMainLines } from './fallback'
import { idDate, urlDate } from './head'
import { hiddenSelectors } from './hidden'
import { domStats, htmlToLines, looksLikeHtml, type DomNode } from './html'
import { textToLines } from './lines'
import { readKnownPage } from './readers/index'
import { governmentMeta, mergeMeta } from './readers/meta'
import { repairPinyin } from './repair'
import { detectScript, type Script } from './script'
import { withoutTemplate } from './site/template'

export interface ParsedPage extends Extracted {
  encoding: string
  script: Script
  /** Pinyin annotations removed or lost characters restored. */
  pinyinRepaired: number
  /** The platform reader that read the page, `通用` for the general extractor, `文本` for text. */
  platform: string
}

/**
 * What a caller can ask of a parse. Plain data (structured-clone-able), since the parse
 * pool hands it to its worker threads as it is.
 */
export interface ParseOptions {
  /** Tighter or looser bounds than the defaults (tests use small ones). */
  caps?: Partial<PageCaps>
  /**
   * `lineKey`s of the lines that are the site's template (site/classify.ts), found over the
   * whole batch: dropped from an HTML page's lines before the extractor reads them.
   */
  boilerplate?: readonly number[]
}

/** Forum readers know which date is the post's; elsewhere a reader may miss an unlabelled dateline. */
const forums = new Set(['Discuz!', 'PHPWind'])

/** Elements whose content is never text a reader sees and which Readability would only discard. */
const opener = /<(script|noscript|template|svg|style)\b/gi

/**
 * The page's markup without scripts, templates, inline SVG icons and stylesheets, cut by
 * position in one pass (each search starts where the last ended, so the work is linear in
 * the page). Of a stylesheet only what it hides stays (hidden.ts), since that is all
 * Readability needs of it.
 */
const withoutScripts = (html: string): string => {
  const parts: string[] = []
  let at = 0
  opener.lastIndex = 0
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    parts.push(html.slice(at, m.index))
    const closer = new RegExp(`</${m[1]}\\s*>`, 'gi')
    closer.lastIndex = m.index + m[0].length
    const end = closer.exec(html)
    if (m[1].toLowerCase() === 'style') {
      const hidden = hiddenSelectors([html.slice(m.index + m[0].length, end ? end.index : html.length)])
      if (hidden.length) parts.push(`<style>${hidden.join(',')}{display:none}</style>`)
    }
    at = end ? end.index + end[0].length : html.length
    opener.lastIndex = at
  }
  parts.push(html.slice(at))
  return parts.join('')
}

/**
 * The general path: the page cut to Readability's article, read line by line. Readability is
 * skipped on a page too large for it to finish in time; the line rules alone read that one.
 */
const readGeneral = (html: string, $: CheerioAPI, caps: PageCaps, elements: number, template: ReadonlySet<number>): Extracted => {
  const { lines, meta } = htmlToLines(html, $)
  // Scripts, icons and stylesheets are most of a modern portal page's bytes (of a 544 kB news
  // page, 300 kB; its article 6 kB) and none of its article: over the cap, Readability reads
  // the page without them.
  const readable = html.length > caps.readabilityMaxChars ? withoutScripts(html) : html
  const huge = readable.length > caps.readabilityMaxChars || elements > caps.readabilityMaxElements
  const main = huge ? undefined : mainContent(readable)
  const disclosed = readDisclosure($)
  // The standard government meta tags outrank what the text says, on any page that has them.
  const extracted = extractArticle(
    withinMainLines(withoutTemplate(lines, template, meta.title), main, meta.title),
    { ...mergeMeta(meta, governmentMeta($)), publisher: disclosed.publisher },
    caps,
  )
  // A 信息公开 block's 发布日期 outranks a dateline, which on such a page may be its 成文日期.
  const publishedAt = disclosed.published ?? extracted.publishedAt ?? disclosed.written ?? idDate($) ?? urlDate(extracted.url)
  return { ...extracted, publishedAt }
}

const readHtml = (html: string, caps: PageCaps, template: ReadonlySet<number>): Extracted & { platform: string } => {
  checkMarkupDepth(html, caps)
  const $ = load(html)
  // Selectors and cheerio's text() walk ancestors or recurse; both are fine only on a tree of bounded depth.
  const stats = domStats($.root()[0] as unknown as DomNode, { depth: caps.maxDepth, elements: caps.maxElements })
  if (stats.depth > caps.maxDepth) throw depthError(caps)
  if (stats.elements > caps.maxElements) throw elementsError(caps)
  const known = readKnownPage($, html)
  if (!known) return { ...readGeneral(html, $, caps, stats.elements, template), platform: '通用' }
  const extracted = extractArticle(withoutTemplate(known.lines, template, known.meta.title), known.meta, caps)
  if (extracted.publishedAt || forums.has(known.platform)) return { ...extracted, platform: known.platform }
  // `2022-02-13 09:57 光明网` under the headline, with no label the reader looks for.
  let dated: string | undefined
  try {
    dated = readGeneral(html, load(html), caps, stats.elements, template).publishedAt
  } catch {
    dated = undefined
  }
  return { ...extracted, publishedAt: dated ?? urlDate(extracted.url), platform: known.platform }
}

/**
 * One saved page, bytes to fields: decode, repair converter damage, then read HTML by its
 * platform's structure (or the general extractor) and text line by line.
 * Pure and synchronous so that a batch can parse fast without touching the database; the
 * import runs it on worker threads with a time limit (parsePool.ts).
 */
export const parsePage = (bytes: Uint8Array, fileName = '', options: ParseOptions = {}): ParsedPage => {
  const caps: PageCaps = { ...defaultCaps, ...options.caps }
  checkSize(bytes.length, caps)
  const { text, encoding } = decodeBuffer(bytes)
  const repaired = repairPinyin(text)
  const html = /\.html?$/i.test(fileName) || looksLikeHtml(repaired.text)
  const extracted = html
    ? readHtml(repaired.text, caps, new Set(options.boilerplate))
    : { ...extractArticle(textToLines(repaired.text), {}, caps), platform: '文本' }
  return {
    ...extracted,
    encoding,
    script: detectScript(`${extracted.title}\n${bodyText(extracted.blocks)}`),
    pinyinRepaired: repaired.repaired,
  }
}
