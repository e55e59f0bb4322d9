import type { Payload, PayloadRequest } from 'payload'

import { processSlot } from '../../content-models/processState'
import { settings } from '../../content-models/settings'
import { exportSnapshot, localSource } from '../export'
import { explain } from '../errors'
import { configuredMediaStore } from '../media/store'
import { LeaseLost, type Fence } from '../../site/publish'
import { createPublisher, type Publisher, type PublishedUpdate } from '../../site/publisher'
import { closeInterrupted, forTheRecord, lastFailed, openRecord, type BuildRecord } from './buildRecords'
import { acquireLease, keepLease, releaseLease, type HeldLease } from './lease'
import { handledIncrementally, patchSnapshot } from './patchSnapshot'
import { pendingRequests, requestSiteBuild, settleRequests, SITE_QUEUE, type DocRef, type SiteRequest } from './queue'

/**
 * Brings the public site up to date with the requests on the build queue (queue.ts), from
 * whichever process made them. A request is built at once when no build runs; those that
 * arrive while one runs are served together by the next (`quietMs`, 0 by default, adds a wait
 * for more edits). This process's own publishes wake it as soon as they commit; requests from
 * other processes are found by looking at the queue every `pollMs`. One build at a time runs
 * across all servers sharing the database (lease.ts). Requests leave the queue only when a
 * build has served them, so a build cut short by a crash is made again by whoever works the
 * queue next — in full, since the snapshot may be half-patched — and a failed one is tried again
 * later. Every build is recorded in `site-builds` (buildRecords.ts). What a build does to the site is the site's business
 * (site/publisher.ts).
 */
export interface Rebuilder {
  /** Queues a rebuild; `doc` names the document that changed, without it the whole site is built. */
  request(reason: string, doc?: DocRef): Promise<void>
  /** A request this process queued inside `req`'s transaction (a publish hook): worked once that commits. */
  queued(jobId: string | number, req: PayloadRequest): void
  /** Works the queue from now on (the server calls this when it starts). */
  start(): void
  stop(): void
  /**
   * Resolves when no build runs here and the queue is empty, or its build failed and waits for
   * the retry (for tests and shutdown).
   */
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
type Incremental = (payload: Payload, docs: DocRef[], context: BuildContext) => Promise<Partial<PublishedUpdate> & { pages: number }>

/**
 * How long after a request was queued its change is surely committed (a publish commits right
 * after its hooks): the wait for a request this process did not see commit (`queued`).
 */
const COMMITTED_AFTER_MS = 500

/**
 * Resolves once the writes made with `req` are committed; says whether they are. Payload keeps a
 * transaction's id in `req.transactionID` and removes it when it commits or rolls back. While it
 * is being begun the field holds a Promise, which stays there when the adapter began none (the
 * SQLite adapter, unless given transactionOptions): each write then commits as it is made, so the
 * request, written before the hook asked, is committed already. Without that case every publish
 * from this process waited for the next look at the queue.
 */
export const transactionEnded = async (req: PayloadRequest): Promise<boolean> => {
  if (req.transactionID instanceof Promise && !(await req.transactionID.catch(() => undefined))) return true
  for (const deadline = Date.now() + COMMITTED_AFTER_MS * 20; req.transactionID !== undefined && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 5))
  return req.transactionID === undefined
}

export interface RebuilderOptions {
  quietMs?: number
  build?: Build
  incremental?: Incremental | false
  /** The queue this rebuilder works (tests give theirs a queue of its own). */
  queue?: string
  /** How often an idle rebuilder looks for requests made by other processes. */
  pollMs?: number
  /**
   * A failed build's requests stay queued and are tried again this much later (a full disk is
   * freed, a bug fixed), twice as late after each further failure, at most 30 minutes: a build
   * that keeps failing must not keep the server's cores busy.
   */
  retryMs?: number
  /** How often the build lease is renewed while a build runs (default: five times in its life). */
  heartbeatMs?: number
}

const lost = (error: unknown, held: HeldLease) => error instanceof LeaseLost || held.signal.aborted

/**
 * How a batch's build ended: the site serves it; it failed (its requests wait for the retry); or
 * the lease was lost (the lease's new holder builds its requests).
 */
type Outcome = 'served' | 'failed' | 'lost'

/** One build for a batch of requests: incremental when it can be, else (or when that fails) full. */
class BatchBuild {
  constructor(
    private readonly rebuilder: QueueRebuilder,
    private readonly batch: SiteRequest[],
    private readonly held: HeldLease,
  ) {}

  private get payload() {
    return this.rebuilder.payload
  }
  private get context(): BuildContext {
    return { signal: this.held.signal, fence: this.held.fence }
  }
  private get reason() {
    return [...new Set(this.batch.map((r) => r.reason))].join('；').slice(0, 500)
  }

