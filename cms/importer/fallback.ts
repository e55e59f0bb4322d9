import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

import { blockText, isImageBlock, type PageBlock } from './blocks'
import { closingNames, readByline, editorCredit } from './byline'
import { isTerminal } from './chrome'
import { closingDateline } from './date'
import { dropStyleHidden } from './hidden'
import { isCreditLabel, readLabels } from './labels'
import type { SourceLine } from './lines'
import { toSimplified } from './script'
import { compact, titleKey } from './compare'

export interface MainContent {
  text: string
  images: Set<string>
}

/**
 * Mozilla Readability over a linkedom DOM: where the article is on a page no platform
 * reader knows. linkedom rather than jsdom because it is about five times faster here
 * (13 vs 64 ms a page with Readability, measured on the fixtures) and Readability needs
 * no layout. Returns undefined when Readability finds no article.
 */
export const mainContent = (html: string): MainContent | undefined => {
  let article: ReturnType<Readability<Element>['parse']>
  try {
    const { document } = parseHTML(html)
    dropStyleHidden<Element>({
      styles: () => [...document.querySelectorAll('style')].map((el) => el.textContent ?? ''),
      select: (selector) => [...document.querySelectorAll(selector)] as unknown as Element[],
      textLength: (el) => ((el ?? document.body)?.textContent ?? '').length,
      remove: (el) => el.remove(),
    })
    // Only the article's text and image addresses are read, so the article element itself
    // is kept rather than serialized and parsed again, its classes are left alone and the
    // JSON-LD (head.ts reads it) is not parsed: a third of Readability's time on a large page.
    article = new Readability(document as unknown as Document, {
      charThreshold: 200,
      keepClasses: true,
      disableJSONLD: true,
      serializer: (node) => node as Element,
    }).parse()
  } catch {
    // Readability walks markup linkedom could not make whole (`null.tagName` on some old
    // pages); the line extractor still reads such a page.
    return undefined
  }
  if (!article?.content) return undefined
  const images = new Set<string>()
  for (const img of article.content.querySelectorAll('img')) {
    for (const attr of ['src', 'data-src', 'file', 'zoomfile', 'data-original']) {
      const v = img.getAttribute(attr)
      if (v) images.add(v.trim())
    }
  }
  return { text: compact(article.textContent ?? ''), images }
}

/**
 * Keeps the blocks the line extractor found that lie inside Readability's article: the
 * line rules decide what each line is (heading, caption, paragraph), Readability decides
 * where the article ends, so sidebars and link lists no chrome rule names are left out.
 * When Readability keeps nothing of the extracted body, it found something else and the
 * extractor's own reading stands.
 */
export const withinMainContent = (blocks: PageBlock[], main: MainContent | undefined): PageBlock[] => {
  if (!main || main.text.length < 40) return blocks
  const kept = blocks.filter((b) =>
    isImageBlock(b) ? b.image.sources.some((s) => main.images.has(s)) : main.text.includes(compact(blockText(b))),
  )
  return kept.some((b) => !isImageBlock(b)) ? kept : blocks
}

/** The headline's line: the one the markup marked, else the one saying the page's title. */
const headlineAt = (lines: SourceLine[], first: number, title: string | undefined): number => {
  const marked = lines.findIndex((l) => l.hint === 'title')
  const key = title ? titleKey(title) : ''
  // The earliest copy: a headline repeated inside the article (the one the markup marked,
  // perhaps) must not hide the dateline printed under the first.
  if (key)
    for (let i = linesAbove(lines, first, HEADER_LINES); i < first; i++)
      if (titleKey(lines[i].text) === key) return Math.min(i, marked < 0 ? i : marked)
  return marked
}

/** Where the `count` lines with text above `at` begin: blank lines and images do not count. */
const linesAbove = (lines: SourceLine[], at: number, count: number): number => {
  let start = at
  for (let seen = 0; start > 0 && seen < count; start--) if (lines[start - 1].text) seen++
  return start
}

/** With no headline to go by, the few lines just above the article (its date and byline). */
const aboveArticle = (lines: SourceLine[], first: number): number => linesAbove(lines, first, 6)

/**
 * `记者 刘涛`, `编辑：金金`, `（袁源）`: a credit line. Readability often leaves such a short line
 * out of its article (or the template prints it in a cell of its own), yet it closes the
 * article and names its author, source or editor.
 */
