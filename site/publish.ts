import fs from 'node:fs/promises'
import path from 'node:path'

import lockfile from 'proper-lockfile'

import { childEnv, settings } from '../content-models/settings'
import { compressTree } from './compress'
import { runNode } from './lib/runNode'
import { buildSearchIndexes, type SearchIndexes } from './search/build'
import { removeIndexOf } from './search/files'

/**
 * Site builds land in dist/builds/<id>/ and go live by swapping the dist/live symlink, which
 * is atomic: visitors get the old site or the new one, never half of each, and a failed
 * build never touches what is live.
 */
export const liveDir = (dist = settings().distDir) => path.join(dist, 'live')

export interface SiteBuild {
  dir: string
  pages: number
  seconds: number
}

export const countPages = async (dir: string) =>
  (await fs.readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.html')).length

/** A build id that sorts by time: the folder name under dist/builds/. */
export const newBuildId = () =>
  new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)

/**
 * Astro stages prerendered chunks in the repository's .astro folder, so two builds at once
 * (a publish during `npm run build`, parallel tests) would break each other: they take turns.
 * A holder that died (kill -9) stops refreshing the lock, which is then taken after 20 s.
 * Resolves with the function that releases it.
 */
export const astroLock = () =>
  lockfile.lock(path.join(settings().rootDir, 'astro.config.mjs'), {
    retries: { retries: 600, minTimeout: 200, maxTimeout: 1000 },
    stale: 20_000,
  })

