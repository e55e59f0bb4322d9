import * as OpenCC from 'opencc-js'

/**
 * Text folding and tokens for the server search index. Both sides — documents when indexing,
 * queries when searching — go through `fold` (NFKC, Traditional → Simplified with OpenCC
 * `t` → `cn`, lower case) and `tokens`, so a query matches exactly where its folded text is a
 * substring of the folded document text.
 */

const convertFull = OpenCC.Converter({ from: 't', to: 'cn' })

/**
 * Characters whose presence means OpenCC may change a text: every character its character
 * table converts, and, for phrases made only of characters that table leaves alone (乾燥 →
 * 干燥), the characters the phrase changes. A phrase holding a converted character can only
 * apply where that character is, so it needs no entry. Texts without any of these convert to
 * themselves and skip OpenCC (it runs at ~5 M characters a second: 3 s of a 10k build).
 */
/** For characters only phrases change (覆 in 重覆 → 重复), the phrases: 覆盖 is left alone. */
const phrasesOf = new Map<string, string[]>()

const changing: Set<string> = (() => {
  const config = (
    OpenCC as unknown as { Locale: { configs: Record<string, { normalizationChain?: string[][]; conversionChain: string[][] }> } }
  ).Locale.configs.t2s!
  const entries = (dict: string) => dict.split('|').map((e) => e.split(' ').map((x) => [...x]) as [string[], string[]])
  const set = new Set<string>()
  const phrases: [string[], string[]][] = []
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      for (const [from, to] of entries(dict)) {
        if (from.length === 1) {
          if (from[0] !== to[0] || to.length !== 1) set.add(from[0]!)
        } else phrases.push([from, to])
      }
    }
  }
  const single = new Set(set)
  for (const [from, to] of phrases) {
    if (from.some((c) => single.has(c))) continue
    for (let i = 0; i < from.length; i++) {
      if (from.length === to.length && from[i] === to[i]) continue
      set.add(from[i]!)
      if (!single.has(from[i]!)) phrasesOf.set(from[i]!, [...(phrasesOf.get(from[i]!) ?? []), from.join('')])
    }
  }
  return set
})()

// Dictionary keys are Han (and a few compatibility) characters; punctuation and Latin never
// sit inside one, so converting runs between them gives what converting the whole text gives.
const HAN_CHAR = /^[\p{Script=Han}\u3400-\u4dbf\uf900-\ufaff]$/u

/**
 * Per BMP code unit, 1 for a Han character, 2 for one OpenCC may change (always Han): a text
 * is scanned by table lookups, a few nanoseconds a character where a regular expression over
 * the thousands of characters OpenCC may change took a hundred.
 */
const BMP = new Uint8Array(0x10000)
for (let u = 0; u < 0x10000; u++) if (u < 0xd800 || u > 0xdfff) BMP[u] = HAN_CHAR.test(String.fromCharCode(u)) ? 1 : 0
for (const c of changing) if (c.length === 1 && BMP[c.charCodeAt(0)]) BMP[c.charCodeAt(0)] = 2
const ASTRAL_CHANGING = new Set([...changing].filter((c) => c.length === 2 && HAN_CHAR.test(c)).map((c) => c.codePointAt(0)!))
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
/** 0 not Han, 1 Han, 2 Han that OpenCC may change; for the code point starting at `i`. */
const kindAt = (text: string, i: number) => {
  const u = text.charCodeAt(i)
  if (!isHigh(u)) return BMP[u]!
  const cp = text.codePointAt(i)!
  return ASTRAL_CHANGING.has(cp) ? 2 : HAN_CHAR.test(String.fromCodePoint(cp)) ? 1 : 0
}
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff
const pairAt = (text: string, i: number) => isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))
const widthAt = (text: string, i: number) => (pairAt(text, i) ? 2 : 1)
const startBefore = (text: string, i: number) => (i >= 2 && pairAt(text, i - 2) ? i - 2 : i - 1)

/** A Han run holding a character OpenCC may change: converted unless its only such characters are phrase-only ones outside their phrases. */
const convertRun = (run: string) => {
  for (const c of run) {
    if (!changing.has(c)) continue
    const only = phrasesOf.get(c)
    if (!only || only.some((p) => run.includes(p))) return convertFull(run)
  }
  return run
}

/**
 * Only the Han runs around characters OpenCC may change are looked at: texts mostly hold a
 * few such characters (覆 of 覆盖 is one: only 重覆 changes it), and walking every run of
 * every text was a tenth of an index build and most of an excerpt's cost.
 */
export const toSimplified = (text: string): string => {
  let out = ''
  let done = 0
  for (let i = 0; i < text.length; i += widthAt(text, i)) {
    if (kindAt(text, i) !== 2) continue
    let start = i
    while (start > done && kindAt(text, startBefore(text, start)) !== 0) start = startBefore(text, start)
    let end = i
    while (end < text.length && kindAt(text, end) !== 0) end += widthAt(text, end)
    out += text.slice(done, start) + convertRun(text.slice(start, end))
    done = end
    i = end - 1
  }
  return done === 0 ? text : out + text.slice(done)
}

