import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pendingRequests } from '../cms/publishing/queue'
import { createRebuilder, type BuildContext } from '../cms/publishing/rebuilder'
import { configureSettings } from '../content-models/settings'
import { goLive, liveDir } from '../site/publish'
import { startTestCms, type TestCms } from './helpers/payload'

/**
 * The build lease is fenced: a server that stalled past its lease while another took over
 * aborts its build once a renewal fails, and cannot put its build live even if it gets that far.
 */
let cms: TestCms
let dist: string

/** A finished build folder, as buildSite leaves one. */
const fakeBuild = async (id: string) => {
  const dir = path.join(dist, 'builds', id)
  await fs.mkdir(dir, { recursive: true })
  await fs.writeFile(path.join(dir, 'index.html'), id)
  return { dir, pages: 1, seconds: 0 }
}
const liveBuild = async () => path.basename(await fs.realpath(liveDir(dist)))

/** What another server does when it takes over a lease that was not renewed in time. */
const takeOver = async () => {
  await cms.payload.delete({ collection: 'site-build-lease', where: { name: { equals: 'site' } }, overrideAccess: true })
  await cms.payload.create({
    collection: 'site-build-lease',
    data: {
      name: 'site',
      holder: `other-host:1:feedbeef:${Date.now() + 1}`,
      expiresAt: new Date(Date.now() + 30_000).toISOString(),
    },
    overrideAccess: true,
  })
}
/** The queue stays non-empty (its requests wait for the other server), so the test waits for the build's record. */
const finished = async (reason: string) => {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const [record] = await records(reason)
    if (record && record.status !== 'running') return record
  }
  throw new Error(`no finished build for ${reason}`)
}
const records = async (reason: string) =>
  (await cms.payload.find({ collection: 'site-builds', where: { reason: { equals: reason } }, depth: 0 })).docs

beforeAll(async () => {
  cms = await startTestCms()
  dist = path.join(cms.dir, 'dist')
  configureSettings({ siteAutobuild: false, distDir: dist, snapshotDir: path.join(cms.dir, 'snapshot') })
  await goLive(await fakeBuild('20260101000000001'), dist)
}, 120_000)
afterAll(async () => {
  await cms?.payload.delete({ collection: 'site-build-lease', where: { name: { exists: true } }, overrideAccess: true })
  await cms?.close()
})

describe('the build lease', () => {
  it('refuses to put a build live once another server has taken the lease over', async () => {
    const queue = 'test-fenced'
    const rebuilder = createRebuilder(cms.payload, {
      queue,
      quietMs: 10,
      incremental: false,
      build: async (_payload, context: BuildContext) => {
        const build = await fakeBuild('20260101000000002')
        await takeOver() // this server stalled here, past its lease
        await goLive(build, dist, context?.fence)
        return { pages: 1 }
      },
    })
    await rebuilder.request('测试：失去生成锁')
    const record = await finished('测试：失去生成锁')
    rebuilder.stop()
    expect(await liveBuild()).toBe('20260101000000001')
    expect(record).toMatchObject({ status: 'failed' })
    expect(record?.error).toMatch(/生成锁已失效/)
    // The request stays queued for the server that holds the lease now.
    expect((await pendingRequests(cms.payload, queue)).map((r) => r.reason)).toEqual(['测试：失去生成锁'])
  }, 60_000)

  it('aborts a running build when a renewal finds the lease taken over', async () => {
    await cms.payload.delete({ collection: 'site-build-lease', where: { name: { exists: true } }, overrideAccess: true })
    let aborted: unknown
    const rebuilder = createRebuilder(cms.payload, {
      queue: 'test-aborted',
      quietMs: 10,
      heartbeatMs: 50,
      incremental: false,
      build: async (_payload, context: BuildContext) => {
        await takeOver()
        // A build step that would run on for minutes; the lost lease must stop it.
        aborted = await new Promise((resolve) => {
          const gaveUp = setTimeout(() => resolve('not aborted'), 10_000)
          context?.signal?.addEventListener('abort', () => (clearTimeout(gaveUp), resolve(context.signal.reason)))
        })
        context?.signal?.throwIfAborted()
        return { pages: 1 }
      },
    })
    await rebuilder.request('测试：续期失败')
    const record = await finished('测试：续期失败')
    rebuilder.stop()
    expect(String(aborted)).toMatch(/LeaseLost/)
    expect(record).toMatchObject({ status: 'failed' })
  }, 60_000)

  it('never lets an older lease go live after a newer one did', async () => {
    const holds = async () => true
    await goLive(await fakeBuild('20260101000000003'), dist, { token: 2000, holds })
    await expect(goLive(await fakeBuild('20260101000000004'), dist, { token: 1000, holds })).rejects.toThrow(/lease was lost/)
    expect(await liveBuild()).toBe('20260101000000003')
  })
})
