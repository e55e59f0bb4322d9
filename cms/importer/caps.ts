import { ImportError } from './errors'

/**
 * Bounds on one page, so that no saved file, however it was made, can hold a parse for
 * long: every rule below is linear or bounded by these, and a page outside them is skipped
 * with a reason that tells staff what to do about it (issue 23).
 */
export interface PageCaps {
  /** A saved article is tens of kB; megabytes are a whole site, a log or a data dump. */
  maxBytes: number
  /** Elements nested deeper than this are no layout a browser shows, only a broken or hostile file. */
  maxDepth: number
  /** Elements in one page; a long forum thread has a few tens of thousands. */
  maxElements: number
  /** Longer lines are split before any rule reads them (a paragraph is a few hundred characters). */
  maxLineChars: number
  /** Above these, Readability (which walks the DOM many times) is skipped for the line extractor's own reading. */
  readabilityMaxChars: number
  readabilityMaxElements: number
}

export const defaultCaps: PageCaps = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 500,
  maxElements: 150_000,
  maxLineChars: 2000,
  readabilityMaxChars: 300_000,
  readabilityMaxElements: 10_000,
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

export const checkSize = (bytes: number, caps: PageCaps): void => {
  if (bytes > caps.maxBytes)
    throw new ImportError(
      `文件太大（${mb(bytes)} MB，单篇网页上限 ${mb(caps.maxBytes)} MB），已跳过；请确认它是一篇文章，或把其中的文章另存为单独的网页再导入`,
    )
}

export const depthError = (caps: PageCaps) =>
  new ImportError(`网页结构嵌套过深（超过 ${caps.maxDepth} 层），已跳过；请在浏览器里打开这个页面，另存为网页或复制正文存为文本后再导入`)

export const elementsError = (caps: PageCaps) =>
  new ImportError(`网页元素太多（超过 ${caps.maxElements.toLocaleString('en-US')} 个），已跳过；请确认它是一篇文章，或只保存文章部分再导入`)

/** Elements that have no end tag, or whose end a following sibling implies: they do not nest. */
const flat = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup thead tbody tfoot rt rp colgroup caption'.split(
    ' ',
  ),
)

/**
 * How deep the markup nests at most, counted from its tags before any parser sees them:
 * htmlparser2 itself takes seconds on 100,000 nested elements (2.7 s measured), so a page
 * far past the limit is refused in one linear pass first. An over-count of tags left open
 * by sloppy markup is why the caller allows ten times the real limit here.
 */
export const tagDepth = (html: string, stopAt: number): number => {
  let depth = 0
  let max = 0
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)/gi)) {
    if (flat.has(m[2].toLowerCase())) continue
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1
    if (depth > max && (max = depth) > stopAt) break
  }
  return max
}

/** Sentence ends, then spaces: where a long line reads best when split. */
const breakAfter = new Set(['。', '！', '？', '；', '!', '?', ';', '．'])

/**
 * Splits a line longer than `max` into pieces of at most `max` characters, after the last
 * sentence end (or else space) in each piece, so the text survives and every rule reads a
 * bounded line.
 */
export const splitLongLine = (line: string, max: number): string[] => {
  if (line.length <= max) return [line]
  const pieces: string[] = []
  let start = 0
  while (line.length - start > max) {
    let cut = -1
    let space = -1
    // Only the second half of a window is searched, so pieces never get tiny.
    for (let i = start + max - 1; i >= start + max / 2; i--) {
      const ch = line[i]
      if (breakAfter.has(ch)) {
        cut = i + 1
        break
      }
      if (space < 0 && (ch === ' ' || ch === '\u3000' || ch === '\t')) space = i + 1
    }
    let end = cut > 0 ? cut : space > 0 ? space : start + max
    // Never split a surrogate pair.
    if (end < line.length && /[\uDC00-\uDFFF]/.test(line[end])) end--
    pieces.push(line.slice(start, end))
    start = end
  }
  pieces.push(line.slice(start))
  return pieces
}

/**
 * Refuses markup nested far past the limit before cheerio parses it (htmlparser2 took 2.7 s
 * on 100,000 nested divs). Tags are counted, not elements, and unclosed `<p>` and `<li>` count
 * too, so the bound is ten times the limit; the parsed tree is checked exactly afterwards.
 */
export const checkMarkupDepth = (html: string, caps: PageCaps): void => {
  if (tagDepth(html, caps.maxDepth * 10) > caps.maxDepth * 10) throw depthError(caps)
}
