import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Change } from '../incremental/plan'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { indexChanges, indexFileOf } from './files'
import { updateIndexFile } from './indexFile'

export interface IndexBuild {
  file: string
  seconds: number
  bytes: number
}

/** Runs site/search/indexChild.ts; resolves with the JSON line it prints. */
const runChild = async (args: string[], inputEnds?: Promise<unknown>): Promise<unknown> => {
  const script = path.resolve(/* turbopackIgnore: true */ 'site', 'search', 'indexChild.ts')
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      stdio: [inputEnds ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    })
    if (inputEnds) void inputEnds.finally(() => child.stdin?.end())
    child.stdout?.on('data', (d) => output.push(String(d)))
    child.stderr?.on('data', (d) => output.push(String(d)))
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`search index build failed (exit ${code}); the live site is unchanged.\n${output.join('').slice(-3000)}`)
  const last = output.join('').trim().split('\n').at(-1) ?? ''
  return last.startsWith('{') ? JSON.parse(last) : undefined
}

const done = async (file: string, started: number): Promise<IndexBuild> => ({
  file,
  seconds: (Date.now() - started) / 1000,
  bytes: (await fs.stat(file)).size,
})

/** Writes dist/builds/<id>.search.sqlite for a full build from the snapshot it was built from. */
export const buildServerIndex = async (options: { snapshotDir: string; buildDir: string }): Promise<IndexBuild> => {
  const started = Date.now()
  const file = indexFileOf(options.buildDir)
  await runChild(['build', options.snapshotDir, file])
  return done(file, started)
}

export interface SearchIndexes {
  server: IndexBuild
  /** Pages in the static (Pagefind) index, and the seconds it took. */
  pagefind?: { pages: number; shards: number; seconds: number }
}

/**
 * The search indexes of a full build, from one parse of the snapshot in one process: the
 * server index beside the build folder and, given `staticDir`, the static one written there
 * (moved into the build folder once Astro, which empties its output folder first, is done).
 */
export const buildSearchIndexes = async (options: {
  snapshotDir: string
  buildDir: string
  staticDir?: string
  pagesPerShard?: number
  /** Settles when `astro build` is done: Pagefind then takes both cores. */
  astroDone?: Promise<unknown>
}): Promise<SearchIndexes> => {
  if (!options.staticDir) return { server: await buildServerIndex(options) }
  const file = indexFileOf(options.buildDir)
  const args = ['all', options.snapshotDir, file, options.staticDir, String(options.pagesPerShard ?? 0)]
  const r = (await runChild(args, options.astroDone ?? Promise.resolve())) as {
    serverSeconds: number
    pagefind: { pages: number; shards: number }
    pagefindSeconds: number
  }
  const bytes = (await fs.stat(file)).size
  return { server: { file, seconds: r.serverSeconds, bytes }, pagefind: { ...r.pagefind, seconds: r.pagefindSeconds } }
}

/**
 * The index of an incremental build: the live build's index with the changed records
 * replaced from `snapshot` (the patched one), in this process. Without a live index (a build
 * from before server search) it is built in full, in a process of its own.
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
