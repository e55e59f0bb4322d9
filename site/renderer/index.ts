import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { processSlot } from '../../content-models/processState'
import { processAlive } from '../lib/processAlive'
import { keepOutput } from '../lib/runNode'
import { childEnv, settings } from '../../content-models/settings'
import type { PartialPlan } from '../lib/partial'
import type { SnapshotUpdate } from '../../content-models/changes'
import type { FromRenderer, ToRenderer } from './protocol'

/**
 * A resident renderer (child.ts) for the site of one snapshot and dist folder. An incremental
 * publish through it renders its pages in a process that already holds the site's page code,
 * instead of an `astro build` that starts Node, loads Astro and bundles the whole site again
 * for a dozen pages (about 3 of the 3.6 s such a build took at 10k articles).
 */
export interface ResidentRenderer {
  /** Resolves when the renderer can render (its own small build is done); rejects if it failed. */
  ready: Promise<{ seconds: number }>
  /**
   * Renders what `plan` names into `outDir`, as a partial `astro build` would; `update` (the
   * change the snapshot just had) saves the renderer reading the whole snapshot again. Once
   * `ready` has resolved, the work is handed over before this returns.
   */
  render: (plan: PartialPlan, outDir: string, update?: SnapshotUpdate) => Promise<{ seconds: number }>
  /**
   * Whether the renderer's pages fit `liveDir`: they link the scripts and styles (/_astro/) of
   * the code the renderer loaded, which the live build has only if it was built from the same.
   */
  fits: (liveDir: string) => Promise<boolean>
  /** False once the process is gone (it failed, or was closed). */
  alive: () => boolean
  /** Its process id while it runs. */
  pid: () => number | undefined
  close: () => Promise<void>
}

/** Where renderers keep their build: inside the repository, so its bundle finds node_modules. */
const renderersDir = () => path.join(settings().rootDir, 'node_modules', '.cache', 'union-renderer')

/** Folders left by renderers whose process is gone (kill -9 leaves them). */
const removeAbandoned = async () => {
  for (const name of await fs.readdir(renderersDir()).catch(() => [])) {
    const pid = Number(name.split('-')[0])
    if (!processAlive(pid)) await fs.rm(path.join(renderersDir(), name), { recursive: true, force: true })
  }
}

/** Longest a round may take before the renderer is killed and the publish renders with astro build. */
const RENDER_TIMEOUT_MS = 120_000
/** How long a closed renderer may take to exit by itself. */
const CLOSE_WAIT_MS = 5_000

type Round = { resolve: (r: { seconds: number }) => void; reject: (e: Error) => void }

/** Rounds sent to a renderer and not yet answered, each with its time limit. */
class Rounds {
  private last = 0
  private readonly pending = new Map<number, Round>()

  /** Sends a round; past RENDER_TIMEOUT_MS it fails with `timedOut()`'s error and the renderer is killed. */
  send(child: ChildProcess, plan: PartialPlan, outDir: string, update: SnapshotUpdate | undefined, timedOut: () => Error) {
    return new Promise<{ seconds: number }>((resolve, reject) => {
      const id = ++this.last
      // A round takes seconds; one that hangs must not hold the publish (and the build lease) for ever.
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(timedOut())
        child.kill('SIGKILL')
      }, RENDER_TIMEOUT_MS)
      const done =
        <T>(settle: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer)
          settle(value)
        }
      this.pending.set(id, { resolve: done(resolve), reject: done(reject) })
      child.send({ type: 'render', id, plan, outDir, update } satisfies ToRenderer)
    })
  }

  /** Settles the round a message answers. */
  answer(id: number, result: { seconds: number } | Error) {
    const round = this.pending.get(id)
    this.pending.delete(id)
    if (result instanceof Error) round?.reject(result)
    else round?.resolve(result)
  }

  failAll(error: Error) {
    for (const round of this.pending.values()) round.reject(error)
    this.pending.clear()
  }
}

