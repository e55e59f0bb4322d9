import fs from 'node:fs'

import type { Payload } from 'payload'

import { settings } from '../../content-models/settings'
import { exportSnapshot, localSource } from '../export'
import { explain } from '../errors'
import { configuredMediaStore } from '../media/store'
import { buildIncremental, prepareUpdateFolder } from '../../site/incremental/build'
import { buildSite, goLive, LeaseLost, type Fence } from '../../site/publish'
import { closeSharedRenderer, sharedRenderer } from '../../site/renderer'
import { readSnapshot, snapshotFile } from '../../site/snapshot'
import { acquireLease, keepLease, releaseLease, type HeldLease } from './lease'
import { handledIncrementally, patchSnapshot } from './patchSnapshot'
import { pendingRequests, requestSiteBuild, settleRequests, SITE_QUEUE, type DocRef, type SiteRequest } from './queue'

/**
 * Brings the public site up to date with the requests on the build queue (queue.ts), from
 * whichever process made them. Requests within the quiet period coalesce into one build; one
 * that arrives while a build runs is served by the next. One build at a time runs across all
 * servers sharing the database (lease.ts). Requests leave the queue only when a build has
 * served them, so a build cut short by a crash is made again by whoever works the queue next —
 * in full, since the snapshot may be half-patched. Every build is recorded in `site-builds`.
 */
export interface Rebuilder {
  /** Queues a rebuild; `doc` names the document that changed, without it the whole site is built. */
  request(reason: string, doc?: DocRef): Promise<void>
  /** Works the queue from now on (the server calls this when it starts). */
  start(): void
  stop(): void
  /** Resolves when the queue is empty and no build runs here (for tests and shutdown). */
  idle(): Promise<void>
  /** What the latest finished build in this process did (for the benchmark). */
  last(): LastBuild | undefined
}

export interface LastBuild {
  mode: 'incremental' | 'full'
  ok: boolean
  seconds: number
  rendered?: number
  searchDelta?: number
  phases?: Record<string, number>
  /** What rendered an incremental update's pages (site/incremental/build.ts). */
  renderedBy?: 'resident' | 'astro'
}

/** What a build runs under: `signal` aborts once the build lease is lost; going live shows the `fence`. */
export interface BuildContext {
  signal: AbortSignal
  fence: Fence
}

type Build = (payload: Payload, context: BuildContext) => Promise<{ pages: number }>
type Incremental = (
  payload: Payload,
  docs: DocRef[],
  context: BuildContext,
) => Promise<{ pages: number; searchDelta: number; rendered: number; phases?: Record<string, number>; renderedBy?: 'resident' | 'astro' }>

const defaultBuild: Build = async (payload, { signal, fence }) => {
  const { snapshotDir, distDir } = settings()
  await exportSnapshot(localSource(payload, configuredMediaStore()), snapshotDir)
  const build = await buildSite({ snapshotDir, dist: distDir, signal })
  signal.throwIfAborted()
  await goLive(build, distDir, fence)
  return { pages: build.pages }
}

const defaultIncremental: Incremental = async (payload, docs, { signal, fence }) => {
  const { snapshotDir, distDir } = settings()
  signal.throwIfAborted()
  const started = Date.now()
  const from = readSnapshot(snapshotDir).generatedAt
  const { changes, write } = await patchSnapshot(payload, snapshotDir, configuredMediaStore(), docs)
  const snapshotSeconds = (Date.now() - started) / 1000
  const renderer = settings().residentRenderer ? sharedRenderer({ snapshotDir, dist: distDir }) : undefined
  const update = { from, to: readSnapshot(snapshotDir).generatedAt, changes }
  // The snapshot file is written while the pages render; the update counts only once it is.
  const whileRendering = async () => (signal.throwIfAborted(), write())
  const build = await buildIncremental({ snapshotDir, changes, dist: distDir, renderer, update, whileRendering })
  signal.throwIfAborted()
  await goLive(build, distDir, fence)
  return { ...build, phases: { snapshot: snapshotSeconds, ...build.phases } }
}

/** Build records hold the start and the end of a long error (Astro's own output comes last). */
const forTheRecord = (text: string, limit = 10_000) =>
  text.length <= limit ? text : `${text.slice(0, limit / 2)}\n…\n${text.slice(-limit / 2)}`

/** How long after a request was queued its change is surely committed (a publish commits right after its hooks). */
const COMMITTED_AFTER_MS = 500

