import path from 'node:path'

import type { Payload } from 'payload'

import { exportSnapshot, localSource } from '../export'
import { mediaDir, rootDir } from '../paths'
import { buildSite, goLive } from '../../site/publish'

/**
 * Rebuilds the public site after publishing. Requests within the quiet period coalesce into
 * one build; a request that arrives while a build runs is served by exactly one more build
 * afterwards. Every build is recorded in `site-builds` and logged.
 */
export interface Rebuilder {
  request(reason: string): void
  /** Resolves when no build is queued or running (for tests and shutdown). */
  idle(): Promise<void>
}

type Build = (payload: Payload) => Promise<{ pages: number }>

const defaultBuild: Build = async (payload) => {
  const snapshotDir = path.resolve(process.env.SNAPSHOT_DIR ?? path.join(rootDir, 'data', 'snapshot'))
  await exportSnapshot(localSource(payload, mediaDir), snapshotDir)
  const build = await buildSite({ snapshotDir })
  await goLive(build)
  return { pages: build.pages }
}

export const createRebuilder = (payload: Payload, options: { quietMs?: number; build?: Build } = {}): Rebuilder => {
  const quietMs = options.quietMs ?? Number(process.env.SITE_REBUILD_QUIET_MS ?? 1500)
  const build = options.build ?? defaultBuild
  let reasons: string[] = []
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
    reasons = []
    const started = Date.now()
    const record = await payload.create({ collection: 'site-builds', data: { status: 'running', reason, startedAt: new Date(started).toISOString() } })
    try {
      const { pages } = await build(payload)
      const seconds = (Date.now() - started) / 1000
      await payload.update({ collection: 'site-builds', id: record.id, data: { status: 'succeeded', finishedAt: new Date().toISOString(), seconds, pages } })
      payload.logger.info(`[site] 已上线：${pages} 个页面，用时 ${seconds.toFixed(1)} 秒（${reason}）`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await payload.update({ collection: 'site-builds', id: record.id, data: { status: 'failed', finishedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000, error: message.slice(0, 10_000) } })
      payload.logger.error(`[site] 网站生成失败，线上网站保持不变：${message.slice(0, 2000)}`)
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
    request(reason) {
      reasons.push(reason)
      schedule()
    },
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
