import type { SourceLine } from '../lines'

/**
 * A site's template — header, menu, sidebar, footer — is the text that repeats on many of
 * its pages. The site analysis finds those lines over a whole batch and hands their keys to
 * `parsePage`, which drops them before the extractor reads the page. Keys are numbers so the
 * set crosses into a worker thread or a part's process as plain data.
 */

/** A line as compared across pages: without spaces, punctuation or symbols. */
export const lineText = (text: string) => text.replace(/[\s\p{P}\p{S}\u00a0\u3000]+/gu, '')

/** FNV-1a over the compared text; a chance collision with one of a few hundred template keys is about 1 in 10⁷ per line. */
export const lineKey = (text: string): number => {
  const s = lineText(text)
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/**
 * Lines that may repeat on many pages and still belong to each article: what the extractor
 * reads the source, author, editor and date from (`来源：江南市总工会` can be on half the
 * pages of a union's site), and the credit in brackets that ends many articles. They are
 * never counted as template.
 */
export const keepsFields = (text: string) =>
  /^[【[(（]?\s*(?:来源|来\s*源|作者|作\s*者|记者|通讯员|供稿|责任编辑|责编|编辑|审核|发布时间|发布日期|发布者|日期|时间|文|图|摄影)\s*[:：/]/.test(
    text.trimStart(),
  ) ||
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/.test(text) ||
  /^[(（][^()（）]{2,40}[)）]$/.test(text.trim())

/**
 * The page's lines without its site's template. The title line is never dropped, nor a line
 * that is the page's title (a "latest articles" box on every page lists it too); blank lines
 * left side by side are merged, since the extractor reads a gap as one.
 */
export const withoutTemplate = (lines: SourceLine[], template: ReadonlySet<number>, title?: string): SourceLine[] => {
  if (template.size === 0) return lines
  const titleText = title ? lineText(title) : ''
  const kept: SourceLine[] = []
  for (const line of lines) {
    if (line.text && line.hint !== 'title' && template.has(lineKey(line.text)) && lineText(line.text) !== titleText) continue
    if (!line.text && !line.image && kept.length && !kept.at(-1)!.text && !kept.at(-1)!.image) continue
    kept.push(line)
  }
  return kept
}
