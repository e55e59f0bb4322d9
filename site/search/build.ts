import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { childEnv } from '../../content-models/settings'

import type { Change } from '../../content-models/changes'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { runNode } from '../lib/runNode'
import { indexChanges, indexFileOf } from './files'
import { updateIndexFile } from './indexFile'
import { INDEX_CHUNK_WORDS, mergeFragmentMaps, type HandedShards, type PlannedShard } from './pagefind'

export interface IndexBuild {
  file: string
  seconds: number
  bytes: number
}

/**
 * Runs a script of site/search/ in a process of its own; resolves with the JSON line it prints
 * last. `running` holds it while it runs, so a failed build can stop its other processes.
 */
const runScript = async (
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; running?: Set<ChildProcess>; nodeFlags?: string[] } = {},
): Promise<unknown> => {
  const script = path.resolve(/* turbopackIgnore: true */ 'site', 'search', name)
  const { code, output, error } = await runNode([...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args], options)
  if (code === null && error) throw error
  if (code !== 0) throw new Error(`search index build failed (${name}, exit ${code}); the live site is unchanged.\n${output.slice(-3000)}`)
  const last = output.trim().split('\n').at(-1) ?? ''
  return last.startsWith('{') ? JSON.parse(last) : undefined
}

const done = async (file: string, started: number): Promise<IndexBuild> => ({
  file,
  seconds: (Date.now() - started) / 1000,
  bytes: (await fs.stat(file)).size,
})

/**
 * For the processes that only stream (the server index's, a shard's feeder): a young generation
 * of 1 MB instead of V8's default 16 MB semi-spaces. Alone, the 10k server index then peaked at
 * 236 MiB instead of 369 MiB in the same time; beside Astro and Pagefind every such process counts.
 */
const SMALL_YOUNG_GENERATION = ['--max-semi-space-size=1']

/** Writes dist/builds/<id>.search.sqlite for a full build from the snapshot it was built from. */
export const buildServerIndex = async (
  options: { snapshotDir: string; buildDir: string },
  running?: Set<ChildProcess>,
): Promise<IndexBuild> => {
  const started = Date.now()
  const file = indexFileOf(options.buildDir)
  await runScript('indexChild.ts', ['build', options.snapshotDir, file], { running, nodeFlags: SMALL_YOUNG_GENERATION })
  return done(file, started)
}

/**
 * Runs the shards' Pagefind processes, in order: one at a time until `widen` settles, then
 * `processes` at once; `running` holds them (a failure stops them all). A build starts with one because `astro build` holds a core and ~1 GB
 * until it is done; each run holds up to ~0.8 GB (WORDS_PER_SHARD) until it has written.
 */
const indexShards = (
  shards: readonly PlannedShard[],
  outDir: string,
  processes: number,
  widen: Promise<unknown>,
  running: Set<ChildProcess>,
) =>
  new Promise<void>((resolve, reject) => {
    const env = childEnv({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_WORDS) })
    let limit = 1
    let next = 0
    let active = 0
    let failed = false
    const start = () => {
      while (!failed && active < limit && next < shards.length) {
        const shard = shards[next++]!
        active++
        runScript('pagefindShard.ts', [shard.records, path.join(outDir, shard.folder)], {
          env,
          running,
          nodeFlags: SMALL_YOUNG_GENERATION,
        }).then(
          () => {
            active--
            if (next >= shards.length && active === 0) resolve()
            else start()
          },
          (error: unknown) => {
            failed = true
            for (const child of running) child.kill('SIGKILL')
            reject(error)
          },
        )
      }
    }
    void widen.finally(() => {
      limit = Math.max(1, processes)
      start()
    })
    start()
  })

export interface SearchIndexes {
  server: IndexBuild
  /** Pages in the static (Pagefind) index, its shards, and the seconds from the snapshot's read for planning to the last shard written. */
  pagefind?: { pages: number; shards: number; seconds: number }
}

/**
 * The search indexes of a full build: the server index beside the build folder and, given
 * `staticDir`, the static one written there (moved into the build folder once Astro, which
 * empties its output folder first, is done). The static index's records wait in a folder
 * beside `staticDir` while its shards are indexed.
 */
export const buildSearchIndexes = async (options: {
  snapshotDir: string
  buildDir: string
  staticDir?: string
  pagesPerShard?: number
  /** Dated pages a first static search covers (TIER_PAGES unless given). */
  tierPages?: number
  /** Settles when `astro build` is done: Pagefind then takes both cores. */
  astroDone?: Promise<unknown>
}): Promise<SearchIndexes> => {
  const { staticDir } = options
  if (!staticDir) return { server: await buildServerIndex(options) }
  const recordsDir = `${staticDir}.records`
  const running = new Set<ChildProcess>()
  try {
    // The static index's shards are planned first, in a process that then exits with what it
    // read; Pagefind starts on them, and another process writes the server index. (The planner
    // writing the server index itself, from the documents it held, kept ~400 MiB alive beside
    // Astro and the first Pagefind run: the 10k build peaked at 2.03 GiB.)
    const plan = (await runScript(
      'indexChild.ts',
      ['shards', options.snapshotDir, staticDir, recordsDir, String(options.pagesPerShard ?? 0), String(options.tierPages ?? 0)],
      { running },
    )) as HandedShards
    const started = Date.now()
    const serverIndex = buildServerIndex(options, running)
    const shards = indexShards(
      plan.shards,
      staticDir,
      Math.min(2, os.availableParallelism()),
      options.astroDone ?? Promise.resolve(),
      running,
    )
    const [server] = await Promise.all([serverIndex, shards]).catch(async (error: unknown) => {
      for (const other of running) other.kill('SIGKILL')
      await Promise.allSettled([serverIndex, shards])
      throw error
    })
    await mergeFragmentMaps(staticDir, plan.shards)
    const pages = plan.shards.reduce((n, s) => n + s.pages, 0)
    const seconds = plan.planSeconds + (Date.now() - started) / 1000
    return { server, pagefind: { pages, shards: plan.shards.length, seconds } }
  } finally {
    await fs.rm(recordsDir, { recursive: true, force: true })
  }
}

/**
 * The index of an incremental build: the live build's index with the changed records
 * replaced from `snapshot` (the patched one) in its changes file, in this process
 * (./indexFile.ts). Without a live index (a build from before server search) it is built in
 * full, in a process of its own.
 */
export const updateServerIndex = async (options: {
  snapshotDir: string
  snapshot: ContentSnapshot
  buildDir: string
  liveDir: string
  changes: readonly Change[]
}): Promise<IndexBuild> => {
  const from = indexFileOf(options.liveDir)
  const exists = await fs.access(from).then(
    () => true,
    () => false,
  )
  if (!exists) return buildServerIndex(options)
  const started = Date.now()
  const file = indexFileOf(options.buildDir)
  await updateIndexFile({ from, file, snapshot: options.snapshot, changes: indexChanges(options.changes) })
  return done(file, started)
}
