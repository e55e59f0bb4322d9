import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createPayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { configureSettings } from '../content-models/settings'
import { overdueSchedules } from '../cms/scheduling/overdue'
import { seedWordingRules } from '../cms/wording/seed'
import { paragraph } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * The dashboard's list of scheduled publishes that did not go out. Staff schedule in the
 * admin's drawer (the same server function the admin calls); the server's own jobs runner
 * runs the queue, looking every second here.
 */

let cms: TestCms
const tokens: Record<'reviewer' | 'editor', string> = { reviewer: '', editor: '' }

beforeAll(async () => {
  cms = await startTestCms({ jobsAutorunCron: '* * * * * *', jobsAutorun: false })
  await createStaff(cms.payload)
  await seedWordingRules(cms.payload)
  tokens.reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
  tokens.editor = await cms.login('editor@example.org', STAFF_PASSWORD)
}, 120_000)
afterAll(async () => {
  configureSettings({ jobsAutorun: false })
  await cms?.close()
})

const schedule = async (who: keyof typeof tokens, id: number | string, date: Date) => {
  const { default: config } = await import('../cms/payload.config')
  const req = await createPayloadRequest({
    config,
    request: new Request('http://localhost:3000/admin/collections/articles', { headers: { Authorization: `JWT ${tokens[who]}` } }),
  })
  const args = { type: 'publish', date, doc: { relationTo: 'articles', value: String(id) }, req } as const
  expect(await schedulePublishHandler(args as unknown as Parameters<typeof schedulePublishHandler>[0])).toEqual({
    message: expect.any(String),
  })
}

const draft = async (title: string, text = `${title}。`) =>
  (await cms.payload.create({ collection: 'articles', draft: true, data: { title, body: paragraph(text), _status: 'draft' } })).id

const waiting = async () =>
  (await cms.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, limit: 0 })).docs.filter(
    (job) => !job.completedAt && !job.hasError,
  ).length

/** Three minutes on: past the runner's grace of a minute or two. */
const later = () => new Date(Date.now() + 3 * 60_000)

describe('scheduled publishes that did not go out', () => {
  it('are listed past their time with the reason: not run, refused to an editor, refused by the wording check; one that went live is not', async () => {
    const fine = await draft('定时发布：职工篮球赛开赛')
    const byEditor = await draft('定时发布：编辑安排的稿件')
    const wording = await draft('定时发布：劳模座谈会', '与会劳模表示要再接再励。')
    const soon = new Date(Date.now() + 1000)
    await schedule('reviewer', fine, soon)
    await schedule('editor', byEditor, soon)
    await schedule('reviewer', wording, soon)
    expect(await overdueSchedules(cms.payload), 'nothing is late before its time').toEqual([])

    // The runner is off: all three are late, and the reason says nobody ran them.
    await new Promise((r) => setTimeout(r, 2000))
    const notRun = await overdueSchedules(cms.payload, later())
    expect(notRun.map((o) => o.title).sort()).toEqual(
      ['定时发布：劳模座谈会', '定时发布：编辑安排的稿件', '定时发布：职工篮球赛开赛'].sort(),
    )
    for (const o of notRun) expect(o.reason).toContain('定时任务没有运行')

    configureSettings({ jobsAutorun: true })
    const deadline = Date.now() + 60_000
    while ((await waiting()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    expect(await waiting()).toBe(0)

    const failed = await overdueSchedules(cms.payload, later())
    expect(failed.map((o) => [o.collection, o.id, o.title])).toEqual(
      expect.arrayContaining([
        ['articles', String(byEditor), '定时发布：编辑安排的稿件'],
        ['articles', String(wording), '定时发布：劳模座谈会'],
      ]),
    )
    expect(failed).toHaveLength(2)
    expect(failed.find((o) => o.id === String(byEditor))!.reason).toContain('您无权执行此操作')
    expect(failed.find((o) => o.id === String(wording))!.reason).toContain('“再接再励”应为“再接再厉”')
    expect(((await cms.payload.findByID({ collection: 'articles', id: fine })) as { _status?: string })._status).toBe('published')
  }, 120_000)
})
