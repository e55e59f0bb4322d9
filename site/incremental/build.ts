import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import { compressFiles, compressTree } from '../compress'
import { htmlFiles, pageUrl, urlFile } from '../lib/outputFiles'
import { processAlive } from '../lib/processAlive'
import type { PartialPlan } from '../lib/partial'
import { settings } from '../../content-models/settings'
import { countPages, liveDir, newBuildId, readBuildInfo, runAstro, writeBuildInfo, type SiteBuild } from '../publish'
import type { ResidentRenderer } from '../renderer'
import { readSitemapUrls } from '../renderer/sitemap'
import { readSnapshot } from '../snapshot'
import type { Change, SnapshotUpdate } from '../../content-models/changes'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { removedUrls, touchedPages } from './plan'
import { updateServerIndex } from '../search/build'
import { removeIndexOf } from '../search/files'
import { DELTA_FOLDER } from '../search/pagefind'
import { updateSearchDelta } from './searchDelta'

export interface IncrementalBuild extends SiteBuild {
  /** Pages Astro rendered for this change. */
  rendered: number
  /** Pages removed from the carried-over site. */
  removed: number
  /** Pages in the search delta index after this update. */
  searchDelta: number
  /** What rendered the pages: the resident renderer, or a partial `astro build`. */
  renderedBy: 'resident' | 'astro'
  /**
   * Seconds spent in each step, for the benchmark; `merge` includes making the new build's folder,
   * which runs while the pages render, and `search` is only what was left after the pages were merged.
   */
  phases: Record<'plan' | 'astro' | 'merge' | 'search', number>
}

/** Absolute URLs listed in a build's sitemap, in its order (site/renderer/sitemap.ts reads it). */
const sitemapUrls = async (dir: string): Promise<string[]> => {
  const urls = await readSitemapUrls(dir)
  return urls
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  )

/** A copy of a build that shares unchanged files with it (hard links); the source is never written to. */
const linkCopy = async (from: string, to: string) => {
  await promisify(execFile)('cp', ['-al', from, to]).catch(async () => fs.cp(from, to, { recursive: true }))
}

/** Replaces `to`'s copy of a file by `from`'s, as a new link: readers of the old one keep it. */
const relink = async (from: string, to: string) => {
  await fs.mkdir(path.dirname(to), { recursive: true })
  const temp = `${to}.${process.pid}.link`
  await fs.rm(temp, { force: true })
  await fs.link(from, temp)
  await fs.rename(temp, to)
}

/** The build before `live` when an update can reuse it: `live` is an update of it, and it is still there. */
const reusableBase = async (live: string, dist: string) => {
  const info = await readBuildInfo(live)
  const previous = info?.base ? path.join(dist, 'builds', info.base) : undefined
  return info && previous && (await exists(previous)) ? { info, previous } : undefined
}

/** Where a link copy of a live build that has no reusable base waits for its first update. */
const spareOf = (dist: string, live: string) => path.join(dist, 'spare', path.basename(live))

/**
 * The folder an update is made in, holding what `live` holds. Copying the live build means a
 * new directory per page (14k at 10k articles, ~2 s; 70k at 50k, 17 s); instead the build
 * before it, which differs from it only by the files its update wrote and removed, is brought
 * level and reused (renamed). After a full build there is none: the copy made while nobody was
 * publishing (updateFolderMaker) is taken, or one is made now.
 */
const startFrom = async (live: string, dir: string, dist: string) => {
  const base = await reusableBase(live, dist)
  if (!base) {
    const spare = spareOf(dist, live)
    return fs.rename(spare, dir).catch(() => linkCopy(live, dir))
  }
  const { info, previous } = base
  await fs.rename(previous, dir)
  await fs.rm(`${previous}.json`, { force: true })
  for (const file of info.written) await relink(path.join(live, file), path.join(dir, file))
  for (const file of info.removed) await fs.rm(path.join(dir, file), { force: true })
  await fs.rm(path.join(dir, DELTA_FOLDER), { recursive: true, force: true })
  await linkCopy(path.join(live, DELTA_FOLDER), path.join(dir, DELTA_FOLDER)).catch(() => undefined)
}

