import fs from 'node:fs/promises'
import path from 'node:path'

import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createPayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { rebuilderFor } from '../cms/publishing/rebuilder'
import { configureSettings, settings, settingsEnv, settingsFromEnv } from '../content-models/settings'
import { buildSite, goLive, liveDir } from '../site/publish'
import { recordUrl } from '../site/routes'
import { paragraph } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * Scheduled publish and unpublish as staff use them: a reviewer picks a time in the admin's
 * "schedule publish" drawer, and the server's own jobs runner (payload.config.ts `jobs.autoRun`,
 * on under `npm start`) publishes at that time; the site follows through the build queue. No
 * test step runs the queue: the runner looks every second here (PAYLOAD_JOBS_AUTORUN_CRON)
 * instead of every minute, so each wait is a few seconds.
 */

let cms: TestCms
let dist: string
const tokens: Record<'reviewer' | 'editor', string> = { reviewer: '', editor: '' }

beforeAll(async () => {
  cms = await startTestCms({ jobsAutorunCron: '* * * * * *' })
  await createStaff(cms.payload)
  tokens.reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
  tokens.editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  dist = path.join(cms.dir, 'dist')
  configureSettings({ siteAutobuild: true, rebuildQuietMs: 300, snapshotDir: path.join(cms.dir, 'snapshot'), distDir: dist })
  // The live site before anything is scheduled, as `npm start` builds it.
  await exportSnapshot(localSource(cms.payload, settings().mediaDir), settings().snapshotDir)
  await goLive(await buildSite({ snapshotDir: settings().snapshotDir, dist }), dist)
}, 300_000)
afterAll(async () => {
  configureSettings({ jobsAutorun: false, siteAutobuild: false })
  await rebuilderFor(cms.payload).idle()
  await cms?.close()
})

/**
 * What the admin's drawer does on 保存: the `schedule-publish` server function, which
 * @payloadcms/next dispatches to this handler with the signed-in staff member's request. (It
 * is a Next.js server action, not a REST route; `payload-jobs` refuses REST writes.) The
 * request is authenticated from the session token as the admin's is, and, as every admin
 * request does, it starts Payload's job crons.
 */
const scheduleAs = async (who: keyof typeof tokens, type: 'publish' | 'unpublish', id: number | string, date: Date) => {
  const { default: config } = await import('../cms/payload.config')
  const req = await createPayloadRequest({
    config,
    request: new Request('http://localhost:3000/admin/collections/articles', { headers: { Authorization: `JWT ${tokens[who]}` } }),
  })
  expect(req.user?.email).toBe(`${who}@example.org`)
  // The handler reads the request and the drawer's arguments; the rest of a server function's
  // arguments (import map, permissions) serve the functions that render admin views.
  const args = { type, date, doc: { relationTo: 'articles', value: String(id) }, req } as const
  const result = await schedulePublishHandler(args as unknown as Parameters<typeof schedulePublishHandler>[0])
  expect(result).toEqual({ message: expect.any(String) })
}

type Job = { id: number | string; input?: { doc?: { value?: string } }; waitUntil?: string; completedAt?: string; hasError?: boolean }
const jobsFor = async (id: number | string) =>
  (
    (await cms.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, limit: 0 })).docs as Job[]
  ).filter((job) => job.input?.doc?.value === String(id))

const inSeconds = (s: number) => new Date(Date.now() + s * 1000)

const until = async (what: string, probe: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
}

/** Still waiting to run: a job leaves the collection when it succeeds and stays marked when it fails (no retries). */
const pending = async (id: number | string) => (await jobsFor(id)).some((job) => !job.completedAt && !job.hasError)

const status = async (id: number | string) =>
  ((await cms.payload.findByID({ collection: 'articles', id, draft: false })) as { _status?: string })._status

/** The article's own page in the live build, or undefined. */
const livePage = async (slug: string) =>
  fs.readFile(path.join(await fs.realpath(liveDir(dist)), recordUrl('articles', slug), 'index.html'), 'utf8').catch(() => undefined)

