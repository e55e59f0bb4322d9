import type { Payload } from 'payload'

import { settings } from '../../content-models/settings'
import { exportSnapshot, localSource } from '../export'
import { explain } from '../errors'
import { configuredMediaStore } from '../media/store'
import { buildIncremental } from '../../site/incremental/build'
import { buildSite, goLive } from '../../site/publish'
import { handledIncrementally, patchSnapshot, type DocRef } from './patchSnapshot'

/**
 * Rebuilds the public site after publishing. Requests within the quiet period coalesce into
 * one build; a request that arrives while a build runs is served by exactly one more build
 * afterwards. Every build is recorded in `site-builds` and logged.
 */
export interface Rebuilder {
  /** `doc` names the document that changed; without it (reference data, media) the whole site is built. */
  request(reason: string, doc?: DocRef): void
  /** Resolves when no build is queued or running (for tests and shutdown). */
  idle(): Promise<void>
  /** What the latest finished build did (for the benchmark). */
  last(): LastBuild | undefined
}

export interface LastBuild {
  mode: 'incremental' | 'full'
  ok: boolean
  seconds: number
  rendered?: number
  searchDelta?: number
  phases?: Record<string, number>
}

type Build = (payload: Payload) => Promise<{ pages: number }>
type Incremental = (payload: Payload, docs: DocRef[]) => Promise<{ pages: number; searchDelta: number; rendered: number; phases?: Record<string, number> }>

const defaultBuild: Build = async (payload) => {
  const { snapshotDir, distDir } = settings()
  await exportSnapshot(localSource(payload, configuredMediaStore()), snapshotDir)
  const build = await buildSite({ snapshotDir, dist: distDir })
  await goLive(build, distDir)
  return { pages: build.pages }
}

const defaultIncremental: Incremental = async (payload, docs) => {
  const { snapshotDir, distDir } = settings()
  const changes = await patchSnapshot(payload, snapshotDir, configuredMediaStore(), docs)
  const build = await buildIncremental({ snapshotDir, changes, dist: distDir })
  await goLive(build, distDir)
  return build
}

/** Build records hold the start and the end of a long error (Astro's own output comes last). */
const forTheRecord = (text: string, limit = 10_000) => (text.length <= limit ? text : `${text.slice(0, limit / 2)}\n…\n${text.slice(-limit / 2)}`)

export const createRebuilder = (payload: Payload, options: { quietMs?: number; build?: Build; incremental?: Incremental | false } = {}): Rebuilder => {
  const quietMs = options.quietMs ?? settings().rebuildQuietMs
  const build = options.build ?? defaultBuild
  const incremental = options.incremental ?? (settings().siteIncremental ? defaultIncremental : false)
  // Past this many pages in the search delta, the next build is a full one: the delta index
  // is downloaded on top of the main one by every search, so it must stay small.
  const deltaLimit = settings().searchDeltaLimit
  let reasons: string[] = []
  let docs: (DocRef | undefined)[] = []
  // The snapshot and the live site agree only after a successful build; until one runs in
  // full after a failure, an update cannot trust the snapshot as "what is live".
  let needsFull = false
  let lastBuild: LastBuild | undefined
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let waiters: (() => void)[] = []

  const settle = () => {
    if (!timer && !running && reasons.length === 0) {
      for (const w of waiters) w()
      waiters = []
    }
  }

  const run = async () => {
    timer = undefined
    const reason = [...new Set(reasons)].join('；').slice(0, 500)
    const batch = docs
    reasons = []
    docs = []
    const started = Date.now()
    const canUpdate = incremental && !needsFull && batch.every(handledIncrementally)
    const record = await payload.create({
      collection: 'site-builds',
      data: { status: 'running', mode: canUpdate ? 'incremental' : 'full', reason, startedAt: new Date(started).toISOString() },
    })
    const finish = async (data: Record<string, unknown>) => {
      const seconds = (Date.now() - started) / 1000
      await payload.update({ collection: 'site-builds', id: record.id, data: { ...data, finishedAt: new Date().toISOString(), seconds } })
      return seconds
    }
    if (canUpdate) {
      try {
        const result = await incremental(payload, batch as DocRef[])
        const seconds = await finish({ status: 'succeeded', pages: result.pages })
        lastBuild = { mode: 'incremental', ok: true, seconds, rendered: result.rendered, searchDelta: result.searchDelta, phases: result.phases }
        payload.logger.info(`[site] 已上线（增量）：重新生成 ${result.rendered} 个页面，用时 ${seconds.toFixed(1)} 秒（${reason}）`)
        if (result.searchDelta > deltaLimit) {
          reasons.push(`搜索增量索引已有 ${result.searchDelta} 页，整站重建`)
          docs.push(undefined)
        }
        return
      } catch (error) {
        payload.logger.warn({ err: error }, '[site] 增量更新失败，改为整站重建')
        await payload.update({ collection: 'site-builds', id: record.id, data: { mode: 'full', error: forTheRecord(`增量更新失败，已改为整站重建：${explain(error)}`) } })
      }
    }
    try {
      const { pages } = await build(payload)
      needsFull = false
      const seconds = await finish({ status: 'succeeded', pages })
      lastBuild = { mode: 'full', ok: true, seconds }
      payload.logger.info(`[site] 已上线：${pages} 个页面，用时 ${seconds.toFixed(1)} 秒（${reason}）`)
    } catch (error) {
      needsFull = true
      lastBuild = { mode: 'full', ok: false, seconds: await finish({ status: 'failed', error: forTheRecord(explain(error)) }) }
      payload.logger.error({ err: error }, '[site] 网站生成失败，线上网站保持不变')
    }
  }

  const schedule = () => {
    if (timer || running) return
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined
        if (reasons.length) schedule()
        settle()
      })
    }, quietMs)
  }

  return {
    request(reason, doc) {
      reasons.push(reason)
      docs.push(doc)
      schedule()
    },
    last: () => lastBuild,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
        settle()
      }),
  }
}

/** One rebuilder per process, created on the first publish. */
const key = Symbol.for('union-portal.rebuilder')
export const rebuilderFor = (payload: Payload): Rebuilder => {
  const holder = globalThis as unknown as Record<symbol, Rebuilder | undefined>
  return (holder[key] ??= createRebuilder(payload))
}