/**
 * Makes the folder the next update of the live site starts from when it would otherwise have
 * to copy the live build (after a full build: 17 s of a first publish at 50k articles), so
 * that the copy is made while nobody waits (the rebuilder asks the publisher when its queue is
 * empty). Says whether it made one. Builds are never written once live, so the copy stays
 * level. One maker per publisher: it remembers the copy it is making (a second call waits for
 * it) and the live build it last found to need nothing (the idle rebuilder asks every second).
 */
export const updateFolderMaker = () => {
  let preparing: Promise<boolean> | undefined
  const seen: { settled?: string } = {}
  return (dist = settings().distDir): Promise<boolean> =>
    (preparing ??= makeUpdateFolder(dist, seen).finally(() => (preparing = undefined)))
}

/** `<spare>.<pid>.<random>.tmp`: a copy of the spare being made, by the process `pid`. */
const tempOf = (spare: string) => `${spare}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`
const makerOf = (spare: string, name: string) =>
  name.startsWith(`${path.basename(spare)}.`) && name.endsWith('.tmp')
    ? Number(name.slice(path.basename(spare).length + 1).split('.')[0])
    : undefined

/**
 * Copies of builds no longer live, and copies cut off half-way, are of no use. A copy another
 * maker is making of the same build is left alone: the first to finish provides the spare.
 */
const removeUselessCopies = async (spare: string) => {
  for (const name of await fs.readdir(path.dirname(spare)).catch(() => [] as string[])) {
    const maker = makerOf(spare, name)
    const inUse = name === path.basename(spare) || (maker !== undefined && processAlive(maker))
    if (!inUse) await fs.rm(path.join(path.dirname(spare), name), { recursive: true, force: true })
  }
}

const makeUpdateFolder = async (dist: string, seen: { settled?: string }): Promise<boolean> => {
  const live = await fs.realpath(liveDir(dist)).catch(() => undefined)
  if (!live || live === seen.settled) return false
  const spare = spareOf(dist, live)
  if ((await reusableBase(live, dist)) || (await exists(spare))) {
    seen.settled = live
    return false
  }
  await removeUselessCopies(spare)
  await fs.mkdir(path.dirname(spare), { recursive: true })
  const temp = tempOf(spare)
  try {
    await linkCopy(live, temp)
    await fs.rename(temp, spare)
  } catch (error) {
    // Another maker's copy went in first.
    if (!(await exists(spare))) throw error
    return false
  } finally {
    await fs.rm(temp, { recursive: true, force: true })
  }
  seen.settled = live
  return true
}

/** HTML files under the folders of the given URL prefixes (not the whole site). */
const htmlFilesUnder = async (dir: string, prefixes: Iterable<string>): Promise<string[]> => {
  const files = new Set<string>()
  for (const prefix of prefixes) {
    const folder = path.join(dir, prefix.endsWith('/') ? prefix : path.dirname(prefix))
    if (!(await exists(folder))) continue
    for (const f of await htmlFiles(folder)) files.add(f)
  }
  return [...files]
}

/** Moves every file of `from` into `to`; returns their paths relative to `to`. */
const moveInto = async (from: string, to: string): Promise<string[]> => {
  const moved: string[] = []
  for (const entry of await fs.readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const source = path.join(entry.parentPath, entry.name)
    const relative = path.relative(from, source)
    const target = path.join(to, relative)
    await fs.mkdir(path.dirname(target), { recursive: true })
    // rename replaces the link in the new build only; the live build keeps its own copy.
    await fs.rename(source, target)
    moved.push(relative)
  }
  return moved
}

/**
 * The resident renderer, if it can render for `live`: it started, and the live build has the
 * scripts and styles its pages link (it was built from the same code). One that cannot is
 * closed, so the next publish starts a fresh one; this one renders with `astro build`, as it
 * does when the renderer is not up within READY_WAIT_MS.
 */
const usable = async (renderer: ResidentRenderer | undefined, live: string) => {
  if (!renderer) return undefined
  const state = await Promise.race([
    renderer.ready.then(
      () => 'ready' as const,
      (error: unknown) => {
        // Loud: a renderer that cannot start makes every publish slow (its reason may be a
        // changed Astro, site/renderer/astroAdapter.ts).
        console.error('[site] the resident renderer could not start; this publish renders with astro build', error)
        return 'failed' as const
      },
    ),
    new Promise<'starting'>((resolve) => setTimeout(() => resolve('starting'), READY_WAIT_MS).unref()),
  ])
  // Still starting (waiting for a full build to let go of Astro, say): this publish does without it.
  if (state === 'starting') return undefined
  if (state === 'ready' && (await renderer.fits(live))) return renderer
  await renderer.close()
  return undefined
}

