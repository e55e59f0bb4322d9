import type { CheerioAPI } from 'cheerio/slim'

import { findDate } from './date'

/**
 * The metadata block of a government 信息公开 page: a table or list of 索引号, 发文机关,
 * 成文日期, 发文字号, 发布日期 printed above the headline, which is no part of the article's
 * text. It names two dates; the article's is the day it was published (发布日期), and the
 * day the document was written (成文日期) only when no other date is printed. Its 发布机构
 * is the source when the page prints no 来源.
 */
export interface Disclosure {
  published?: string
  written?: string
  /** `发布机构：江南市总工会`: the body that published it, the source when no label names one. */
  publisher?: string
}

/** Elements whose own text may hold the 索引号 label. */
const labelCells = 'td, th, li, dt, dd, span, b, strong, label, p, div, font, em'
/** A label printed letter-spaced (`索 引 号`, also with ideographic spaces) reads the same as the plain one. */
const spacedHan = /(\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu
const unspaced = (text: string) => text.replace(spacedHan, '$1')
const publishedLabel = /(?:发布日期|公开日期|发布时间)[:：]?/
const writtenLabel = /(?:成文日期|生成日期|印发日期|发文日期)[:：]?/
/** How far above the 索引号 cell the block that also holds the dates may start. */
const LEVELS = 5
/** A metadata block is a few hundred characters; more is a page section that happens to mention one. */
const BLOCK_CHARS = 1000

const dateAfter = (text: string, label: RegExp): string | undefined => {
  const m = label.exec(text)
  return m ? findDate(text.slice(m.index + m[0].length, m.index + m[0].length + 40))?.iso : undefined
}

const publisherLabel = /^(?:发布机构|发文机关|发布单位)[:：]?/
/** A publishing body's name: no date, number or sentence in it. */
const bodyName = /^[\p{Script=Han}（）()·]{2,30}$/u

/**
 * `<td>发布机构：</td><td>江南市总工会</td>`, `<li><b>发布机构：</b>江南市总工会</li>`,
 * `<span>发布机构：江南市总工会</span>`: the value after the label in its own cell, else in the
 * cell after it, else in the rest of its parent.
 */
const publisherIn = ($: CheerioAPI, block: ReturnType<CheerioAPI>): string | undefined => {
  for (const el of block.find(labelCells).toArray().slice(0, 200)) {
    const own = unspaced($(el).text()).trim()
    const m = publisherLabel.exec(own)
    if (!m) continue
    const candidates = [own.slice(m[0].length), $(el).next().text(), unspaced($(el).parent().text()).split(m[0])[1] ?? '']
    for (const c of candidates) {
      const name = c.trim().split(/[\s\u3000]+/u)[0] ?? ''
      if (bodyName.test(name)) return name
    }
  }
  return undefined
}

/** The dates and publisher of the page's 信息公开 block, or nothing when it has none. */
export const readDisclosure = ($: CheerioAPI): Disclosure => {
  const cell = $(labelCells)
    .toArray()
    .slice(0, 5000)
    .find((el) => el.children.some((c) => c.type === 'text' && unspaced(c.data).includes('索引号')))
  if (!cell) return {}
  let block = $(cell)
  for (let level = 0; level <= LEVELS && block.length; level++) {
    const text = unspaced(block.text())
    if (text.length > BLOCK_CHARS) break
    const dates = { published: dateAfter(text, publishedLabel), written: dateAfter(text, writtenLabel) }
    if (dates.published || dates.written) return { ...dates, publisher: publisherIn($, block) }
    block = block.parent()
  }
  return {}
}
