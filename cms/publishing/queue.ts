import type { Payload, PayloadRequest, TaskConfig } from 'payload'

/**
 * Requests to bring the public site up to date, kept in the database on Payload's jobs queue,
 * so a publish from any process — the admin, `npm run import -- --publish`, a Local API
 * script, a second CMS instance — reaches the site, and a request made just before a crash is
 * still there after it. The server that builds the site works the queue (rebuilder.ts).
 */
export const PUBLISH_SITE_TASK = 'publishSite' as const
export const SITE_QUEUE = 'site'

/** A public document that was published, changed, unpublished or deleted. */
export interface DocRef {
  collection: string
  id: string | number
}

export interface SiteRequest {
  jobId: string | number
  reason: string
  /** Absent for changes that reach pages everywhere (reference data, a forced rebuild). */
  doc?: DocRef
  createdAt: string
}

/**
 * Payload's runner never works this queue (its autoRun lists only `default`): requests are
 * coalesced and built under a lease by the rebuilder. Should anyone run it by hand, the job
 * fails loudly instead of being marked done without a build.
 */
export const publishSiteTask: TaskConfig<{ input: { reason: string; collection?: string; docId?: string }; output: object }> = {
  slug: PUBLISH_SITE_TASK,
  label: '更新公众网站',
  inputSchema: [
    { name: 'reason', type: 'text', required: true },
    { name: 'collection', type: 'text' },
    { name: 'docId', type: 'text' },
  ],
  retries: 0,
  handler: () => {
    throw new Error(`the "${SITE_QUEUE}" queue is worked by the site rebuilder (cms/publishing/rebuilder.ts), not by payload.jobs.run`)
  },
}

/** Queues a rebuild; with `req`, in the same transaction as the change that asks for it. Resolves with the request's job id. */
export const requestSiteBuild = async (
  payload: Payload,
  reason: string,
  doc?: DocRef,
  options: { req?: PayloadRequest; queue?: string } = {},
): Promise<string | number> => {
  const job = await payload.jobs.queue({
    task: PUBLISH_SITE_TASK,
    queue: options.queue ?? SITE_QUEUE,
    input: { reason: reason.slice(0, 500), collection: doc?.collection, docId: doc === undefined ? undefined : String(doc.id) },
    req: options.req,
  })
  return job.id
}

/** Requests not yet built, oldest first. */
export const pendingRequests = async (payload: Payload, queue = SITE_QUEUE): Promise<SiteRequest[]> => {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: queue } }, { taskSlug: { equals: PUBLISH_SITE_TASK } }, { completedAt: { exists: false } }] },
    sort: 'createdAt',
    limit: 10_000,
    depth: 0,
    pagination: false,
  })
  return docs.map((job) => {
    const input = (job.input ?? {}) as { reason?: string; collection?: string; docId?: string }
    return {
      jobId: job.id,
      reason: input.reason ?? '',
      doc: input.collection && input.docId ? { collection: input.collection, id: input.docId } : undefined,
      createdAt: String(job.createdAt),
    }
  })
}

/** Requests a successful build served leave the queue (a failed build's stay for its retry). */
export const settleRequests = async (payload: Payload, requests: readonly SiteRequest[]) => {
  if (!requests.length) return
  await payload.delete({ collection: 'payload-jobs', where: { id: { in: requests.map((r) => r.jobId) } } })
}