  async run(): Promise<Outcome> {
    const docs = this.batch.map((r) => r.doc)
    const { incremental } = this.rebuilder
    const needsFull = (await closeInterrupted(this.payload)) || (await lastFailed(this.payload))
    const canUpdate = incremental && !needsFull && docs.every(handledIncrementally)
    const record = await openRecord(this.payload, { mode: canUpdate ? 'incremental' : 'full', reason: this.reason })
    if (canUpdate) {
      try {
        return await this.update(incremental, docs as DocRef[], record)
      } catch (error) {
        if (lost(error, this.held)) return this.leaseLost(record, error)
        this.payload.logger.warn({ err: error }, '[site] 增量更新失败，改为整站重建')
        await record.fallBack(error)
      }
    }
    return this.full(record)
  }

  private async update(incremental: Incremental, docs: DocRef[], record: BuildRecord): Promise<Outcome> {
    const result = await incremental(this.payload, docs, this.context)
    const seconds = await record.finish({ status: 'succeeded', pages: result.pages })
    const { rendered, searchDelta, phases, renderedBy } = result
    this.rebuilder.lastBuild = { mode: 'incremental', ok: true, seconds, rendered, searchDelta, phases, renderedBy }
    this.payload.logger.info(`[site] 已上线（增量）：重新生成 ${rendered} 个页面，用时 ${seconds.toFixed(1)} 秒（${this.reason}）`)
    // Past this many pages in the search delta, the next build is a full one: the delta index
    // is downloaded on top of the main one by every search, so it must stay small.
    if ((searchDelta ?? 0) > settings().searchDeltaLimit)
      await requestSiteBuild(this.payload, `搜索增量索引已有 ${searchDelta} 页，整站重建`, undefined, { queue: this.rebuilder.queue })
    return 'served'
  }

  private async full(record: BuildRecord): Promise<Outcome> {
    try {
      const { pages } = await this.rebuilder.build(this.payload, this.context)
      const seconds = await record.finish({ status: 'succeeded', pages })
      this.rebuilder.lastBuild = { mode: 'full', ok: true, seconds }
      this.payload.logger.info(`[site] 已上线：${pages} 个页面，用时 ${seconds.toFixed(1)} 秒（${this.reason}）`)
      return 'served'
    } catch (error) {
      if (lost(error, this.held)) return this.leaseLost(record, error)
      const seconds = await record.finish({ status: 'failed', error: forTheRecord(explain(error)) })
      this.rebuilder.lastBuild = { mode: 'full', ok: false, seconds }
      this.payload.logger.error({ err: error }, '[site] 网站生成失败，线上网站保持不变，稍后重试')
      return 'failed'
    }
  }

  private async leaseLost(record: BuildRecord, error: unknown): Promise<Outcome> {
    const seconds = await record.finish({ status: 'failed', error: forTheRecord(`生成锁已失效，本次生成未上线：${explain(error)}`) })
    this.rebuilder.lastBuild = { mode: 'full', ok: false, seconds }
    this.payload.logger.warn({ err: error }, '[site] 生成锁已被其他服务器接管，本次生成未上线')
    return 'lost'
  }
}

/** Works the queue: looks when woken or every `pollMs`, and builds under the lease. */
class QueueRebuilder implements Rebuilder {
  readonly build: Build
  readonly incremental: Incremental | false
  readonly queue: string
  lastBuild: LastBuild | undefined
  private readonly publisher: Publisher
  private readonly quietMs: number
  private readonly pollMs: number
  private readonly retryMs: number
  private failedInARow = 0
  private running = false
  /**
   * Something was asked for after the running look read the queue: a request that committed
   * meanwhile is not in what it read, so it looks again at once instead of at its next poll.
   */
  private lookAgain = false
  private started = false
  private timer: NodeJS.Timeout | undefined
  private waiters: (() => void)[] = []
  /** Requests this process queued and saw committed: built without the commit margin. */
  private readonly committedHere = new Set<string>()

  constructor(
    readonly payload: Payload,
    private readonly options: RebuilderOptions,
  ) {
    const incremental = options.incremental ?? (settings().siteIncremental ? undefined : false)
    this.publisher = createPublisher({ incremental: incremental !== false })
    this.quietMs = options.quietMs ?? settings().rebuildQuietMs
    this.pollMs = options.pollMs ?? 1000
    this.retryMs = options.retryMs ?? 60_000
    this.queue = options.queue ?? SITE_QUEUE
    const media = configuredMediaStore
    this.build = options.build ?? ((p, context) => this.publisher.full((dir) => exportSnapshot(localSource(p, media()), dir), context))
    this.incremental = incremental ?? ((p, docs, context) => this.publisher.update((dir) => patchSnapshot(p, dir, media(), docs), context))
  }

