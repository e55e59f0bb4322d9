import { load } from 'cheerio/slim'

import { blockText } from './blocks'
import { decodeBuffer } from './decode'
import { extractArticle, type Extracted } from './extract'
import { mainContent, withinMainContent } from './fallback'
import { htmlToLines, looksLikeHtml } from './html'
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

export interface ParseOptions {
  /**
   * `lineKey`s of the lines that are the site's template (site/classify.ts), found over the
   * whole batch: dropped from an HTML page's lines before the extractor reads them. Plain
   * numbers, so the options cross into a worker thread as they are.
   */
  boilerplate?: readonly number[]
}

const readHtml = (html: string, template: ReadonlySet<number>): Extracted & { platform: string } => {
  const $ = load(html)
  const known = readKnownPage($, html)
  if (known) return { ...extractArticle(withoutTemplate(known.lines, template, known.meta.title), known.meta), platform: known.platform }
  const { lines, meta } = htmlToLines(html, $)
  // The standard government meta tags outrank what the text says, on any page that has them.
  const extracted = extractArticle(withoutTemplate(lines, template, meta.title), mergeMeta(meta, governmentMeta($)))
  return { ...extracted, blocks: withinMainContent(extracted.blocks, mainContent(html)), platform: '通用' }
}

/**
 * One saved page, bytes to fields: decode, repair converter damage, then read HTML by its
 * platform's structure (or the general extractor) and text line by line.
 * Pure and synchronous so that a batch can parse fast without touching the database.
 */
export const parsePage = (bytes: Uint8Array, fileName = '', options: ParseOptions = {}): ParsedPage => {
  const { text, encoding } = decodeBuffer(bytes)
  const repaired = repairPinyin(text)
  const html = /\.html?$/i.test(fileName) || looksLikeHtml(repaired.text)
  const extracted = html
    ? readHtml(repaired.text, new Set(options.boilerplate))
    : { ...extractArticle(textToLines(repaired.text)), platform: '文本' }
  const bodyText = extracted.blocks.map(blockText).filter(Boolean).join('\n')
  return { ...extracted, encoding, script: detectScript(`${extracted.title}\n${bodyText}`), pinyinRepaired: repaired.repaired }
}
