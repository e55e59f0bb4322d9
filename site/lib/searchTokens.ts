/**
 * The words the static search index holds, shared by the indexer (site/integrations/pagefind.ts)
 * and the search page (site/scripts/searchPagefind.ts), so both sides split text the same way.
 *
 * Pagefind splits Chinese into dictionary words, and its index (ICU4X) and the browser's
 * Intl.Segmenter do not always agree (Pagefind issue #1237): 困难职工 in a page may be indexed as
 * 困难职 + 工 while the query becomes 困难 + 职工, and the page is missed. So Han text is
 * handed to Pagefind already split into overlapping pairs of characters (职工书屋 → 职工 工书 书屋
 * 屋), with one single character closing each run, and indexed as a language Pagefind does
 * not segment. A query becomes the pairs of its own characters: a page whose text contains the
 * query contains every pair of it, so nothing that contains the query is missed.
 */

const HAN_RUN = /\p{Script=Han}+/gu
const HAN = /^\p{Script=Han}+$/u

/** Pagefind's language code for the index: one it neither segments nor stems. */
export const INDEX_LANGUAGE = 'und'

/** Everything after this in a record's content is searched, never shown. */
export const FOLDED_MARK = '\u2042'

export type Fold = (text: string) => string

/** Traditional → Simplified by character from a pairs string ("東东車车…"), then lower case. */
export const foldWith = (pairs: string): Fold => {
  const chars = [...pairs]
  const table = new Map<string, string>()
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!)
  // Only the characters folding may change are visited: most of a Simplified page is none of them.
  const escaped = [...table.keys()].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')
  const changing = new RegExp(`${escaped ? `[${escaped}]|` : ''}\\p{Changes_When_Lowercased}`, 'gu')
  // Character for character, so a folded string lines up with the original (excerpts rely on it).
  const one = (c: string) => table.get(c) ?? (c.toLowerCase().length === c.length ? c.toLowerCase() : c)
  return (text) => text.replace(changing, one)
}

const pairsOf = (run: string): string[] => {
  const c = [...run]
  return c.map((ch, i) => (i + 1 < c.length ? ch + c[i + 1] : ch))
}

