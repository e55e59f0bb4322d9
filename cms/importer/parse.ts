import { type CheerioAPI, load } from 'cheerio/slim'

import { blockText } from './blocks'
import { decodeBuffer } from './decode'
import { extractArticle, type Extracted } from './extract'
import { mainContent, withinMainLines } from './fallback'
import { urlDate } from './head'
import { htmlToLines, looksLikeHtml } from './html'
import { textToLines } from './lines'
import { readKnownPage } from './readers/index'
import { governmentMeta, mergeMeta } from './readers/meta'
import { repairPinyin } from './repair'
import { detectScript, type Script } from './script'

export interface ParsedPage extends Extracted {
  encoding: string
  script: Script
  /** Pinyin annotations removed or lost characters restored. */
  pinyinRepaired: number
  /** The platform reader that read the page, `通用` for the general extractor, `文本` for text. */
  platform: string
}

/** Forum readers know which date is the post's; elsewhere a reader may miss an unlabelled dateline. */
const forums = new Set(['Discuz!', 'PHPWind'])

/** The general path: the page cut to Readability's article, read line by line. */
const readGeneral = (html: string, $: CheerioAPI): Extracted => {
  const { lines, meta } = htmlToLines(html, $)
  // The standard government meta tags outrank what the text says, on any page that has them.
  const extracted = extractArticle(withinMainLines(lines, mainContent(html), meta.title), mergeMeta(meta, governmentMeta($)))
  return { ...extracted, publishedAt: extracted.publishedAt ?? urlDate(extracted.url) }
}

const readHtml = (html: string): Extracted & { platform: string } => {
  const $ = load(html)
  const known = readKnownPage($, html)
  if (!known) return { ...readGeneral(html, $), platform: '通用' }
  const extracted = extractArticle(known.lines, known.meta)
  if (extracted.publishedAt || forums.has(known.platform)) return { ...extracted, platform: known.platform }
  // `2022-02-13 09:57 光明网` under the headline, with no label the reader looks for.
  let dated: string | undefined
  try {
    dated = readGeneral(html, load(html)).publishedAt
  } catch {
    dated = undefined
  }
  return { ...extracted, publishedAt: dated ?? urlDate(extracted.url), platform: known.platform }
}

/**
 * One saved page, bytes to fields: decode, repair converter damage, then read HTML by its
 * platform's structure (or the general extractor) and text line by line.
 * Pure and synchronous so that a batch can parse fast without touching the database.
 */
export const parsePage = (bytes: Uint8Array, fileName = ''): ParsedPage => {
  const { text, encoding } = decodeBuffer(bytes)
  const repaired = repairPinyin(text)
  const html = /\.html?$/i.test(fileName) || looksLikeHtml(repaired.text)
  const extracted = html ? readHtml(repaired.text) : { ...extractArticle(textToLines(repaired.text)), platform: '文本' }
  const bodyText = extracted.blocks.map(blockText).filter(Boolean).join('\n')
  return { ...extracted, encoding, script: detectScript(`${extracted.title}\n${bodyText}`), pinyinRepaired: repaired.repaired }
}
