import AhoCorasick from 'modern-ahocorasick'

import { simplifiedPairs } from '../../site/integrations/scriptConversion'
import { foldWith, type Fold } from '../../site/lib/searchTokens'
import type { RuleKind } from './kinds'

/** A wording rule as the matcher needs it (the collection's document, or a starter rule). */
export interface Rule {
  id?: number | string
  kind: RuleKind
  find: string
  suggestion: string
  note?: string | null
}

/** One place a rule matched, in UTF-16 offsets of the text as written. */
export interface Hit {
  rule: Rule
  start: number
  end: number
  /** The text as written there (Traditional stays Traditional). */
  found: string
}

export interface Matcher {
  readonly rules: readonly Rule[]
  find(text: string): Hit[]
}

let fold: Fold | undefined
/**
 * Traditional → Simplified character for character (the search index's table), so a folded
 * text lines up with the original and every hit keeps its place in what staff wrote.
 */
const simplified = (): Fold => (fold ??= foldWith(simplifiedPairs()))

/** Folding that could move offsets (a character of another UTF-16 width) is left undone. */
const folded = (text: string): string => {
  const out = simplified()(text)
  return out.length === text.length ? out : text
}

/**
 * Where the right form itself holds the wrong one (全国总工会 inside 中华全国总工会), a hit
 * that is part of the right form written out is no finding.
 */
const insideSuggestion = (text: string, start: number, find: string, suggestion: string): boolean => {
  for (let at = suggestion.indexOf(find); at >= 0; at = suggestion.indexOf(find, at + 1)) {
    const from = start - at
    if (from >= 0 && text.startsWith(suggestion, from)) return true
  }
  return false
}

/**
 * One Aho–Corasick automaton over every rule's folded form: a text is read once whatever the
 * number of rules. Build it once per set of rules (cms/wording/checker.ts keeps it until the
 * rules change) and call `find` for each text.
 */
export const compileRules = (rules: readonly Rule[]): Matcher => {
  const usable = rules.filter((r) => r.find.trim() !== '')
  const patterns = usable.map((rule) => ({ pattern: folded(rule.find.trim()), data: rule }))
  const suggestions = new Map(usable.map((rule) => [rule, folded(rule.suggestion.trim())]))
  const automaton = new AhoCorasick(patterns)
  return {
    rules: usable,
    find(text) {
      if (!text || usable.length === 0) return []
      const haystack = folded(text)
      const hits: Hit[] = []
      const seen = new Set<string>()
      for (const { start, end, data: rule, pattern } of automaton.search(haystack)) {
        if (!rule) continue
        const suggestion = suggestions.get(rule)!
        if (suggestion && insideSuggestion(haystack, start, pattern, suggestion)) continue
        const key = `${start}:${end}:${pattern}`
        if (seen.has(key)) continue
        seen.add(key)
        hits.push({ rule, start, end, found: text.slice(start, end) })
      }
      return hits.sort((a, b) => a.start - b.start || b.end - a.end)
    },
  }
}