/** How long a publish waits for a renderer that is starting (its own build takes seconds). */
const READY_WAIT_MS = 60_000

interface UpdateOptions {
  snapshotDir: string
  changes: Change[]
  dist?: string
  /** Renders the pages; without one (or when it cannot), a partial `astro build` does. */
  renderer?: ResidentRenderer
  /** The snapshot update `changes` came from, which the renderer replays instead of reading the file again. */
  update?: SnapshotUpdate
  /**
   * Work that needs no pages, run while the resident renderer renders them (before, for astro
   * build, which reads what it does): the publisher writes the snapshot file. Its failure fails the update.
   */
  whileRendering?: () => Promise<void>
}

/** What an update renders: the plan's pages, and the detail pages removed. */
interface UpdatePlan {
  plan: PartialPlan
  removed: Set<string>
}

/** The pages the changes touch (site/incremental/plan.ts, from the snapshot) and the sitemap entries kept. */
const planUpdate = async (live: string, changes: Change[], snapshot: ContentSnapshot): Promise<UpdatePlan> => {
  const removed = new Set(removedUrls(changes))
  const { urls, prefixes } = touchedPages(changes, snapshot)
  // Pages the plan names are in the sitemap only if this build renders them again.
  const named = new Set([...urls, ...removed])
  const sitemapPages = (await sitemapUrls(live)).filter((u) => {
    const page = new URL(u).pathname
    return !named.has(page) && !prefixes.some((p) => page.startsWith(p))
  })
  return { plan: { urls, prefixes, sitemapPages }, removed }
}

/**
 * Renders the plan's pages into `work`: with the resident renderer when it can, while the
 * `whileRendering` work runs beside it; otherwise with a partial `astro build`.
 */
const renderPages = async (
  options: UpdateOptions,
  live: string,
  dist: string,
  work: { dir: string; planFile: string; plan: PartialPlan },
): Promise<IncrementalBuild['renderedBy']> => {
  const renderer = await usable(options.renderer, live)
  let besides: Promise<void> | undefined
  const runBesides = () => (besides ??= options.whileRendering?.() ?? Promise.resolve())
  const rendering = renderer?.render(work.plan, work.dir, options.update)
  if (rendering) void runBesides().catch(() => undefined)
  const resident = await rendering?.then(
    () => true,
    async (error: unknown) => {
      // Its failure may be its own (a page module it could not load): astro build decides.
      console.warn('[site] the resident renderer failed; rendering with astro build instead', error)
      await renderer?.close()
      await fs.rm(work.dir, { recursive: true, force: true })
      return false
    },
  )
  if (!resident) {
    await runBesides()
    await runAstro(work.dir, dist, { SNAPSHOT_DIR: options.snapshotDir, SITE_PARTIAL: work.planFile })
  }
  await runBesides()
  return resident ? 'resident' : 'astro'
}

/**
 * Moves the rendered pages into the new build. For the pages the plan names the partial build
 * is the whole truth: one it did not render is gone.
 */
const mergeRendered = async (work: string, dir: string, { plan, removed }: UpdatePlan, snapshotDir: string) => {
  const { urls, prefixes } = plan
  const renderedUrls = new Set((await htmlFiles(work)).map((f) => pageUrl(work, f)))
  const gone: string[] = []
  const candidates = [
    ...(await htmlFilesUnder(dir, [...prefixes, ...removed])),
    ...urls.filter((u) => u.endsWith('/')).map((u) => path.join(dir, urlFile(u))),
  ]
  for (const file of new Set(candidates)) {
    const url = pageUrl(dir, file)
    if (renderedUrls.has(url) || !(await exists(file))) continue
    if (removed.has(url) || urls.includes(url) || prefixes.some((p) => url.startsWith(p))) {
      await fs.rm(file)
      gone.push(url)
    }
  }
  let added = 0
  for (const url of renderedUrls) if (url.endsWith('/') && !(await exists(path.join(dir, urlFile(url))))) added++
  const written = await moveInto(work, dir)
  written.push(...(await copyMissingMedia(path.join(snapshotDir, 'media'), path.join(dir, 'media'))))
  // The compressed copies follow their files: rewritten with them, removed with them.
  const copies = await compressFiles(dir, [...written, ...gone.map(urlFile)])
  return { rendered: renderedUrls.size, gone, added, written: [...written, ...copies.written], removedCopies: copies.removed }
}