const isCreditLine = (text: string): boolean => {
  const t = text.trim()
  if (t.length > 60) return false
  const labels = readLabels(t, t)
  if (labels?.leading) return labels.labels.every(isCreditLabel)
  const bracket = /^[(（]([^()（）]{2,30})[)）]$/.exec(t)
  return !!readByline(t) || !!editorCredit(t) || (!!bracket && (!!readByline(bracket[1]) || !!closingNames(bracket[1])))
}

/** `所属分类：健康`, `辟谣`, a keyword link: a few words of the side box between the article and its date. */
const isFurniture = (line: SourceLine): boolean => !!line.linked || (compact(line.text).length <= 12 && !/[。，；！？,]/.test(line.text))

/** How many credit lines after the article's last line are still read as its credits. */
const CREDIT_LINES = 6

/** Lines this short say too little to place: `分享到`, a lone date, a bullet. */
const PLACEABLE = 6
/** A line this long is a paragraph, not a kicker or a heading. */
const PARAGRAPH = 20
/** How many lines of text above the article the headline may stand and still own the lines between. */
const HEADER_LINES = 40

/**
 * The page's lines cut to the article before anything is read from them: from the headline
 * (so the dateline, byline and source bar beside it stay) to the last line Readability kept,
 * and between the article's first and last line only what Readability kept. Titles and
 * dates are then never taken from a sidebar or a list of other articles. Without a usable
 * Readability result the lines stay as they are.
 */
export const withinMainLines = (lines: SourceLine[], main: MainContent | undefined, title?: string): SourceLine[] => {
  if (!main || main.text.length < 40) return lines
  const placed = lines.map((l) => {
    const c = compact(l.text)
    return c.length >= PLACEABLE && main.text.includes(c)
  })
  // A short line (`一、`, `好！`) belongs to the article only between two lines that do;
  // alone, `今`/`日` of a vertical menu would be found anywhere in the text.
  const neighbour = (from: number, step: 1 | -1) => {
    for (let j = from + step; j >= 0 && j < lines.length; j += step) if (lines[j].text) return placed[j]
    return false
  }
  const inMain = placed.map((yes, i) => {
    if (yes) return true
    const c = compact(lines[i].text)
    if (!c || !main.text.includes(c)) return false
    // `题记：` above the epigraph it introduces: a lead-in belongs with the line after it.
    return (neighbour(i, -1) || /[:：]$/.test(lines[i].text)) && neighbour(i, 1)
  })
  let last = inMain.lastIndexOf(true)
  if (last < 0) return lines
  // Credits follow the article directly; its labelled date may stand past a few words of a side box.
  let trailer = -1
  let credits = true
  for (let i = last + 1, seen = 0; i < lines.length && seen < CREDIT_LINES && trailer < 0; i++) {
    if (!lines[i].text) continue
    seen++
    if (closingDateline(toSimplified(lines[i].text))) trailer = i
    else if (credits && isCreditLine(lines[i].text)) {
      last = i
      inMain[i] = true
    } else if (isTerminal(toSimplified(lines[i].text)) || !isFurniture(lines[i])) break
    else credits = false
  }
  // The article starts at its first paragraph; a repeated headline or a kicker above it
  // must not move the header zone (date, source, byline) out of reach.
  const headline = title ? titleKey(title) : ''
  const paragraph = inMain.findIndex(
    (yes, i) => yes && compact(lines[i].text).length >= PARAGRAPH && (!headline || titleKey(lines[i].text) !== headline),
  )
  const first = paragraph >= 0 ? paragraph : inMain.indexOf(true)
  const titleAt = headlineAt(lines, first, title)
  const start = titleAt >= 0 && titleAt < first && titleAt >= linesAbove(lines, first, HEADER_LINES) ? titleAt : aboveArticle(lines, first)
  const kept: SourceLine[] = []
  for (let i = start; i <= last; i++) {
    const line = lines[i]
    const header = i < first && !inMain[i]
    const image = line.image && line.image.sources.some((s) => main.images.has(s))
    if (header || inMain[i] || !line.text || image)
      kept.push(
        header && line.hint !== 'title' ? { ...line, image: undefined, hint: 'header' } : line.image && !image ? { text: '' } : line,
      )
  }
  // The headline far above the article (or missing) still leads the lines.
  if (titleAt >= 0 && start !== titleAt) kept.unshift(lines[titleAt], { text: '' })
  if (trailer >= 0) kept.push({ text: '' }, { ...lines[trailer], image: undefined, hint: 'trailer' })
  return kept
}
