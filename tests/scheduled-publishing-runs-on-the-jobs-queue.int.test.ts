import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let staff: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  cms = await startTestCms()
  staff = await createStaff(cms.payload)
})
afterAll(() => cms?.close())

/** What the admin's "schedule publish" button queues. */
const schedule = (id: number | string, type: 'publish' | 'unpublish', userId: number | string, inSeconds: number) =>
  cms.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type, doc: { relationTo: 'articles', value: String(id) }, user: { relationTo: 'users', value: userId } },
    waitUntil: new Date(Date.now() + inSeconds * 1000),
  } as never)

const status = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'articles', id, draft: false })) as { _status?: string }

describe('scheduled publish and unpublish (Payload jobs queue, run every minute by the server)', () => {
  it('publishes a reviewer’s scheduled article once its time has come, and not before', async () => {
    const doc = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '定时发布：五一劳动节慰问通知', _status: 'draft' },
    })
    await schedule(doc.id, 'publish', staff.reviewer.id, 3600)
    await cms.payload.jobs.run()
    expect((await status(doc.id))._status).toBe('draft')

    await schedule(doc.id, 'publish', staff.reviewer.id, -1)
    await cms.payload.jobs.run()
    expect((await status(doc.id))._status).toBe('published')
    expect((await cms.rest('GET', `/articles/${doc.id}`)).status).toBe(200)

    await schedule(doc.id, 'unpublish', staff.reviewer.id, -1)
    await cms.payload.jobs.run()
    expect((await status(doc.id))._status).toBe('draft')
    expect((await cms.rest('GET', `/articles/${doc.id}`)).status).toBe(404)
  })

  it('does not let an editor publish by scheduling it', async () => {
    const doc = await cms.payload.create({ collection: 'articles', draft: true, data: { title: '编辑定时发布的稿件', _status: 'draft' } })
    await schedule(doc.id, 'publish', staff.editor.id, -1)
    await cms.payload.jobs.run()
    expect((await status(doc.id))._status).toBe('draft')
  })
})
