import fs from 'node:fs/promises'
import path from 'node:path'

import { simplifiedPairs, simplifiedPairsOffThread } from '../integrations/scriptConversion'
import { foldWith, type Fold } from '../lib/searchTokens'
import type { SearchDocument } from './documents'
import { documentRecord } from './pagefindWrite'

/**
 * The static search index (Pagefind), for hosts that only serve files. It is made from the
 * same documents as the server index (site/search/documents.ts), straight from the snapshot,
 * so both search paths hold the same text for every page. It comes in shards, one Pagefind
 * run each: the planner here turns the documents into records and splits them, and
 * site/search/build.ts runs the shards (site/search/pagefindShard.ts) and finishes the index.
 */

/** Where pages changed since the last full build are indexed (see site/incremental/searchDelta.ts). */
export const DELTA_FOLDER = 'pagefind-delta'

/**
 * Indexed words a shard holds at most (a record's words: site/lib/searchTokens.ts). Pagefind
 * holds a run's records until it writes, and writing takes ~650 bytes per indexed word
 * (measured: 1,500 bench news pages of ~820 words each took 780 MiB), so this bounds the
 * memory of each Pagefind run of a build, whatever the length of the pages. Each shard also
 * adds its index chunks to a first search, so shards are no smaller than that: at 10k news
 * pages, 8 shards cost a first search of 624 kB (4,000 pages a shard: 3 shards, 593 kB, but
 * 2 GB for each Pagefind run).
 */
export const WORDS_PER_SHARD = 1_200_000

/**
 * Words (page positions) in one of Pagefind's index chunks, the unit a search downloads for
 * each of its words. Pagefind's default, 20,000, makes every chunk of every shard large: at
 * 10k pages in 8 shards a first search took 899 kB with it, 624 kB with 5,000 (643 kB with
 * 3,000, 708 kB with 8,000). Pagefind reads it from its environment only
 * (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, in 1.6.0, the version package.json pins).
 */
export const INDEX_CHUNK_WORDS = 5000

/**
 * Dated pages a tier holds at most: the search page first searches tier 0 (the newest pages
 * and every undated one) and the older tiers, in turn, only when the visitor asks for more
 * (site/scripts/searchPagefind.ts). A first search loads each of its shards' metadata and a
 * chunk per query word, ~37 bytes a page for a three-pair query besides ~170 kB of runtime and
 * page, so this bounds a first search at any archive size (measured on the benchmark's 10k site:
 * 5 shards, 404 kB over 45 requests; every shard, 626 kB over 59; at 50k, 334 kB over 45, where
 * every shard took ~2.3 MB over ~200).
 */
export const TIER_PAGES = 8000

/** Written beside the first shard: where each shard is, which dates it holds (newest first) and its tier. */
export interface ShardManifest {
  shards: { path: string; pages: number; newest?: string; oldest?: string; tier: number }[]
}

/** A shard as planned: its records' file, the folder (under the output folder) it is indexed into. */
export interface PlannedShard {
  records: string
  folder: string
  pages: number
}

/** The static index's shards as the planning process reports them (site/search/indexChild.ts `shards`). */
export interface HandedShards {
  shards: PlannedShard[]
  /** Reading the snapshot and planning the shards. */
  planSeconds: number
}

let foldForIndex: Fold | undefined
export const indexFold = () => (foldForIndex ??= foldWith(simplifiedPairs()))
/** indexFold for a server: the table is made in a thread the first time (see simplifiedPairsOffThread). */
export const indexFoldOffThread = async () => (foldForIndex ??= foldWith(await simplifiedPairsOffThread()))

/** Where shard `i` of the main index lives, relative to the output folder. */
export const shardFolder = (i: number) => (i === 0 ? 'pagefind' : `pagefind/shard-${i}`)

const wordsOf = (content: string) => {
  let n = 1
  for (let i = content.indexOf(' '); i >= 0; i = content.indexOf(' ', i + 1)) n++
  return n
}

/**
 * The tier of each shard (newest first, undated last): dated shards in runs of at most
 * `tierPages` pages (a shard larger than that is a tier alone), undated shards in tier 0,
 * which a first search covers whole.
 */
