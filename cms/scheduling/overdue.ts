import type { CollectionSlug, Payload } from 'payload'

/** A scheduled publish whose time has passed and whose document is not live. */
export interface OverdueSchedule {
  collection: string
  id: string
  title: string
  /** When it was to go live. */
  at: string
  reason: string
}

type Job = {
  id: number | string
  input?: { type?: string; doc?: { relationTo?: string; value?: unknown } }
  waitUntil?: string | null
  completedAt?: string | null
  hasError?: boolean | null
  processing?: boolean | null
  error?: unknown
}

/** The jobs runner looks once a minute (PAYLOAD_JOBS_AUTORUN_CRON): within this, a job is not late yet. */
const GRACE_MS = 2 * 60_000
const LIMIT = 50

/** The error a failed job recorded, as its message (the wording gate's refusal, 您无权执行此操作…). */
const messageOf = (error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message
  if (typeof message === 'string' && message.trim()) return message.trim()
  return error ? JSON.stringify(error).slice(0, 500) : '未记录原因'
}

/**
 * Scheduled publishes (Payload's `schedulePublish` jobs) past their time whose document is
 * still not published, with why: the job failed (its error), or no server has run it yet
 * (the jobs runner is off or the CMS was down). A job that succeeded leaves the queue, so
 * every job still there past its time is one of these, unless the document went live
 * another way.
 */
export const overdueSchedules = async (payload: Payload, now = new Date()): Promise<OverdueSchedule[]> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'schedulePublish' } }, { waitUntil: { less_than: new Date(now.getTime() - GRACE_MS).toISOString() } }],
    },
    sort: '-waitUntil',
    limit: LIMIT,
    depth: 0,
    overrideAccess: true,
  })
  const overdue: OverdueSchedule[] = []
  for (const job of docs as Job[]) {
    const { type, doc } = job.input ?? {}
    if (type !== 'publish' || !doc?.relationTo || doc.value === undefined || doc.value === null) continue
    if (job.completedAt && !job.hasError) continue
    const collection = doc.relationTo as CollectionSlug
    const config = payload.collections[collection]?.config
    if (!config) continue
    // The document itself (not its latest draft): published means live, whatever drafts follow.
    const target = (await payload.findByID({
      collection,
      id: doc.value as string,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as unknown as Record<string, unknown> | null
    if (!target || target._status === 'published') continue
    const titleField = config.admin?.useAsTitle ?? 'id'
    overdue.push({
      collection,
      id: String(doc.value),
      title: String(target[titleField] || `#${doc.value}`),
      at: job.waitUntil!,
      reason: job.hasError
        ? `发布失败：${messageOf(job.error)}`
        : job.processing
          ? '正在执行，稍后刷新查看。'
          : '到时没有执行：定时任务没有运行（服务器未启动，或设置了 PAYLOAD_JOBS_AUTORUN=false）。服务器恢复运行后会自动补发。',
    })
  }
  return overdue
}
