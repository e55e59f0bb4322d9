import fs from 'node:fs'

import type { Change, SnapshotUpdate } from '../content-models/changes'
import { settings } from '../content-models/settings'
import { buildIncremental, updateFolderMaker, type IncrementalBuild } from './incremental/build'
import { buildSite, goLive, type Fence } from './publish'
import { closeSharedRenderer, sharedRenderer } from './renderer'
import { indexFoldOffThread } from './search/pagefind'
import { preloadSnapshot, readSnapshot, snapshotFile } from './snapshot'

/**
 * The site's side of publishing, in one place: a full build, an update with a publish's
 * changes, the spare folder the next update starts from, and going live. It owns the resident
 * renderer (site/renderer) and decides when it runs. The CMS's rebuilder
 * (cms/publishing/rebuilder.ts) decides when to call it and hands it the snapshot's new content;
 * it keeps the queue, the lease and the build records.
 */
export interface Publisher {
  /** Writes the snapshot with `exportSnapshot`, builds the whole site from it and puts it live. */
  full(exportSnapshot: (snapshotDir: string) => Promise<unknown>, context: PublishContext): Promise<{ pages: number }>
  /** Patches the snapshot with `patch`, renders what its changes touch and puts the result live. */
  update(patch: (snapshotDir: string) => Promise<SnapshotPatch>, context: PublishContext): Promise<PublishedUpdate>
  /**
   * While nobody publishes: reads the snapshot into memory and makes the folder the next update
   * starts from (after a full build), so that the first publish does neither.
   */
  prepare(): Promise<void>
  /** Loads the renderer ahead of the first publish, once there is a snapshot to render. */
  start(): void
  close(): Promise<void>
}

/** What a publish runs under: `signal` aborts it (its build lease was lost); going live shows the `fence`. */
export interface PublishContext {
  signal: AbortSignal
  fence?: Fence
}

/** A publish's changes, applied to this process's copy of the snapshot; `write` puts them on disk. */
export interface SnapshotPatch {
  changes: Change[]
  write: () => Promise<void>
}

export type PublishedUpdate = Pick<IncrementalBuild, 'pages' | 'searchDelta' | 'rendered' | 'phases' | 'renderedBy'> & {
  phases: Record<string, number>
}

/** Folders come from the settings when asked for, so a test that points them elsewhere is followed. */
export const createPublisher = (options: { incremental: boolean }): Publisher => {
  const folders = () => ({ snapshotDir: settings().snapshotDir, dist: settings().distDir })
  const resident = () => options.incremental && settings().residentRenderer
  let open = false
  const prepareUpdateFolder = updateFolderMaker()
  const startRenderer = () => {
    const { snapshotDir, dist } = folders()
    if (resident() && fs.existsSync(snapshotFile(snapshotDir))) sharedRenderer({ snapshotDir, dist })
  }

  return {
    async full(exportSnapshot, { signal, fence }) {
      const { snapshotDir, dist } = folders()
      // The resident renderer is idle while a full build runs but holds as much memory as Astro
      // (0.8 GB at 10k articles, 1.5 GB at 50k): it is closed, and started again afterwards.
      const hadRenderer = await closeSharedRenderer()
      try {
        await exportSnapshot(snapshotDir)
        const build = await buildSite({ snapshotDir, dist, signal })
        signal.throwIfAborted()
        await goLive(build, dist, fence)
        return { pages: build.pages }
      } finally {
        if (hadRenderer && open) sharedRenderer({ snapshotDir, dist })
      }
    },
    async update(patch, { signal, fence }) {
      const { snapshotDir, dist } = folders()
      signal.throwIfAborted()
      const started = Date.now()
      const from = readSnapshot(snapshotDir).generatedAt
      const { changes, write } = await patch(snapshotDir)
      const snapshotSeconds = (Date.now() - started) / 1000
      const renderer = resident() ? sharedRenderer({ snapshotDir, dist }) : undefined
      const update: SnapshotUpdate = { from, to: readSnapshot(snapshotDir).generatedAt, changes }
      // The snapshot file is written while the pages render; the update counts only once it is.
      const whileRendering = async () => (signal.throwIfAborted(), write())
      const build = await buildIncremental({ snapshotDir, changes, dist, renderer, update, whileRendering })
      signal.throwIfAborted()
      await goLive(build, dist, fence)
      return { ...build, phases: { snapshot: snapshotSeconds, ...build.phases } }
    },
    async prepare() {
      if (!options.incremental) return
      const { snapshotDir, dist } = folders()
      // The search delta's folding table too: made in a thread while idle, so the first update
      // does not wait for it (a failure is met again, and reported, by the update that needs it).
      const folding = indexFoldOffThread().catch(() => undefined)
      await Promise.all([preloadSnapshot(snapshotDir), prepareUpdateFolder(dist), folding])
    },
    start() {
      open = true
      startRenderer()
    },
    async close() {
      open = false
      await closeSharedRenderer()
    },
  }
}