export interface RebuilderOptions {
  quietMs?: number
  build?: Build
  incremental?: Incremental | false
  /** The queue this rebuilder works (tests give theirs a queue of its own). */
  queue?: string
  /** How often an idle rebuilder looks for requests made by other processes. */
  pollMs?: number
  /** How often the build lease is renewed while a build runs (default: five times in its life). */
  heartbeatMs?: number
}

export const createRebuilder = (payload: Payload, options: RebuilderOptions = {}): Rebuilder => {
  const quietMs = options.quietMs ?? settings().rebuildQuietMs
  const build = options.build ?? defaultBuild
  const incremental = options.incremental ?? (settings().siteIncremental ? defaultIncremental : false)
  const queue = options.queue ?? SITE_QUEUE
  const pollMs = options.pollMs ?? 1000
  // Past this many pages in the search delta, the next build is a full one: the delta index
  // is downloaded on top of the main one by every search, so it must stay small.
  const deltaLimit = settings().searchDeltaLimit
  let lastBuild: LastBuild | undefined
  let running = false
  let started = false
  let timer: NodeJS.Timeout | undefined
  let waiters: (() => void)[] = []

  const wake = (ms = 0) => {
    if (!started) return
    clearTimeout(timer)
    timer = setTimeout(() => void tick(), ms)
  }

  const settle = () => {
    for (const w of waiters) w()
    waiters = []
  }

  /** A build that was running when its server died left its record "running": it never finished. */
  const interrupted = async (): Promise<boolean> => {
    const stale = await payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'running' } },
      depth: 0,
      limit: 100,
      pagination: false,
    })
    for (const record of stale.docs) {
      await payload.update({
        collection: 'site-builds',
        id: record.id,
        data: { status: 'failed', finishedAt: new Date().toISOString(), error: '生成中途中断（服务器进程退出），已改为整站重建。' },
      })
    }
    return stale.docs.length > 0
  }

  /** The snapshot and the live site agree only after a successful build; after a failure the next one is full. */
  const lastFailed = async () => {
    const { docs } = await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })
    return docs[0]?.status === 'failed'
  }

  /** A build whose lease was lost is recorded as such and serves nothing: the lease's new holder builds its requests. */
  const leaseLost = async (id: string | number, error: unknown) => {
    lastBuild = { mode: lastBuild?.mode ?? 'full', ok: false, seconds: 0 }
    await payload.update({
      collection: 'site-builds',
      id,
      data: {
        status: 'failed',
        finishedAt: new Date().toISOString(),
        error: forTheRecord(`生成锁已失效，本次生成未上线：${explain(error)}`),
      },
    })
    payload.logger.warn({ err: error }, '[site] 生成锁已被其他服务器接管，本次生成未上线')
    return false
  }

  /** Runs one build for the batch; false when it served nothing (the lease was lost). */
  const run = async (batch: SiteRequest[], held: HeldLease): Promise<boolean> => {
    const context = { signal: held.signal, fence: held.fence }
    const lost = (error: unknown) => error instanceof LeaseLost || held.signal.aborted
    const reason = [...new Set(batch.map((r) => r.reason))].join('；').slice(0, 500)
    const docs = batch.map((r) => r.doc)
    const needsFull = (await interrupted()) || (await lastFailed())
    const startedAt = Date.now()
    const canUpdate = incremental && !needsFull && docs.every(handledIncrementally)
    const record = await payload.create({
      collection: 'site-builds',
      data: { status: 'running', mode: canUpdate ? 'incremental' : 'full', reason, startedAt: new Date(startedAt).toISOString() },
    })
    const finish = async (data: Record<string, unknown>) => {
      const seconds = (Date.now() - startedAt) / 1000
      await payload.update({ collection: 'site-builds', id: record.id, data: { ...data, finishedAt: new Date().toISOString(), seconds } })
      return seconds
    }
    if (canUpdate) {
      try {
        const result = await incremental(payload, docs as DocRef[], context)
        const seconds = await finish({ status: 'succeeded', pages: result.pages })
        lastBuild = {
          mode: 'incremental',
          ok: true,
          seconds,
          rendered: result.rendered,
          searchDelta: result.searchDelta,
          phases: result.phases,
          renderedBy: result.renderedBy,
        }
        payload.logger.info(`[site] 已上线（增量）：重新生成 ${result.rendered} 个页面，用时 ${seconds.toFixed(1)} 秒（${reason}）`)
        if (result.searchDelta > deltaLimit)
          await requestSiteBuild(payload, `搜索增量索引已有 ${result.searchDelta} 页，整站重建`, undefined, { queue })
        return true
      } catch (error) {
        if (lost(error)) return leaseLost(record.id, error)
        payload.logger.warn({ err: error }, '[site] 增量更新失败，改为整站重建')
        await payload.update({
          collection: 'site-builds',
          id: record.id,
          data: { mode: 'full', error: forTheRecord(`增量更新失败，已改为整站重建：${explain(error)}`) },
        })
      }
    }
    // The resident renderer is idle while a full build runs but holds as much memory as Astro
    // (0.8 GB at 10k articles, 1.5 GB at 50k): it is closed, and started again afterwards.
    const hadRenderer = await closeSharedRenderer()
    try {
      const { pages } = await build(payload, context)
      const seconds = await finish({ status: 'succeeded', pages })
      lastBuild = { mode: 'full', ok: true, seconds }
      payload.logger.info(`[site] 已上线：${pages} 个页面，用时 ${seconds.toFixed(1)} 秒（${reason}）`)
    } catch (error) {
      if (lost(error)) return leaseLost(record.id, error)
      lastBuild = { mode: 'full', ok: false, seconds: await finish({ status: 'failed', error: forTheRecord(explain(error)) }) }
      payload.logger.error({ err: error }, '[site] 网站生成失败，线上网站保持不变')
    } finally {
      const { snapshotDir, distDir } = settings()
      if (hadRenderer && started) sharedRenderer({ snapshotDir, dist: distDir })
    }
    return true
  }

  const tick = async () => {
    if (running || !started) return
    running = true
    let next = pollMs
    // Only callers waiting before this look at the queue may be told it is empty: a request
    // committed while it looked is seen by the next one.
    const waiting = waiters
    waiters = []
    try {
      const pending = await pendingRequests(payload, queue)
      if (!pending.length) {
        for (const w of waiting) w()
        // Someone began waiting while this look ran: look again for them at once.
        if (waiters.length) next = 0
        // While nobody publishes, the next update's folder is made ready (after a full build).
        else if (incremental)
          await prepareUpdateFolder(settings().distDir).catch((error: unknown) =>
            payload.logger.warn({ err: error }, '[site] 未能预先准备下次增量更新的目录，下次更新时再复制'),
          )
        return
      }
      waiters.unshift(...waiting)
      // A request is queued inside its change's transaction, which this process's reads may see
      // before it commits: a build waits until the newest request is old enough to be committed.
      const wait = Math.max(quietMs, COMMITTED_AFTER_MS)
      const quietFor = Date.now() - Math.max(...pending.map((r) => new Date(r.createdAt).getTime()))
      if (quietFor < wait) {
        next = wait - quietFor
        return
      }
      const lease = await acquireLease(payload)
      if (!lease) return // another server is building; look again soon
      const held = keepLease(payload, lease, options.heartbeatMs)
      try {
        // Everything queued up to now is served by this build; later requests by the next.
        const batch = await pendingRequests(payload, queue)
        if (await run(batch, held)) await settleRequests(payload, batch)
        next = 0
      } finally {
        held.stop()
        await releaseLease(payload, lease).catch(() => undefined)
      }
    } catch (error) {
      if (!waiters.includes(waiting[0]!)) waiters.unshift(...waiting)
      payload.logger.error({ err: error }, '[site] 处理网站生成队列时出错，稍后重试')
    } finally {
      running = false
      wake(next)
    }
  }

  return {
    async request(reason, doc) {
      await requestSiteBuild(payload, reason, doc, { queue })
      if (!started) this.start()
      else if (!running) wake(0)
    },
    start() {
      if (started) return
      started = true
      // The renderer loads the site's pages once, ahead of the first publish, once there is a snapshot to render.
      const { snapshotDir, distDir, residentRenderer } = settings()
      if (incremental && residentRenderer && fs.existsSync(snapshotFile(snapshotDir))) sharedRenderer({ snapshotDir, dist: distDir })
      wake(0)
    },
    stop() {
      started = false
      clearTimeout(timer)
      settle()
      void closeSharedRenderer()
    },
    last: () => lastBuild,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
        if (!started) settle()
        else if (!running) wake(0)
      }),
  }
}

/** One rebuilder per process; the server starts it, any process may queue through it. */
const key = Symbol.for('union-portal.rebuilder')
export const rebuilderFor = (payload: Payload): Rebuilder => {
  const holder = globalThis as unknown as Record<symbol, Rebuilder | undefined>
  return (holder[key] ??= createRebuilder(payload))
}
