import { fold } from './text'

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const EXCERPT_CHARS = 80
const BEFORE = 20

/**
 * Escaped text around the first match with every matched term in <mark>. Matching is done on
 * the folded text (so 職工 marks 职工); when folding keeps the length, as it nearly always
 * does, positions carry over and the excerpt shows the text as written.
 */
export const excerptHtml = (text: string, terms: readonly string[]): string => {
  const original = [...text.replace(/\s+/g, ' ').trim()]
  const foldedChars = [...fold(original.join(''))]
  const shown = foldedChars.length === original.length ? original : foldedChars
  const folded = foldedChars.join('')
  const needles = [...new Set(terms.map(fold).filter(Boolean))].sort((a, b) => b.length - a.length)
  // Positions in code points; `folded` is searched as a string, so map string index → code point index.
  const cpIndex = (stringIndex: number) => [...folded.slice(0, stringIndex)].length
  let first = -1
  for (const n of needles) {
    const at = folded.indexOf(n)
    if (at >= 0 && (first < 0 || cpIndex(at) < first)) first = cpIndex(at)
  }
  const start = first <= BEFORE ? 0 : first - BEFORE
  const end = Math.min(shown.length, start + EXCERPT_CHARS)
  const marked = new Array<boolean>(end - start).fill(false)
  const window = foldedChars.slice(start, end).join('')
  for (const n of needles) {
    let from = 0
    for (;;) {
      const at = window.indexOf(n, from)
      if (at < 0) break
      const s = [...window.slice(0, at)].length
      const len = [...n].length
      for (let i = s; i < s + len && i < marked.length; i++) marked[i] = true
      from = at + n.length
    }
  }
  let html = start > 0 ? '…' : ''
  let open = false
  for (let i = start; i < end; i++) {
    const m = marked[i - start]!
    if (m && !open) html += '<mark>'
    if (!m && open) html += '</mark>'
    open = m
    html += escapeHtml(shown[i]!)
  }
  if (open) html += '</mark>'
  if (end < shown.length) html += '…'
  return html
}