/** Forks the renderer process (child.ts) into `dir`, with an empty first plan in `planFile`. */
const forkRenderer = async (options: { snapshotDir: string; dist: string }, dir: string, planFile: string, output: string[]) => {
  await removeAbandoned()
  await fs.mkdir(renderersDir(), { recursive: true })
  const nothing: PartialPlan = { urls: [], prefixes: [], sitemapPages: [] }
  await fs.writeFile(planFile, JSON.stringify(nothing))
  const { rootDir } = settings()
  const child = fork(path.join(/* turbopackIgnore: true */ rootDir, 'site', 'renderer', 'child.ts'), [], {
    cwd: rootDir,
    execArgv: ['--import', 'tsx'],
    env: childEnv({
      SNAPSHOT_DIR: options.snapshotDir,
      SITE_OUT_DIR: dir,
      SITE_PARTIAL: planFile,
      ASTRO_CACHE_DIR: path.join(options.dist, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    }),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  keepOutput(child, output)
  return child
}

/** Stops a renderer: disconnected, it exits on its own (flushing what it writes on exit, such as a --cpu-prof profile); one that does not within a few seconds is killed. */
const stopRenderer = async (child: ChildProcess | undefined) => {
  if (!child) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  if (child.connected) child.disconnect()
  else child.kill()
  const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_WAIT_MS)
  await exited
  clearTimeout(timer)
}

export const startRenderer = (options: { snapshotDir: string; dist: string }): ResidentRenderer => {
  // Named by its process (removeAbandoned reads it) and a random part: a process may start several.
  const dir = path.join(renderersDir(), `${process.pid}-${randomUUID().slice(0, 8)}`)
  const planFile = `${dir}.plan.json`
  const output: string[] = []
  let child: ChildProcess | undefined
  let exited = false
  let assets: string[] = []
  const rounds = new Rounds()
  const failure = (why: string) => new Error(`${why}\n${output.join('').slice(-3000)}`)

  const ready = forkRenderer(options, dir, planFile, output).then(
    (process_) =>
      new Promise<{ seconds: number }>((resolve, reject) => {
        child = process_
        process_.on('message', (m: FromRenderer) => {
          if (m.type === 'ready') {
            assets = m.assets
            resolve({ seconds: m.seconds })
          } else if (m.type === 'rendered') rounds.answer(m.id, { seconds: m.seconds })
          else if (m.id === undefined) reject(failure(`the resident renderer could not start: ${m.error}`))
          else rounds.answer(m.id, new Error(`the resident renderer failed: ${m.error}`))
        })
        process_.on('exit', (code, signal) => {
          child = undefined
          exited = true
          const error = failure(`the resident renderer exited (${signal ?? code})`)
          reject(error)
          rounds.failAll(error)
          void fs.rm(dir, { recursive: true, force: true })
          void fs.rm(planFile, { force: true })
        })
      }),
  )
  let isReady = false
  // A renderer that failed to start is noticed by whoever waits for it, not here.
  ready.then(
    () => (isReady = true),
    () => (exited = true),
  )

  return {
    ready,
    alive: () => !exited,
    pid: () => child?.pid,
    render(plan, outDir, update) {
      const send = () =>
        child
          ? rounds.send(child, plan, outDir, update, () =>
              failure(`the resident renderer did not answer within ${RENDER_TIMEOUT_MS / 1000} s`),
            )
          : Promise.reject(failure('the resident renderer is not running'))
      // Sent before this returns when the renderer is up: the caller may then block this
      // process (writing the snapshot) while the renderer works.
      return isReady ? send() : ready.then(send)
    },
    async fits(liveDir) {
      if (!assets.length) return false
      const live = new Set(await fs.readdir(path.join(liveDir, '_astro')).catch(() => []))
      return assets.every((a) => live.has(a))
    },
    close: () => stopRenderer(child),
  }
}

const shared = processSlot<{ id: string; renderer: ResidentRenderer }>('sharedRenderer')

/** The renderer this process's incremental publishes use: started on first use, again after it died or was closed. */
export const sharedRenderer = (options: { snapshotDir: string; dist: string }): ResidentRenderer => {
  const id = `${options.snapshotDir}\n${options.dist}`
  const current = shared.get()
  if (current?.id === id && current.renderer.alive()) return current.renderer
  void current?.renderer.close()
  const renderer = startRenderer(options)
  shared.set({ id, renderer })
  return renderer
}

/** Stops this process's renderer (the server stopping its rebuilder); says whether one was running. */
export const closeSharedRenderer = async (): Promise<boolean> => {
  const current = shared.get()
  shared.set(undefined)
  const alive = current?.renderer.alive() ?? false
  await current?.renderer.close()
  return alive
}
