import type { Payload } from 'payload'

import { explain } from '../errors'

/**
 * The `site-builds` records staff see under 系统 › 网站生成记录: one per build, opened when it
 * starts and closed with its outcome. They also tell the rebuilder when the next build must be
 * a full one (after a failure, or a build its server did not live to finish).
 */

/** Build records hold the start and the end of a long error (Astro's own output comes last). */
export const forTheRecord = (text: string, limit = 10_000) =>
  text.length <= limit ? text : `${text.slice(0, limit / 2)}\n…\n${text.slice(-limit / 2)}`

/** A build that was running when its server died left its record "running": it never finished. Says whether there was one. */
export const closeInterrupted = async (payload: Payload): Promise<boolean> => {
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
export const lastFailed = async (payload: Payload) => {
  const { docs } = await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })
  return docs[0]?.status === 'failed'
}

export interface BuildRecord {
  /** Notes an incremental update that failed and is being done in full. */
  fallBack(error: unknown): Promise<void>
  /** Closes the record; resolves with the build's seconds. */
  finish(data: { status: 'succeeded'; pages: number } | { status: 'failed'; error: string }): Promise<number>
}

export const openRecord = async (payload: Payload, data: { mode: 'incremental' | 'full'; reason: string }): Promise<BuildRecord> => {
  const startedAt = Date.now()
  const record = await payload.create({
    collection: 'site-builds',
    data: { status: 'running', ...data, startedAt: new Date(startedAt).toISOString() },
  })
  return {
    async fallBack(error) {
      await payload.update({
        collection: 'site-builds',
        id: record.id,
        data: { mode: 'full', error: forTheRecord(`增量更新失败，已改为整站重建：${explain(error)}`) },
      })
    },
    async finish(result) {
      const seconds = (Date.now() - startedAt) / 1000
      await payload.update({ collection: 'site-builds', id: record.id, data: { ...result, finishedAt: new Date().toISOString(), seconds } })
      return seconds
    },
  }
}