  private wake(ms = 0) {
    if (!this.started) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.tick(), ms)
  }

  /** Looks at the queue now, or right after the look that is running. */
  private nudge() {
    if (this.running) this.lookAgain = true
    else this.wake(0)
  }

  private settle() {
    for (const w of this.waiters) w()
    this.waiters = []
  }

  /** How long the batch must still wait: for more edits (quietMs), and for requests not seen to commit. */
  private waitFor(pending: SiteRequest[]) {
    const margin = (r: SiteRequest) => Math.max(this.quietMs, this.committedHere.has(String(r.jobId)) ? 0 : COMMITTED_AFTER_MS)
    return Math.max(...pending.map((r) => margin(r) - (Date.now() - new Date(r.createdAt).getTime())))
  }

  /**
   * With the lease, builds everything queued up to now (later requests are served by the next
   * build); says when to look at the queue next.
   */
  private async buildUnderLease(): Promise<number> {
    const lease = await acquireLease(this.payload)
    if (!lease) return this.pollMs // another server is building; look again soon
    const held = keepLease(this.payload, lease, this.options.heartbeatMs)
    try {
      const batch = await pendingRequests(this.payload, this.queue)
      const outcome = await new BatchBuild(this, batch, held).run()
      if (outcome === 'served') {
        await settleRequests(this.payload, batch)
        for (const r of batch) this.committedHere.delete(String(r.jobId))
        this.failedInARow = 0
      } else if (outcome === 'failed') {
        // Kept for the retry; whoever waits is told this attempt is over.
        this.settle()
        return Math.min(this.retryMs * 2 ** this.failedInARow++, 30 * 60_000)
      }
      return 0
    } finally {
      held.stop()
      await releaseLease(this.payload, lease).catch(() => undefined)
    }
  }

  /** While nobody publishes, the snapshot is read and the next update's folder made ready (after a full build). */
  private async whileIdle() {
    if (!this.incremental) return
    await this.publisher
      .prepare()
      .catch((error: unknown) =>
        this.payload.logger.warn({ err: error }, '[site] 未能预先读入内容快照或准备下次增量更新的目录，下次更新时再做'),
      )
  }

  private async tick() {
    if (this.running || !this.started) return
    this.running = true
    this.lookAgain = false
    let next = this.pollMs
    // Only callers waiting before this look at the queue may be told it is empty: a request
    // committed while it looked is seen by the next one.
    const waiting = this.waiters
    this.waiters = []
    try {
      const pending = await pendingRequests(this.payload, this.queue)
      if (!pending.length) {
        for (const w of waiting) w()
        // Someone began waiting while this look ran: look again for them at once.
        if (this.waiters.length) next = 0
        else await this.whileIdle()
        return
      }
      this.waiters.unshift(...waiting)
      const wait = this.waitFor(pending)
      next = wait > 0 ? wait : await this.buildUnderLease()
    } catch (error) {
      if (!this.waiters.includes(waiting[0]!)) this.waiters.unshift(...waiting)
      this.payload.logger.error({ err: error }, '[site] 处理网站生成队列时出错，稍后重试')
    } finally {
      this.running = false
      this.wake(this.lookAgain ? 0 : next)
    }
  }

  async request(reason: string, doc?: DocRef) {
    this.committedHere.add(String(await requestSiteBuild(this.payload, reason, doc, { queue: this.queue })))
    if (!this.started) this.start()
    else this.nudge()
  }

  queued(jobId: string | number, req: PayloadRequest) {
    this.start()
    void transactionEnded(req).then((ended) => {
      if (ended) this.committedHere.add(String(jobId))
      this.nudge()
    })
  }

  start() {
    if (this.started) return
    this.started = true
    this.publisher.start()
    this.wake(0)
  }

  stop() {
    this.started = false
    clearTimeout(this.timer)
    this.settle()
    void this.publisher.close()
  }

  last() {
    return this.lastBuild
  }

  idle() {
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve)
      if (!this.started) this.settle()
      else if (!this.running) this.wake(0)
    })
  }
}

export const createRebuilder = (payload: Payload, options: RebuilderOptions = {}): Rebuilder => new QueueRebuilder(payload, options)

/** One rebuilder per process; the server starts it, any process may queue through it. */
const theRebuilder = processSlot<Rebuilder>('rebuilder')
export const rebuilderFor = (payload: Payload): Rebuilder =>
  theRebuilder.get() ?? (theRebuilder.set(createRebuilder(payload)), theRebuilder.get()!)