/** Runs `astro build` into `outDir`; rejects with the build's own output on failure. */
export const runAstro = async (outDir: string, dist: string, env: Record<string, string>, signal?: AbortSignal): Promise<void> => {
  const { rootDir } = settings()
  const astro = path.join(rootDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
  const release = await astroLock()
  const { code, output } = await runNode([astro, 'build', '--silent'], {
    cwd: rootDir,
    env: childEnv({ ...env, SITE_OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(dist, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' }),
    signal,
  }).finally(release)
  if (code !== 0) {
    await fs.rm(outDir, { recursive: true, force: true })
    signal?.throwIfAborted()
    throw new Error(`site build failed (astro exit ${code}); the live site is unchanged.\n${output.slice(-4000)}`)
  }
}

/**
 * What a build folder holds, kept beside it (dist/builds/<id>.json, out of the public tree):
 * its page count, and for an incremental update the build it was made from and the files it
 * wrote and removed (relative paths), which lets the next update reuse that older folder.
 */
export interface BuildInfo {
  pages: number
  base?: string
  written: string[]
  removed: string[]
}

export const readBuildInfo = async (dir: string): Promise<BuildInfo | undefined> =>
  fs.readFile(`${dir}.json`, 'utf8').then(
    (text) => JSON.parse(text) as BuildInfo,
    () => undefined,
  )

export const writeBuildInfo = (dir: string, info: BuildInfo) => fs.writeFile(`${dir}.json`, JSON.stringify(info))

/**
 * Runs a full `astro build` into a fresh folder and, beside it in a process of its own, the
 * search indexes: the server index (dist/builds/<id>.search.sqlite) and the static Pagefind
 * index (`staticSearch: false` leaves it out, for builds only compared page by page), both
 * from the snapshot, so they take the second core while Astro renders. A failure of any
 * removes all. `searchShardPages`: pages per Pagefind run (default in site/search/pagefind.ts).
 */
export const buildSite = async (options: {
  snapshotDir: string
  dist?: string
  log?: (m: string) => void
  staticSearch?: boolean
  env?: Record<string, string>
  searchShardPages?: number
  /** Dated pages in each tier of the static index (tests make several tiers of a small site). */
  searchTierPages?: number
  /** Stops Astro (the build lease was lost): the build rejects with the signal's reason. */
  signal?: AbortSignal
}): Promise<SiteBuild & { astroSeconds: number; search: SearchIndexes }> => {
  const dist = options.dist ?? settings().distDir
  const started = Date.now()
  const id = newBuildId()
  const dir = path.join(dist, 'builds', id)
  const staging = path.join(dist, 'staging', id)
  await fs.mkdir(path.dirname(dir), { recursive: true })
  const staticSearch = options.staticSearch !== false
  try {
    let astroSeconds = 0
    const astroRun = runAstro(dir, dist, { ...options.env, SNAPSHOT_DIR: options.snapshotDir, SITE_PARTIAL: '' }, options.signal).then(
      () => {
        astroSeconds = (Date.now() - started) / 1000
      },
    )
    // The pages' compressed copies are written while the static search index, the long pole, is
    // still being made. The pages are counted first, off the build's tail, while the folder holds
    // only them (a fifth of the files it ends with: counting at the end took 1 s at 10k).
    const compressing = astroRun.then(async () => {
      const pages = await countPages(dir)
      await compressTree(dir)
      return pages
    })
    compressing.catch(() => undefined)
    const [astro, index] = await Promise.allSettled([
      astroRun,
      buildSearchIndexes({
        snapshotDir: options.snapshotDir,
        buildDir: dir,
        staticDir: staticSearch ? staging : undefined,
        pagesPerShard: options.searchShardPages ?? settings().searchShardPages,
        tierPages: options.searchTierPages,
        astroDone: astroRun.catch(() => undefined),
      }),
    ])
    if (astro.status === 'rejected' || index.status === 'rejected') {
      await compressing.catch(() => undefined)
      await fs.rm(dir, { recursive: true, force: true })
      await removeIndexOf(dir)
      throw astro.status === 'rejected' ? astro.reason : (index as PromiseRejectedResult).reason
    }
    const pages = await compressing
    if (staticSearch)
      for (const entry of await fs.readdir(staging)) {
        await fs.rename(path.join(staging, entry), path.join(dir, entry))
        await compressTree(dir, entry)
      }
    await writeBuildInfo(dir, { pages, written: [], removed: [] })
    return { dir, pages, seconds: (Date.now() - started) / 1000, astroSeconds, search: index.value }
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

/** Files kept beside a build folder, named after it. */
const BESIDE_BUILD = /\.(json|search\.sqlite(\..*)?)$/

/**
 * What a build that runs under the build lease (cms/publishing/lease.ts) must show to go live:
 * its lease's token, and a check that the lease is still its own.
 */
export interface Fence {
  token: number
  holds(): Promise<boolean>
}

/** A build whose lease was lost: it must not go live (its requests stay queued for the lease's new holder). */
export class LeaseLost extends Error {
  constructor(message = 'the build lease was lost before going live; the live site is unchanged', options?: ErrorOptions) {
    super(message, options)
    this.name = 'LeaseLost'
  }
}

/** The token of the lease whose build went live last (absent for builds made without one). */
const fenceFile = (dist: string) => path.join(dist, 'live.fence')

/**
 * Going live under a fence: on the shared folder's own lock, refused when the lease is no
 * longer the builder's or a later lease already went live, so a server that stalled past its
 * lease never replaces what the server that took over put live.
 */
const fenced = async (dist: string, fence: Fence, swap: () => Promise<void>) => {
  const release = await lockfile.lock(dist, {
    lockfilePath: path.join(dist, 'live.lock'),
    realpath: false,
    retries: { retries: 100, minTimeout: 50, maxTimeout: 500 },
    stale: 30_000,
  })
  try {
    const last = Number(await fs.readFile(fenceFile(dist), 'utf8').catch(() => '0'))
    if (last > fence.token || !(await fence.holds())) throw new LeaseLost(undefined, { cause: { token: fence.token, lastLive: last } })
    await fs.writeFile(fenceFile(dist), String(fence.token))
    await swap()
  } finally {
    await release()
  }
}

/**
 * Points dist/live at a finished build and removes all but the previous one (kept for rollback).
 * A build made under the build lease passes its `fence`.
 */
export const goLive = async (build: SiteBuild, dist = settings().distDir, fence?: Fence): Promise<void> => {
  const live = liveDir(dist)
  const temp = `${live}.${process.pid}.tmp`
  const swap = async () => {
    await fs.rm(temp, { force: true })
    await fs.symlink(path.relative(dist, build.dir), temp)
    await fs.rename(temp, live)
  }
  await (fence ? fenced(dist, fence, swap) : swap())
  const entries = await fs.readdir(path.join(dist, 'builds'))
  const builds = entries.filter((b) => !BESIDE_BUILD.test(b)).sort()
  const keep = new Set([path.basename(build.dir), builds.filter((b) => b !== path.basename(build.dir)).at(-1)])
  // A build's info file (<id>.json) and search index (<id>.search.sqlite) go with it. A
  // server still reading a removed index keeps its open file until it opens the new one.
  for (const old of entries)
    if (!keep.has(old.replace(BESIDE_BUILD, ''))) await fs.rm(path.join(dist, 'builds', old), { recursive: true, force: true })
}
