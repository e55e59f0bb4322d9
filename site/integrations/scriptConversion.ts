import * as OpenCC from 'opencc-js'

/**
 * Search works in Simplified script on both sides, folded character by character with the
 * table below: a page whose text changes when folded (a Traditional archive page) is indexed
 * with the folded copy of those words too (site/lib/searchTokens.ts), and the search page folds
 * the query with the same table before searching. Indexing every page in both scripts instead
 * doubled the index, its build time and memory.
 */
const fromVariants = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
]

/** Text of the indexed region, without tags. */
export const indexedText = (html: string): string => {
  const main = html.match(/<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? ''
  return (
    main
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      // An ignored element ends at the next closing tag of its own name: our markup never nests
      // an element inside another of the same name within an ignored one.
      .replace(/<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(
        /&(amp|lt|gt|quot|#39|#34);/g,
        (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"' })[e] ?? ' ',
      )
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/**
 * Traditional → Simplified, character by character, as a string of pairs ("東东車车…"): what
 * the search page needs to convert a query (about 4,000 pairs, ~12 kB gzip).
 */
export const simplifiedPairs = (): string => {
  let pairs = ''
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp)
      const simple = fromVariants.map((convert) => convert(char)).find((s) => s !== char && [...s].length === 1)
      if (simple) pairs += char + simple
    }
  }
  return pairs
}
