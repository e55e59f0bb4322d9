import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRebuilder, rebuilderFor } from '../cms/publishing/rebuilder'
import { buildSite, liveDir } from '../site/publish'
import { paragraph } from './helpers/fixtures'
import { startTestCms, type TestCms } from './helpers/payload'
import { allOutputText } from './helpers/site'

let cms: TestCms
let dist: string

beforeAll(async () => {
  cms = await startTestCms()
  dist = path.join(cms.dir, 'dist')
  Object.assign(process.env, {
    SITE_AUTOBUILD: 'true',
    SITE_REBUILD_QUIET_MS: '300',
    SNAPSHOT_DIR: path.join(cms.dir, 'snapshot'),
    SITE_DIST_DIR: dist,
  })
  await cms.payload.create({ collection: 'categories', data: { name: '工会要闻', slug: 'union-news', order: 1 } })
})
afterAll(async () => {
  process.env.SITE_AUTOBUILD = 'false'
  await cms?.close()
})

const settled = () => rebuilderFor(cms.payload).idle()
const live = async () => allOutputText(await fs.realpath(liveDir(dist)))
const inLiveSite = async (word: string) => {
  const texts = await live()
  return { page: [...texts].some(([f, t]) => f.endsWith('.html') && t.includes(word)), index: [...texts].some(([f, t]) => f.includes('pagefind') && t.includes(word)) }
}
const builds = async () => (await cms.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 100 })).docs

describe('publishing rebuilds the live site', () => {
  it('puts a published article on the site and in the search index, and removes it when unpublished', async () => {
    const doc = await cms.payload.create({ collection: 'articles', data: { title: '码头工人技能比武决出十强', body: paragraph('比武现场气氛热烈。'), _status: 'published' } })
    await settled()
    expect(await inLiveSite('码头工人技能比武决出十强')).toEqual({ page: true, index: true })
    expect((await builds())[0]).toMatchObject({ status: 'succeeded' })

    // A draft revision of the live article changes nothing and triggers no build.
    const before = (await builds()).length
    await cms.payload.update({ collection: 'articles', id: doc.id, draft: true, data: { title: '未审核的修改标题' } })
    await settled()
    expect((await builds()).length).toBe(before)

    await cms.payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } })
    await settled()
    expect(await inLiveSite('码头工人技能比武决出十强')).toEqual({ page: false, index: false })
  }, 120_000)

  it('coalesces quick publishes into one build that contains both', async () => {
    const before = (await builds()).length
    await cms.payload.create({ collection: 'articles', data: { title: '环卫驿站新增冷饮供应', _status: 'published' } })
    await cms.payload.create({ collection: 'articles', data: { title: '快递小哥集体入会仪式举行', _status: 'published' } })
    await settled()
    expect((await builds()).length).toBe(before + 1)
    expect((await inLiveSite('环卫驿站新增冷饮供应')).page).toBe(true)
    expect((await inLiveSite('快递小哥集体入会仪式举行')).page).toBe(true)
  }, 120_000)

  it('keeps serving the previous site when a build fails, and records why', async () => {
    const liveBefore = await fs.realpath(liveDir(dist))
    const bad = path.join(cms.dir, 'bad-snapshot')
    await fs.mkdir(bad, { recursive: true })
    await fs.writeFile(path.join(bad, 'content.json'), '{"version": 99}')
    await expect(buildSite({ snapshotDir: bad, dist })).rejects.toThrow(/live site is unchanged[\s\S]*version 99/)
    expect(await fs.realpath(liveDir(dist))).toBe(liveBefore)
    expect((await inLiveSite('快递小哥集体入会仪式举行')).page).toBe(true)

    // The same failure inside the publishing loop is recorded for staff, with the reason.
    const failing = createRebuilder(cms.payload, { quietMs: 10, build: async () => ({ pages: (await buildSite({ snapshotDir: bad, dist })).pages }) })
    failing.request('测试：损坏的快照')
    await failing.idle()
    const [latest] = await builds()
    expect(latest).toMatchObject({ status: 'failed', reason: '测试：损坏的快照' })
    expect(latest?.error).toMatch(/version 99/)
    expect(await fs.realpath(liveDir(dist))).toBe(liveBefore)
  }, 120_000)
})
