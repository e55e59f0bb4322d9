import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { pendingRequests } from '../cms/publishing/queue'
import { createRebuilder, type Rebuilder } from '../cms/publishing/rebuilder'
import { configureSettings, settings } from '../content-models/settings'
import { buildSite, goLive, liveDir } from '../site/publish'
import { paragraph } from './helpers/fixtures'
import { startTestCms, type TestCms } from './helpers/payload'

/**
 * The site (snapshot and builds) on a small filesystem of its own, which the test fills: a
 * tmpfs, which only root may mount (elsewhere these tests are skipped). It is mounted inside
 * the project's dist/: Astro writes pages outside the project to `<root>/.astro` first and
 * renames them into place, which no filesystem but the project's allows. The database stays on
 * the ordinary disk, as the build record must still be written.
 */
let cms: TestCms
let disk: string
let dist: string
let rebuilder: Rebuilder | undefined

const mounted = (() => {
  try {
    return process.getuid?.() === 0
  } catch {
    return false
  }
})()

beforeAll(async () => {
  cms = await startTestCms()
  if (!mounted) return
  disk = path.join(settings().rootDir, 'dist', `full-disk-test-${process.pid}`)
  await fs.mkdir(disk, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', disk])
  dist = path.join(disk, 'dist')
  configureSettings({ siteAutobuild: false, residentRenderer: false, snapshotDir: path.join(disk, 'snapshot'), distDir: dist })
  await cms.payload.create({
    collection: 'articles',
    data: { title: '磁盘写满之前的稿件', body: paragraph('这篇一直在线。'), _status: 'published' },
  })
  await exportSnapshot(localSource(cms.payload, settings().mediaDir), settings().snapshotDir)
  await goLive(await buildSite({ snapshotDir: settings().snapshotDir, dist }), dist)
  await cms.payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'site' } } })
}, 180_000)
afterAll(async () => {
  rebuilder?.stop()
  if (mounted && disk) {
    execFileSync('umount', ['-l', disk])
    await fs.rm(disk, { recursive: true, force: true })
  }
  await cms?.close()
})

const filler = () => path.join(disk, 'filler')
/** Writes until the filesystem refuses: nothing more fits. */
const fillTheDisk = async () => {
  const chunk = Buffer.alloc(1024 * 1024)
  const file = await fs.open(filler(), 'a')
  try {
    for (;;) await file.write(chunk)
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    await file.close()
  }
}
const liveHtml = async (slug: string) => fs.readFile(path.join(liveDir(dist), 'news', slug, 'index.html'), 'utf8').catch(() => undefined)
const slugOf = async (title: string) =>
  String((await cms.payload.find({ collection: 'articles', where: { title: { equals: title } }, depth: 0 })).docs[0]!.slug)
const latestBuild = async () => (await cms.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })).docs[0]!
const until = async (check: () => Promise<boolean>, what: string, ms = 240_000) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
const liveFiles = async () => {
  const root = await fs.realpath(liveDir(dist))
  return { root, home: await fs.readFile(path.join(root, 'index.html'), 'utf8') }
}

/**
 * Publishes with the disk full, then frees it: the failed build is recorded with why, the live
 * site and the queue are as they were, and the retry puts the change live.
 */
const publishOnAFullDisk = async (incremental: boolean, title: string) => {
  await cms.payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'site' } } })
  rebuilder = createRebuilder(cms.payload, { quietMs: 0, pollMs: 100, retryMs: 500, ...(incremental ? {} : { incremental: false }) })
  const before = await liveFiles()
  const warned = vi.spyOn(cms.payload.logger, 'warn')
  await fillTheDisk()
  await cms.payload.create({ collection: 'articles', data: { title, body: paragraph('磁盘满时发布。'), _status: 'published' } })
  const slug = await slugOf(title)
  const queued = await pendingRequests(cms.payload)
  expect(queued).toHaveLength(1)

  rebuilder.start()
  await rebuilder.idle()
  const failed = await latestBuild()
  expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^服务器磁盘已满（ENOSPC）/) })
  // The update was tried, failed on the disk too, and the full build it fell back to as well.
  if (incremental)
    expect(
      warned.mock.calls.some((c) => String(c[1]).includes('增量更新失败') && /ENOSPC/.test(String((c[0] as { err?: unknown })?.err))),
    ).toBe(true)
  warned.mockRestore()
  expect(await liveFiles()).toEqual(before)
  expect(await liveHtml(slug)).toBeUndefined()
  expect(await liveHtml(await slugOf('磁盘写满之前的稿件'))).toContain('磁盘写满之前的稿件')
  expect(await pendingRequests(cms.payload)).toEqual(queued)

  await fs.rm(filler())
  await until(async () => (await liveHtml(slug)) !== undefined, 'the retry to put the page live')
  await until(async () => (await pendingRequests(cms.payload)).length === 0, 'the queue to drain')
  expect(await latestBuild()).toMatchObject({ status: 'succeeded' })
  rebuilder.stop()
}

describe.runIf(mounted)('a full disk', () => {
  it('during a full build leaves the live site and the queue intact, records why, and the retry publishes', async () => {
    await publishOnAFullDisk(false, '整站生成时磁盘已满')
  }, 300_000)

  it('during an incremental publish does the same', async () => {
    await publishOnAFullDisk(true, '增量发布时磁盘已满')
  }, 300_000)
})

describe('a build that keeps failing', () => {
  it('is tried again at doubling intervals, never in a tight loop, and its request stays queued', async () => {
    const attempts: number[] = []
    const failing = createRebuilder(cms.payload, {
      queue: 'test-keeps-failing',
      quietMs: 0,
      pollMs: 50,
      retryMs: 500,
      incremental: false,
      build: async () => {
        attempts.push(Date.now())
        throw new Error('测试：每次都失败的生成')
      },
    })
    try {
      await failing.request('测试：一直失败')
      await until(async () => attempts.length >= 4, 'four attempts', 30_000)
      // At least 0.5, 1 and 2 s apart (a fixed retry would be 0.5 s plus the build's own work).
      const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!)
      gaps.forEach((gap, i) => expect(gap, `gap ${i + 1}`).toBeGreaterThanOrEqual(500 * 2 ** i))
      expect(await pendingRequests(cms.payload, 'test-keeps-failing')).toHaveLength(1)
    } finally {
      failing.stop()
    }
  }, 60_000)
})