/** Seconds since the last call, per step of an update (for the benchmark). */
const stopwatch = () => {
  let mark = Date.now()
  return () => {
    const now = Date.now()
    const seconds = (now - mark) / 1000
    mark = now
    return seconds
  }
}

/**
 * Renders only what `changes` touch, on top of a copy of the live build: the changed pages,
 * the listings and archives they appear in, pages linking to removed or renamed ones, the
 * always-rendered pages (home, indexes, hotlines, feed, sitemap), and a small search index
 * of the pages changed since the last full build. Everything else is carried over.
 * Rejects when there is no live build to start from; the caller then builds in full.
 */
export const buildIncremental = async (options: UpdateOptions): Promise<IncrementalBuild> => {
  const dist = options.dist ?? settings().distDir
  const started = Date.now()
  const live = await fs.realpath(liveDir(dist)).catch(() => {
    throw new Error('no live build to update; a full build is needed')
  })
  const lap = stopwatch()
  const phases = { plan: 0, astro: 0, merge: 0, search: 0 }
  const id = newBuildId()
  const dir = path.join(dist, 'builds', id)
  const work = path.join(dist, 'partial', id)
  const planFile = `${work}.json`
  const snapshot = readSnapshot(options.snapshotDir)
  const update = await planUpdate(live, options.changes, snapshot)
  await fs.mkdir(path.dirname(planFile), { recursive: true })
  await fs.writeFile(planFile, JSON.stringify(update.plan))
  phases.plan = lap()
  // The pages need only the plan: the new build's folder is made from the live one, and the
  // search indexes are updated in it (from the snapshot, not the pages; the server index shares
  // the live one's full index and writes its changes beside it), while they render.
  const making = Date.now()
  const made = startFrom(live, dir, dist).then(() => (Date.now() - making) / 1000)
  const searching = made.then(() =>
    Promise.all([
      updateSearchDelta({ live, dir, snapshot, changes: options.changes }),
      updateServerIndex({ snapshotDir: options.snapshotDir, snapshot, buildDir: dir, liveDir: live, changes: options.changes }),
    ]),
  )
  // Awaited below; a rendering failure must not leave their rejections unhandled meanwhile.
  searching.catch(() => undefined)
  try {
    const renderedBy = await renderPages(options, live, dist, { dir: work, planFile, plan: update.plan })
    phases.astro = lap()
    phases.merge = await made
    const { rendered, gone, added, written, removedCopies } = await mergeRendered(work, dir, update, options.snapshotDir)
    phases.merge += lap()
    const [searchDelta] = await searching
    await compressTree(dir, DELTA_FOLDER)
    phases.search = lap()
    const livePages = (await readBuildInfo(live))?.pages
    const pages = livePages === undefined ? await countPages(dir) : livePages - gone.length + added
    await writeBuildInfo(dir, { pages, base: path.basename(live), written, removed: [...gone.map(urlFile), ...removedCopies] })
    return { dir, pages, seconds: (Date.now() - started) / 1000, rendered, removed: gone.length, searchDelta, phases, renderedBy }
  } catch (error) {
    // Nothing may still be writing into the folder being removed.
    await searching.catch(() => undefined)
    await fs.rm(dir, { recursive: true, force: true })
    await removeIndexOf(dir)
    throw error
  } finally {
    await fs.rm(work, { recursive: true, force: true })
    await fs.rm(planFile, { force: true })
  }
}

const copyMissingMedia = async (from: string, to: string): Promise<string[]> => {
  await fs.mkdir(to, { recursive: true })
  const have = new Set(await fs.readdir(to))
  const copied: string[] = []
  for (const name of await fs.readdir(from).catch(() => [] as string[])) {
    if (have.has(name)) continue
    await fs.copyFile(path.join(from, name), path.join(to, name))
    copied.push(path.join('media', name))
  }
  return copied
}
