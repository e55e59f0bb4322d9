import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

import { simplifiedPairs } from '../integrations/scriptConversion'
import { foldWith, type Fold } from '../lib/searchTokens'
import type { SearchDocument } from './documents'
import type { ShardReply, ShardTask } from './pagefindThread'

/**
 * The static search index (Pagefind), for hosts that only serve files. It is made from the
 * same documents as the server index (site/search/documents.ts), straight from the snapshot,
 * so it needs no rendered page and runs beside `astro build` instead of after it, and both
 * search paths hold the same text for every page.
 */

/** Where pages changed since the last full build are indexed (see site/incremental/searchDelta.ts). */
export const DELTA_FOLDER = 'pagefind-delta'

/**
 * Records per Pagefind run. Pagefind holds a run's records in memory until it writes, and
 * writing takes ~0.45 MB per record (1.7–1.9 GB for a run of 4,000), so a shard bounds a
 * run's memory. But a first search loads, from every shard, an index chunk (~30 kB) for
 * each of its words: at 10k pages 3 shards cost 645 kB, 4 shards 726 kB, 12 shards 1.2 MB.
 * Fewer, larger shards keep the worker's phone's first search small; a host short of memory
 * sets SITE_SEARCH_SHARD_PAGES lower (1,000: a 10k build's tree stays near 2 GiB).
 */
export const DEFAULT_PAGES_PER_SHARD = 4000

/** Written beside the first shard: where each shard is and which dates it holds, newest first. */
export interface ShardManifest {
  shards: { path: string; pages: number; newest?: string; oldest?: string }[]
}

let pairs: string | undefined
const simplifiedTable = () => (pairs ??= simplifiedPairs())
let foldForIndex: Fold | undefined
export const indexFold = () => (foldForIndex ??= foldWith(simplifiedTable()))

/** Where shard `i` of the main index lives, relative to the output folder. */
export const shardFolder = (i: number) => (i === 0 ? 'pagefind' : `pagefind/shard-${i}`)

/**
 * Indexes shards on up to `threads` threads (site/search/pagefindThread.ts), in order: one
 * thread until `widen` settles, then `threads`. A build starts with one because `astro build`
 * holds the other core (and ~0.9 GiB) until it is done. Each shard gets a thread of its own,
 * which ends with it: a thread kept for several shards grew by ~40 MB a shard.
 */
const indexShards = async (
  tasks: { target: string; documents: SearchDocument[] }[],
  threads: number,
  widen: Promise<unknown>,
): Promise<{ pages: number; byUrl: Record<string, string> }[]> => {
  const script = path.resolve(/* turbopackIgnore: true */ import.meta.dirname, 'pagefindThread.ts')
  const results: { pages: number; byUrl: Record<string, string> }[] = []
  const running = new Set<Worker>()
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0
      let limit = 1
      let failed = false
      const start = () => {
        while (!failed && running.size < limit && next < tasks.length) {
          const shard = next++
          const task: ShardTask = { shard, pairs: simplifiedTable(), ...tasks[shard]! }
          // The thread gets its own copy: this one's can go.
          tasks[shard]!.documents = []
          const worker = new Worker(script, { execArgv: ['--import', 'tsx'], workerData: task })
          running.add(worker)
          worker.on('message', (reply: ShardReply) => {
            if ('error' in reply) {
              failed = true
              reject(new Error(`Pagefind shard ${reply.shard} failed: ${reply.error}`))
            } else results[reply.shard] = reply
          })
          worker.on('error', (error) => {
            failed = true
            reject(error)
          })
          worker.on('exit', () => {
            running.delete(worker)
            if (results[shard] === undefined && !failed) {
              failed = true
              reject(new Error(`Pagefind shard ${shard}: its thread ended without an answer`))
            }
            start()
          })
        }
        if (running.size === 0 && next >= tasks.length) resolve()
      }
      void widen.finally(() => {
        limit = Math.max(1, threads)
        start()
      })
      start()
    })
    return results
  } finally {
    await Promise.all([...running].map((w) => w.terminate()))
  }
}

/**
 * Writes the Pagefind index of `all` (every searchable page of a snapshot: snapshotDocuments)
 * into `outDir` (pagefind/, and an empty pagefind-delta/), in shards of at most `pagesPerShard`
 * pages, on up to `threads` threads once `widen` settles (at once without it). Pages are sharded newest first
 * by their sort date, so each shard holds one span of dates and the search page can list
 * date-sorted results shard after shard (site/scripts/searchPagefind.ts).
 */
export const buildSearchIndex = async (
  all: Iterable<SearchDocument>,
  outDir: string,
  options: { pagesPerShard?: number; threads?: number; widen?: Promise<unknown> } = {},
): Promise<{ pages: number; shards: number }> => {
  const perShard = Math.max(1, options.pagesPerShard ?? DEFAULT_PAGES_PER_SHARD)
  // Newest first; pages without a date (Pagefind leaves them out of date-sorted results) last.
  const documents = [...all].sort((a, b) => (b.sortDate ?? '').localeCompare(a.sortDate ?? ''))
  const shards: { folder: string; target: string; documents: SearchDocument[]; newest?: string; oldest?: string }[] = []
  for (let i = 0; i * perShard < Math.max(documents.length, 1); i++) {
    const shard = documents.slice(i * perShard, (i + 1) * perShard)
    const dates = shard.flatMap((d) => (d.sortDate ? [d.sortDate] : []))
    const folder = shardFolder(i)
    shards.push({ folder, target: path.join(outDir, folder), documents: shard, newest: dates[0], oldest: dates.at(-1) })
  }
  documents.length = 0
  // Each shard's documents are let go once its thread has its copy.
  const results = await indexShards(shards, options.threads ?? Math.min(2, os.availableParallelism()), options.widen ?? Promise.resolve())
  const manifest: ShardManifest = {
    shards: shards.map((s, i) => ({ path: `/${s.folder}/`, pages: results[i]!.pages, newest: s.newest, oldest: s.oldest })),
  }
  const byUrl = Object.assign({}, ...results.map((r) => r.byUrl)) as Record<string, string>
  const main = path.join(outDir, 'pagefind')
  await fs.writeFile(path.join(main, 'fragments-by-url.json'), JSON.stringify(byUrl))
  await fs.writeFile(path.join(main, 'shards.json'), JSON.stringify(manifest))
  await fs.writeFile(path.join(main, 'simplified-pairs.json'), JSON.stringify(simplifiedTable()))
  // A full build has no changes on top of its index; the search page asks for this file first.
  await fs.mkdir(path.join(outDir, DELTA_FOLDER), { recursive: true })
  await fs.writeFile(path.join(outDir, DELTA_FOLDER, 'manifest.json'), JSON.stringify({ urls: [], superseded: [] }))
  return { pages: results.reduce((n, r) => n + r.pages, 0), shards: shards.length }
}
