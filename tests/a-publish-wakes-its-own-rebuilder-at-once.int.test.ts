import { commitTransaction, createLocalReq, initTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createRebuilder, type Rebuilder } from '../cms/publishing/rebuilder'
import { requestSiteBuild } from '../cms/publishing/queue'
import { startTestCms, type TestCms } from './helpers/payload'

/** Runs once, inside the next look at the queue, after it has read the queue. */
const duringLook = vi.hoisted(() => ({ run: undefined as (() => Promise<void>) | undefined }))
vi.mock('../cms/publishing/queue', async (original) => {
  const queue = await original<typeof import('../cms/publishing/queue')>()
  return {
    ...queue,
    pendingRequests: async (payload: Payload, name?: string) => {
      const pending = await queue.pendingRequests(payload, name)
      const run = duringLook.run
      duringLook.run = undefined
      await run?.()
      return pending
    },
  }
})

let cms: TestCms
let rebuilder: Rebuilder | undefined

beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => {
  rebuilder?.stop()
  await cms?.close()
})

/** A rebuilder that looks at its queue by itself only every ten minutes; says when it builds. */
const slowLooking = (queue: string) => {
  let built: (() => void) | undefined
  const building = new Promise<void>((resolve) => (built = resolve))
  const calls: string[] = []
  rebuilder = createRebuilder(cms.payload, {
    queue,
    pollMs: 10 * 60_000,
    quietMs: 0,
    incremental: false,
    build: async () => {
      calls.push('build')
      built?.()
      return { pages: 1 }
    },
  })
  return { rebuilder, building, calls }
}

/** What a publish does, as Payload's operations do it: a transaction where the database has them (committed only by the step that began it), the request queued with the same req, the rebuilder told. */
const publish = async (rebuilder: Rebuilder, queue: string) => {
  const req = await createLocalReq({}, cms.payload)
  const began = await initTransaction(req)
  const job = await requestSiteBuild(cms.payload, '测试：发布后立即更新', undefined, { req, queue })
  rebuilder.queued(job, req)
  if (began) await commitTransaction(req)
}

/**
 * A publish queues its site build inside its own write (cms/hooks/rebuildSite.ts) and tells the
 * process's rebuilder, which builds as soon as that write is committed. The rebuilder here looks
 * at its queue by itself only every ten minutes: only the wake can start the build in time.
 */
describe("a publish wakes its own process's rebuilder", () => {
  it('starts the build once the write that queued it is committed, without waiting for a look at the queue', async () => {
    const { rebuilder, building, calls } = slowLooking('test-wake')
    rebuilder.start()
    // The rebuilder's first look finds nothing; its next would be ten minutes away.
    await rebuilder.idle()
    expect(calls).toEqual([])
    await publish(rebuilder, 'test-wake')
    await building
    expect(calls).toEqual(['build'])
    rebuilder.stop()
  }, 8_000)

  it('looks again at once when a publish commits while a look that found nothing runs', async () => {
    const { rebuilder, building, calls } = slowLooking('test-wake-during-look')
    // The publish lands after the look read the queue (empty) and before that look ends.
    duringLook.run = () => publish(rebuilder, 'test-wake-during-look')
    rebuilder.start()
    await building
    expect(calls).toEqual(['build'])
    rebuilder.stop()
  }, 8_000)
})
