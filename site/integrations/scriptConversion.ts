import * as OpenCC from 'opencc-js'

/**
 * Search works in Simplified script on both sides, folded character by character with the
 * table below: a page whose text changes when folded (a Traditional archive page) is indexed
 * with the folded copy of those words too (site/lib/searchTokens.ts), and the search page folds
 * the query with the same table before searching. Indexing every page in both scripts instead
 * doubled the index, its build time and memory.
 */
const fromVariants = () => [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
]

/**
 * Traditional → Simplified, character by character, as a string of pairs ("東东車车…"): what
 * the search page needs to convert a query (about 4,000 pairs, ~12 kB gzip).
 */
export const simplifiedPairs = (): string => {
  const converters = fromVariants()
  let pairs = ''
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp)
      const simple = converters.map((convert) => convert(char)).find((s) => s !== char && [...s].length === 1)
      if (simple) pairs += char + simple
    }
  }
  return pairs
}
