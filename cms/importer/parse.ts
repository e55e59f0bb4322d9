import { decodeBuffer } from './decode'
import { extractArticle, type Extracted } from './extract'
import { htmlToLines, looksLikeHtml } from './html'
import { textToLines } from './lines'
import { repairPinyin } from './repair'
import { detectScript, type Script } from './script'

export interface ParsedPage extends Extracted {
  encoding: string
  script: Script
  /** Pinyin annotations removed or lost characters restored. */
  pinyinRepaired: number
}

/**
 * One saved page, bytes to fields: decode, repair converter damage, flatten HTML, extract.
 * Pure and synchronous so that a batch can parse fast without touching the database.
 */
export const parsePage = (bytes: Uint8Array, fileName = ''): ParsedPage => {
  const { text, encoding } = decodeBuffer(bytes)
  const repaired = repairPinyin(text)
  const html = /\.html?$/i.test(fileName) || looksLikeHtml(repaired.text)
  const { lines, meta } = html ? htmlToLines(repaired.text) : { lines: textToLines(repaired.text), meta: {} }
  const extracted = extractArticle(lines, meta)
  const bodyText = extracted.blocks.map((b) => (typeof b === 'string' ? b : 'heading' in b ? b.heading : b.caption)).join('\n')
  return { ...extracted, encoding, script: detectScript(`${extracted.title}\n${bodyText}`), pinyinRepaired: repaired.repaired }
}
