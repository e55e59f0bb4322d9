import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRebuilder, type Rebuilder } from '../cms/publishing/rebuilder'
import { requestSiteBuild } from '../cms/publishing/queue'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let rebuilder: Rebuilder | undefined

beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => {
  rebuilder?.stop()
  await cms?.close()
})

/**
 * A publish queues its site build inside its own write (cms/hooks/rebuildSite.ts) and tells the
 * process's rebuilder, which builds as soon as that write is committed. The rebuilder here looks
 * at its queue by itself only every ten minutes: only the wake can start the build in time.
 */
describe("a publish wakes its own process's rebuilder", () => {
  it('starts the build once the write that queued it is committed, without waiting for a look at the queue', async () => {
    let built: (() => void) | undefined
    const building = new Promise<void>((resolve) => (built = resolve))
    const calls: string[] = []
    rebuilder = createRebuilder(cms.payload, {
      queue: 'test-wake',
      pollMs: 10 * 60_000,
      quietMs: 0,
      incremental: false,
      build: async () => {
        calls.push('build')
        built?.()
        return { pages: 1 }
      },
    })
    rebuilder.start()
    // The rebuilder's first look finds nothing; its next would be ten minutes away.
    await rebuilder.idle()
    expect(calls).toEqual([])

    // What a publish does, as Payload's operations do it: begin a transaction where the database
    // has them (commit only one this step began), queue the request with the same req, tell the
    // rebuilder, commit.
    const req = await createLocalReq({}, cms.payload)
    const began = await initTransaction(req)
    const job = await requestSiteBuild(cms.payload, '测试：发布后立即更新', undefined, { req, queue: 'test-wake' })
    rebuilder.queued(job, req)
    if (began) await commitTransaction(req)

    await building
    expect(calls).toEqual(['build'])
  }, 8_000)
})