export const shardTiers = (shards: readonly { pages: number; newest?: string }[], tierPages: number): number[] => {
  let tier = 0
  let pages = 0
  return shards.map((s) => {
    if (!s.newest) return 0
    if (pages && pages + s.pages > tierPages) {
      tier++
      pages = 0
    }
    pages += s.pages
    return tier
  })
}

/**
 * Splits `all` (every searchable page of a snapshot: snapshotDocuments) into shards of at most
 * WORDS_PER_SHARD indexed words and `pagesPerShard` pages, and writes each shard's Pagefind
 * records to `recordsDir` (a line each). Pages are sharded newest first by their sort date, so
 * each shard holds one span of dates and the search page can list date-sorted results shard
 * after shard (site/scripts/searchPagefind.ts); undated pages get shards of their own, in the
 * first tier (shardTiers). Also writes what does not depend on Pagefind's output into `outDir`:
 * the shard manifest, the folding table the search page folds queries with, and the empty
 * delta a full build starts with.
 */
export const planShards = async (
  all: SearchDocument[],
  outDir: string,
  recordsDir: string,
  options: { pagesPerShard?: number; wordsPerShard?: number; tierPages?: number } = {},
): Promise<PlannedShard[]> => {
  const maxPages = options.pagesPerShard || Infinity
  const maxWords = options.wordsPerShard ?? WORDS_PER_SHARD
  // Newest first; pages without a date (Pagefind leaves them out of date-sorted results) last.
  const documents = all.sort((a, b) => (b.sortDate ?? '').localeCompare(a.sortDate ?? ''))
  await fs.mkdir(recordsDir, { recursive: true })
  const fold = indexFold()
  const planned: (PlannedShard & { newest?: string; oldest?: string })[] = []
  let lines: string[] = []
  let words = 0
  let dates: string[] = []
  const close = async () => {
    const i = planned.length
    const records = path.join(recordsDir, `shard-${i}.jsonl`)
    await fs.writeFile(records, `${lines.join('\n')}\n`)
    planned.push({ records, folder: shardFolder(i), pages: lines.length, newest: dates[0], oldest: dates.at(-1) })
    lines = []
    words = 0
    dates = []
  }
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!
    // The shard's copy is the record: the document can go.
    documents[i] = undefined as never
    const record = documentRecord(doc, fold)
    const w = wordsOf(record.content)
    // The first undated page starts a shard: undated pages are searched first, dated ones by tier.
    const undatedStarts = !doc.sortDate && dates.length > 0
    if (lines.length && (lines.length >= maxPages || words + w > maxWords || undatedStarts)) await close()
    lines.push(JSON.stringify(record))
    words += w
    if (doc.sortDate) dates.push(doc.sortDate)
  }
  all.length = 0
  // An index with no page still gets its (empty) shard: the search page expects one.
  if (lines.length || !planned.length) await close()
  const main = path.join(outDir, 'pagefind')
  await fs.mkdir(main, { recursive: true })
  const tiers = shardTiers(planned, options.tierPages || TIER_PAGES)
  const manifest: ShardManifest = {
    shards: planned.map((s, i) => ({ path: `/${s.folder}/`, pages: s.pages, newest: s.newest, oldest: s.oldest, tier: tiers[i]! })),
  }
  await fs.writeFile(path.join(main, 'shards.json'), JSON.stringify(manifest))
  await fs.writeFile(path.join(main, 'simplified-pairs.json'), JSON.stringify(simplifiedPairs()))
  // A full build has no changes on top of its index; the search page asks for this file first.
  await fs.mkdir(path.join(outDir, DELTA_FOLDER), { recursive: true })
  await fs.writeFile(path.join(outDir, DELTA_FOLDER, 'manifest.json'), JSON.stringify({ urls: [], superseded: [] }))
  return planned.map(({ records, folder, pages }) => ({ records, folder, pages }))
}

/**
 * Once every shard is indexed: one map from each page to its fragment id in whichever shard
 * holds it, in the main folder, for the delta of a later update (site/incremental/searchDelta.ts).
 */
export const mergeFragmentMaps = async (outDir: string, shards: readonly PlannedShard[]) => {
  const byUrl: Record<string, string> = {}
  for (const s of shards) Object.assign(byUrl, JSON.parse(await fs.readFile(path.join(outDir, s.folder, 'fragments-by-url.json'), 'utf8')))
  await fs.writeFile(path.join(outDir, 'pagefind', 'fragments-by-url.json'), JSON.stringify(byUrl))
}