const draft = (title: string) =>
  cms.payload.create({ collection: 'articles', draft: true, data: { title, body: paragraph(`${title}。`), _status: 'draft' } })

describe('scheduled publish and unpublish (the admin’s schedule, the server’s jobs runner)', () => {
  it('goes live on the site at a reviewer’s scheduled time, not before, and comes off at the scheduled unpublish; an editor’s schedule publishes nothing', async () => {
    // `npm start`'s server: PAYLOAD_JOBS_AUTORUN unset means on, and the Next.js child it starts inherits that.
    expect(settingsFromEnv({}).jobsAutorun).toBe(true)
    configureSettings({ jobsAutorun: true })
    expect(settingsEnv(settings()).PAYLOAD_JOBS_AUTORUN).toBe('true')

    const soon = await draft('定时发布：港区职工运动会开幕')
    const later = await draft('定时发布：港区职工运动会闭幕')
    const byEditor = await draft('编辑定时发布：港区职工运动会花絮')
    const at = inSeconds(2)
    await scheduleAs('reviewer', 'publish', soon.id, at)
    await scheduleAs('reviewer', 'publish', later.id, inSeconds(3600))
    await scheduleAs('editor', 'publish', byEditor.id, at)
    // Queued with the time picked in the drawer, for the document it was picked on.
    expect((await jobsFor(soon.id)).map((j) => new Date(j.waitUntil!).getTime())).toEqual([at.getTime()])

    await until('the scheduled article on the live site', async () => Boolean(await livePage(soon.slug!)))
    expect(await livePage(soon.slug!)).toContain('定时发布：港区职工运动会开幕')
    expect(await status(soon.id)).toBe('published')
    expect((await cms.rest('GET', `/articles/${soon.id}`)).status).toBe(200)

    // The editor's job has run too (and failed: editors may not publish), so "still a draft" means something.
    await until('the editor’s scheduled job to be run', async () => !(await pending(byEditor.id)))
    const [refused] = await jobsFor(byEditor.id)
    expect(refused).toMatchObject({ hasError: true })
    expect(JSON.stringify((refused as { error?: unknown }).error)).toContain('您无权执行此操作')
    expect(await status(byEditor.id)).toBe('draft')
    // The one scheduled an hour ahead waits for its time.
    expect(await pending(later.id), 'the job an hour ahead still waits').toBe(true)
    expect(await status(later.id)).toBe('draft')
    await rebuilderFor(cms.payload).idle()
    expect(await livePage(byEditor.slug!)).toBeUndefined()
    expect(await livePage(later.slug!)).toBeUndefined()

    await scheduleAs('reviewer', 'unpublish', soon.id, inSeconds(1))
    await until('the unpublished article to leave the live site', async () => (await livePage(soon.slug!)) === undefined)
    expect(await status(soon.id)).toBe('draft')
    expect((await cms.rest('GET', `/articles/${soon.id}`)).status).toBe(404)
  }, 180_000)

  it('runs nothing while PAYLOAD_JOBS_AUTORUN=false, and the same job runs once it is on again', async () => {
    expect(settingsFromEnv({ PAYLOAD_JOBS_AUTORUN: 'false' }).jobsAutorun).toBe(false)
    configureSettings({ jobsAutorun: false })
    const doc = await draft('定时发布：环卫工人冬季关爱行动')
    const at = inSeconds(1)
    await scheduleAs('reviewer', 'publish', doc.id, at)
    // Longer after its time than the runner took above (it looks every second).
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 4000))
    expect(await pending(doc.id), 'the job still waits to be run').toBe(true)
    expect(await status(doc.id)).toBe('draft')

    configureSettings({ jobsAutorun: true })
    await until('the job to run once autorun is back on', async () => !(await pending(doc.id)))
    expect(await status(doc.id)).toBe('published')
  }, 120_000)
})
