import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { pendingRequests } from '../cms/publishing/queue'
import { childEnv, configureSettings, settings } from '../content-models/settings'
import { buildSite, goLive, liveDir } from '../site/publish'
import { startTestCms, type TestCms } from './helpers/payload'

/**
 * The build queue lives in the database: publishes from any process reach the site, one build
 * runs at a time, and a build killed half-way is made again by the next server, with the live
 * site untouched meanwhile. Processes here are real ones on the test's SQLite file.
 */
let cms: TestCms
let dist: string
const children = new Set<ChildProcess>()

// tsx as a loader in the process itself (its CLI would run the script in a child, which a
// SIGKILL of the CLI leaves running).
const start = (...args: string[]) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/siteWorker.ts', ...args], {
    env: childEnv({ SITE_AUTOBUILD: 'false', SITE_REBUILD_QUIET_MS: '500', PAYLOAD_JOBS_AUTORUN: 'false' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += String(d)))
  child.stderr!.on('data', (d) => (output += String(d)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (children.delete(child), resolve(code))))
  return { child, exited, output: () => output }
}

const builds = async () => (await cms.payload.find({ collection: 'site-builds', sort: 'startedAt', limit: 1000, depth: 0 })).docs
const liveHtml = async (slug: string) => fs.readFile(path.join(liveDir(dist), 'news', slug, 'index.html'), 'utf8').catch(() => undefined)
const until = async (check: () => Promise<boolean>, what: string, ms = 240_000) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
const slugsOf = async (prefix: string) =>
  (await cms.payload.find({ collection: 'articles', where: { title: { like: prefix } }, limit: 100, depth: 0 })).docs.map((d) =>
    String(d.slug),
  )

beforeAll(async () => {
  cms = await startTestCms()
  dist = path.join(cms.dir, 'dist')
  // This process only writes and reads; the site is built by the worker processes it starts.
  configureSettings({ siteAutobuild: false, snapshotDir: path.join(cms.dir, 'snapshot'), distDir: dist })
  await exportSnapshot(localSource(cms.payload, settings().mediaDir), settings().snapshotDir)
  await goLive(await buildSite({ snapshotDir: settings().snapshotDir, dist }), dist)
}, 180_000)
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  await cms?.close()
})

describe('the site build queue', () => {
  it('puts 20 publishes from two processes at once on the site, with fewer builds than publishes', async () => {
    const worker = start('work')
    const before = (await builds()).length
    const writers = [start('publish', '10', '甲进程发布'), start('publish', '10', '乙进程发布')]
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0])
    const slugs = [...(await slugsOf('甲进程发布')), ...(await slugsOf('乙进程发布'))]
    expect(slugs).toHaveLength(20)
    await until(
      async () => (await pendingRequests(cms.payload)).length === 0 && (await builds()).every((b) => b.status !== 'running'),
      'the queue to drain',
    )
    for (const slug of slugs) expect(await liveHtml(slug), slug).toBeDefined()
    const made = (await builds()).slice(before)
    expect(made.every((b) => b.status === 'succeeded')).toBe(true)
    expect(made.length).toBeGreaterThan(0)
    expect(made.length).toBeLessThan(20)
    worker.child.kill('SIGKILL')
    await worker.exited
  }, 300_000)

  it('redoes a build killed half-way after a restart, and leaves the live site as it was meanwhile', async () => {
    const liveBefore = await fs.realpath(liveDir(dist))
    const first = start('work')
    const runningBefore = (await builds()).length
    await cms.payload.create({ collection: 'articles', data: { title: '断电之前发布的稿件', _status: 'published' } })
    const [slug] = await slugsOf('断电之前发布的稿件')
    // Killed once its build has started, before it can finish.
    await until(async () => (await builds()).slice(runningBefore).some((b) => b.status === 'running'), 'the build to start')
    first.child.kill('SIGKILL')
    await first.exited
    expect(await fs.realpath(liveDir(dist))).toBe(liveBefore)
    expect(await liveHtml(slug!)).toBeUndefined()
    expect((await pendingRequests(cms.payload)).length).toBeGreaterThan(0)

    const second = start('work')
    await until(async () => (await liveHtml(slug!)) !== undefined, 'the page to go live after the restart')
    await until(
      async () => (await pendingRequests(cms.payload)).length === 0 && (await builds()).every((b) => b.status !== 'running'),
      'the queue to drain',
    )
    const made = (await builds()).slice(runningBefore)
    expect(made[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('中断') })
    expect(made.at(-1)).toMatchObject({ status: 'succeeded', mode: 'full' })
    second.child.kill('SIGKILL')
    await second.exited
  }, 300_000)
})