/** The form both sides are compared in. */
export const fold = (text: string): string => toSimplified(text.normalize('NFKC')).toLowerCase()

/**
 * Tokens of folded text, in order. A Han run gives its overlapping bigrams and then its last
 * character alone (so 书屋 → 书屋 屋): a phrase of bigrams finds any substring of two or more
 * characters, and a single character is found as the first character of a bigram or a run's
 * last. Letters and digits give the run as one token.
 */
const HAN = /\p{Script=Han}/u
const WORD = /[\p{L}\p{N}\p{M}]/u

/** 0 separator, 1 Han, 2 letter/digit/mark; a regular expression per character was a third of an index build. */
const kinds = new Map<number, number>()
const kindOf = (cp: number): number => {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? 2 : 0
  if (cp >= 0x4e00 && cp <= 0x9fff) return 1
  let k = kinds.get(cp)
  if (k === undefined) {
    const c = String.fromCodePoint(cp)
    k = HAN.test(c) ? 1 : WORD.test(c) ? 2 : 0
    kinds.set(cp, k)
  }
  return k
}

export type Segment = { han: boolean; text: string }

/** Maximal runs of Han characters and of other letters/digits, in order; everything else separates them. */
const scan = (text: string, each: (run: string, han: boolean) => void) => {
  let start = -1
  let kind = 0
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    const k = kindOf(cp)
    if (k !== kind) {
      if (kind !== 0) each(text.slice(start, i), kind === 1)
      start = i
      kind = k
    }
    i += cp > 0xffff ? 2 : 1
  }
  if (kind !== 0) each(text.slice(start), kind === 1)
}

export const segments = (folded: string): Segment[] => {
  const out: Segment[] = []
  scan(folded, (text, han) => out.push({ han, text }))
  return out
}

const SURROGATE = /[\ud800-\udfff]/

const hanTokens = (run: string, out: string[], terminal: boolean) => {
  // Nearly every run is in the BMP: index code units and skip splitting into an array.
  if (!SURROGATE.test(run)) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.substring(i, i + 2))
    if (terminal) out.push(run[run.length - 1]!)
    return
  }
  const chars = [...run]
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
  if (terminal) out.push(chars.at(-1)!)
}

/** Tokens of a document's folded text, space-separated, as FTS5's unicode61 tokenizer will split them. */
export const documentTokens = (folded: string): string => {
  const out: string[] = []
  scan(folded, (run, han) => (han ? hanTokens(run, out, true) : out.push(run)))
  return out.join(' ')
}

/**
 * Proper suffixes of letter/digit runs (88310148 → 8310148 … 8), in a column of their own:
 * a prefix query there finds a number or word inside a longer one (0148 in 88310148).
 */
export const suffixTokens = (folded: string): string => {
  const out: string[] = []
  scan(folded, (run, han) => {
    if (han || run.length < 2) return
    const chars = [...run]
    if (chars.length > 24) return
    for (let i = 1; i < chars.length; i++) out.push(chars.slice(i).join(''))
  })
  return out.join(' ')
}

const phraseOf = (segs: Segment[]): string => {
  const tokens: string[] = []
  let prefix = false
  segs.forEach((s, i) => {
    const last = i === segs.length - 1
    if (s.han) {
      const chars = [...s.text]
      if (last && chars.length === 1) {
        tokens.push(s.text)
        prefix = true
      } else hanTokens(s.text, tokens, !last)
    } else {
      tokens.push(s.text)
      if (last) prefix = true
    }
  })
  const phrase = `"${tokens.map((t) => t.replace(/"/g, '')).join(' ')}"`
  return prefix ? `${phrase} *` : phrase
}

export interface TermQuery {
  /** FTS5 expression; every token quoted, so nothing the user types is FTS syntax. */
  expression: string
  /** True when the expression may match more than the term: candidates are checked against the text. */
  verify: boolean
}

/**
 * One query term (no whitespace) as an FTS5 expression that matches where its folded text
 * occurs: a phrase of the same tokens the document side makes, except that the last segment
 * may continue in the document (its run goes on: no terminal token; a single character or a
 * letter/digit run becomes a prefix). A term that starts with letters or digits may start
 * inside a longer run (79-8831 in 0579-88310148): the rest must be a phrase and the start a
 * prefix of some token or token suffix, and the few candidates are checked against the text.
 * Returns undefined for a term with no letters, digits or Han characters.
 */
export const termQuery = (term: string): TermQuery | undefined => {
  const segs = segments(fold(term))
  if (!segs.length) return undefined
  if (segs.length > 1 && !segs[0]!.han) {
    return { expression: `(${phraseOf(segs.slice(0, 1))}) AND (${phraseOf(segs.slice(1))})`, verify: true }
  }
  return { expression: phraseOf(segs), verify: false }
}

/** True when the text holds any Han character. */
export const hasHan = (text: string) => HAN.test(text)

/**
 * Query terms as typed: split on whitespace, each folded. Terms that hold nothing searchable
 * (only punctuation) are dropped; `limit` bounds how many are used.
 */
export const queryTerms = (q: string, limit = 8): string[] =>
  q
    .split(/\s+/u)
    .filter((t) => t && segments(fold(t)).length > 0)
    .slice(0, limit)