/** Han runs as pairs, everything else as written, with spaces around each run. */
const encode = (text: string): string =>
  text
    .replace(HAN_RUN, (run) => ` ${pairsOf(run).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim()

/**
 * How much of a page's text its record keeps as running text (pairs in order, shown in the
 * excerpt and counted for ranking). The rest of the page is kept as the set of its distinct
 * words: finding a page needs only that they occur, and a common pair (职工) repeated in every
 * paragraph of every page would otherwise make its index chunk, which a first search loads,
 * several times larger.
 */
export const RUNNING_TEXT_CHARS = 400

/**
 * The content of a page's search record: the first RUNNING_TEXT_CHARS of its text as written,
 * in pairs; then after FOLDED_MARK every other distinct word of the page and the words that
 * folding (NFKC, Simplified, lower case) adds, as a Traditional page or full-width digits have.
 */
export const indexContent = (text: string, fold: Fold): string => {
  const leadWords: string[] = []
  eachWord(codePointPrefix(text, RUNNING_TEXT_CHARS), (word) => leadWords.push(word))
  const have = new Set(leadWords.map((word) => word.toLowerCase()))
  const rest = new Set<string>()
  // A query is folded before it is searched (queryTerms), so past the running text only the
  // folded words can ever match: the words as written there would only make the index bigger.
  // Folded words are already lower case.
  eachWord(fold(text.normalize('NFKC')), (word) => {
    if (!have.has(word) && !rest.has(word) && WORD.test(word)) rest.add(word)
  })
  const lead = leadWords.join(' ')
  return rest.size ? `${lead} ${FOLDED_MARK} ${[...rest].join(' ')}` : lead
}

/** The first `n` code points of `text` (a Han character outside the BMP counts as one). */
const codePointPrefix = (text: string, n: number): string => {
  let units = 0
  let count = 0
  for (const c of text) {
    if (count++ === n) return text.slice(0, units)
    units += c.length
  }
  return text
}

const TOKEN = /\p{Script=Han}+|[^\s\p{Script=Han}]+/gu
const HAN_FIRST = /^\p{Script=Han}/u

/**
 * The words of `encode(text)`, in order and with repeats, each handed to `take`: what a record
 * is made of, without building the encoded string and splitting it again (a 10k build read
 * every page's text that way, 3.5 s of the search index's plan).
 */
const eachWord = (text: string, take: (word: string) => void) => {
  for (const [token] of text.matchAll(TOKEN)) {
    if (!HAN_FIRST.test(token)) {
      take(token)
      continue
    }
    let previous: string | undefined
    for (const c of token) {
      if (previous !== undefined) take(previous + c)
      previous = c
    }
    take(previous!)
  }
}

const WORD = /[\p{L}\p{N}]/u

/** Terms of a query, folded, each as written (split on whitespace, as the contract says). */
export const queryTerms = (query: string, fold: Fold): string[] => fold(query.normalize('NFKC')).split(/\s+/).filter(Boolean)

/**
 * Most words a query hands Pagefind. Leaving words out only widens the answer (every page that
 * contains the query still has the words kept), while each word may cost an index chunk.
 */
export const MAX_QUERY_WORDS = 32

/** The Pagefind query for the terms: each Han run as its pairs (or its one character), other words as they are. */
export const pagefindQuery = (terms: readonly string[]): string => {
  const words = terms.flatMap((term) => encode(term).split(' ').filter(Boolean))
  const kept = words.filter(
    (word, i) => !(HAN.test(word) && [...word].length === 1 && i > 0 && HAN.test(words[i - 1]!) && words[i - 1]!.endsWith(word)),
  )
  return [...new Set(kept)].slice(0, MAX_QUERY_WORDS).join(' ')
}

/** A record's content back as readable text (the part before FOLDED_MARK): each run from the first characters of its pairs. */
export const decodeContent = (content: string): string => {
  const shown = content.split(FOLDED_MARK)[0]!
  let out = ''
  let afterHan = true
  for (const token of shown.split(/\s+/).filter(Boolean)) {
    const han = HAN.test(token)
    out += han ? [...token][0] : `${afterHan ? '' : ' '}${token}`
    afterHan = han
  }
  return out
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * An escaped excerpt of `text` around the first place a term occurs (after `after` characters
 * when there is one), every occurrence of a
 * term in it wrapped in <mark>. Matching is on the folded text, marks go on the text as written.
 */
export const excerptHtml = (
  text: string,
  terms: readonly string[],
  fold: Fold,
  options: { length?: number; after?: number } = {},
): string => {
  const { length = 80, after = 0 } = options
  const chars = [...text]
  const folded = [...fold(text)]
  const marked = new Array<boolean>(chars.length).fill(false)
  let first = -1
  let firstAfter = -1
  const flat = folded.join('')
  // Offsets in code points: folding keeps one character for one.
  const toIndex = (unitOffset: number) => [...flat.slice(0, unitOffset)].length
  for (const term of terms) {
    let at = flat.indexOf(term)
    while (at >= 0) {
      const start = toIndex(at)
      const len = [...term].length
      for (let i = start; i < start + len && i < chars.length; i++) marked[i] = true
      if (first < 0 || start < first) first = start
      if (start >= after && (firstAfter < 0 || start < firstAfter)) firstAfter = start
      at = flat.indexOf(term, at + term.length)
    }
  }
  // The text opens with the title, shown above the excerpt: a match after it says more.
  const at = firstAfter >= 0 ? firstAfter : first >= 0 ? first : Math.min(after, chars.length)
  const from = Math.max(firstAfter >= 0 ? after : 0, at - Math.floor(length / 3))
  const to = Math.min(chars.length, from + length)
  let html = from > 0 ? '…' : ''
  let open = false
  for (let i = from; i < to; i++) {
    if (marked[i] && !open) html += '<mark>'
    if (!marked[i] && open) html += '</mark>'
    open = marked[i]!
    html += escape(chars[i]!)
  }
  if (open) html += '</mark>'
  return to < chars.length ? `${html}…` : html
}
