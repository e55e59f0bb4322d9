import path from 'node:path'
import { Worker } from 'node:worker_threads'

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
 * the search page needs to convert a query (about 4,000 pairs, ~12 kB gzip). Making it takes
 * 1–1.5 s of CPU (opencc-js, every Han code point three times); see simplifiedPairs.
 */
export const makeSimplifiedPairs = (): string => {
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

let pairs: string | undefined
let making: Promise<string> | undefined

/** The table, made once per process (the search index, the static index and the wording matcher share it). */
export const simplifiedPairs = (): string => (pairs ??= makeSimplifiedPairs())

/**
 * The table, made in a thread of its own when this process has none yet: a server (the CMS,
 * which indexes each publish) must not hold its event loop for the second it takes. Servers
 * call it when they start, so the first publish finds it made.
 */
export const simplifiedPairsOffThread = (): Promise<string> => {
  if (pairs) return Promise.resolve(pairs)
  making ??= new Promise<string>((resolve, reject) => {
    const script = path.resolve(/* turbopackIgnore: true */ import.meta.dirname, 'simplifiedPairsThread.ts')
    const worker = new Worker(script, { execArgv: ['--import', 'tsx'] })
    worker.once('message', (made: string) => resolve((pairs ??= made)))
    worker.once('error', (error) => reject(new Error('the Traditional→Simplified table could not be made in a thread', { cause: error })))
    worker.once('exit', (code) => reject(new Error(`the Traditional→Simplified table's thread exited (${code}) before answering`)))
  })
  // A failed thread is tried again by the next caller.
  making.catch(() => (making = undefined))
  return making
}
