import fs from 'node:fs/promises'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createRebuilder, rebuilderFor } from '../cms/publishing/rebuilder'
import { configureSettings, settings } from '../content-models/settings'
import { buildSite, liveDir } from '../site/publish'
import { indexFileOf } from '../site/search/files'
import { readSnapshotFiles } from '../site/snapshot'
import { parseRequest, SearchIndex } from '../site/search/query'
import { launchChromium } from './helpers/browser'
import { paragraph } from './helpers/fixtures'
import { openSearch } from './helpers/pages'
import { startTestCms, type TestCms } from './helpers/payload'
import { allOutputText, serveStatic } from './helpers/site'

let cms: TestCms
let dist: string
let site: Awaited<ReturnType<typeof serveStatic>>
let serverSite: Awaited<ReturnType<typeof serveStatic>>
let browser: Browser
let page: Page

beforeAll(async () => {
  cms = await startTestCms()
  dist = path.join(cms.dir, 'dist')
  configureSettings({ siteAutobuild: true, rebuildQuietMs: 300, snapshotDir: path.join(cms.dir, 'snapshot'), distDir: dist })
  await cms.payload.create({ collection: 'categories', data: { name: '工会要闻', slug: 'union-news', order: 1 } })
  browser = await launchChromium()
  page = await browser.newPage()
})
afterAll(async () => {
  configureSettings({ siteAutobuild: false })
  await browser?.close()
  await site?.close()
  await serverSite?.close()
  await cms?.close()
})

const settled = () => rebuilderFor(cms.payload).idle()
const live = async () => allOutputText(await fs.realpath(liveDir(dist)))
/**
 * Whether a word is on any page of the live site, whether the site's search page finds it
 * (in Chromium, as a visitor would, with Pagefind) and whether the server search index beside
 * the live build finds it.
 */
const inLiveSite = async (word: string) => {
  const texts = await live()
  site ??= await serveStatic(liveDir(dist))
  await openSearch(page, `${site.url}/search/?q=${encodeURIComponent(word)}`)
  const titles = await page.locator('#search-results h2').allTextContents()
  serverSite ??= await serveStatic(liveDir(dist), { search: true })
  const answer = (await (await fetch(`${serverSite.url}/search.json?q=${encodeURIComponent(word)}`)).json()) as {
    results: { title: string }[]
  }
  return {
    page: [...texts].some(([f, t]) => f.endsWith('.html') && t.includes(word)),
    index: titles.some((t) => t.includes(word)),
    server: answer.results.some((r) => r.title.includes(word)),
  }
}
const builds = async () => (await cms.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 100 })).docs

describe('publishing rebuilds the live site', () => {
  it('puts a published article on the site and in the search index, and removes it when unpublished', async () => {
    const doc = await cms.payload.create({
      collection: 'articles',
      data: { title: '码头工人技能比武决出十强', body: paragraph('比武现场气氛热烈。'), _status: 'published' },
    })
    await settled()
    expect(await inLiveSite('码头工人技能比武决出十强')).toEqual({ page: true, index: true, server: true })
    expect((await builds())[0]).toMatchObject({ status: 'succeeded' })

    // A draft revision of the live article changes nothing and triggers no build.
    const before = (await builds()).length
    await cms.payload.update({ collection: 'articles', id: doc.id, draft: true, data: { title: '未审核的修改标题' } })
    await settled()
    expect((await builds()).length).toBe(before)

    await cms.payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } })
    await settled()
    expect(await inLiveSite('码头工人技能比武决出十强')).toEqual({ page: false, index: false, server: false })
  }, 120_000)

  it('coalesces quick publishes into one build that contains both', async () => {
    const before = (await builds()).length
    await cms.payload.create({ collection: 'articles', data: { title: '环卫驿站新增冷饮供应', _status: 'published' } })
    await cms.payload.create({ collection: 'articles', data: { title: '快递小哥集体入会仪式举行', _status: 'published' } })
    await settled()
    expect((await builds()).length).toBe(before + 1)
    expect(await inLiveSite('环卫驿站新增冷饮供应')).toMatchObject({ page: true, server: true })
    expect(await inLiveSite('快递小哥集体入会仪式举行')).toMatchObject({ page: true, server: true })
  }, 120_000)

  it('updates only what a change touches, and the result matches a full build of the same content', async () => {
    const [category] = (await cms.payload.find({ collection: 'categories', where: { slug: { equals: 'union-news' } } })).docs
    const night = await cms.payload.create({
      collection: 'articles',
      data: {
        title: '港区职工夜校开学',
        categories: [category!.id],
        body: paragraph('首批学员来自十二家港口企业的轮机班组。'),
        _status: 'published',
      },
    })
    await settled()
    const [first] = await builds()
    expect(first).toMatchObject({ status: 'succeeded', mode: 'incremental' })
    expect(await inLiveSite('港区职工夜校开学')).toEqual({ page: true, index: true, server: true })
    // A word from the body finds it too, through the delta index.
    await openSearch(page, `${site.url}/search/?q=${encodeURIComponent('轮机班组')}`)
    expect(await page.locator('#search-results h2').allTextContents()).toContain('港区职工夜校开学')
    expect((await live()).get('news/category/union-news/index.html')).toContain('港区职工夜校开学')

    // A new title replaces the old one in pages and search; the stale record of the old one is hidden.
    await cms.payload.update({ collection: 'articles', id: night.id, data: { title: '港区职工夜校秋季班开学' } })
    await settled()
    expect(await inLiveSite('港区职工夜校秋季班开学')).toEqual({ page: true, index: true, server: true })
    expect(await inLiveSite('港区职工夜校开学')).toEqual({ page: false, index: false, server: false })

    // The patched snapshot says what a fresh export says…
    const { readContent, localSource } = await import('../cms/export')
    const fresh = (await readContent(localSource(cms.payload, path.join(cms.dir, 'media')))).snapshot
    const patched = readSnapshotFiles(settings().snapshotDir)
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)))
    for (const key of ['articles', 'services', 'workersHomes', 'laborModels'] as const) expect(byId(patched[key])).toEqual(byId(fresh[key]))

    // …and the site it grew into is the one a full build makes, related news included.
    const full = await buildSite({ snapshotDir: settings().snapshotDir, dist: path.join(cms.dir, 'dist-full') })
    const [mine, theirs] = [await live(), await allOutputText(full.dir)]
    const pages = (m: Map<string, string>) => [...m.keys()].filter((f) => f.endsWith('.html') || f.endsWith('.xml')).sort()
    expect(pages(mine)).toEqual(pages(theirs))
    for (const f of pages(theirs)) expect(mine.get(f)!, f).toBe(theirs.get(f)!)
    // The server index updated in place answers every query as the full build's index does.
    const [updated, rebuilt] = [new SearchIndex(indexFileOf(await fs.realpath(liveDir(dist)))), new SearchIndex(indexFileOf(full.dir))]
    try {
      const queries = [
        '港区职工夜校',
        '轮机班组',
        '职工',
        '12351',
        ...patched.articles.map((a: { title: string }) => [...a.title].slice(0, 4).join('')),
      ]
      const answer = (index: SearchIndex, q: string) => {
        const r = index.search({ ...parseRequest(new URLSearchParams({ q })), page: 1 })
        return { total: r.total, facets: r.facets, urls: r.results.map((x) => x.url) }
      }
      for (const q of queries) expect(answer(updated, q), q).toEqual(answer(rebuilt, q))
      expect(updated.size).toBe(rebuilt.size)
    } finally {
      updated.close()
      rebuilt.close()
    }
    // Updates count pages without walking the site; the count still matches.
    expect((await builds())[0]?.pages).toBe(pages(mine).filter((f) => f.endsWith('.html')).length)
  }, 180_000)

  it('updates an organization incrementally: its page, its parent and every page naming it, as a full build would', async () => {
    const { payload } = cms
    const parent = await payload.create({
      collection: 'organizations',
      data: { name: '港区总工会', kind: 'federation', address: '港区海港路1号' },
    })
    const child = await payload.create({
      collection: 'organizations',
      data: { name: '港区码头社区工会', kind: 'community', parent: parent.id },
    })
    const service = await payload.create({
      collection: 'services',
      data: { name: '码头职工法律咨询', category: 'legal-aid', status: 'active', provider: parent.id, _status: 'published' },
    })
    await settled()
    await payload.update({
      collection: 'organizations',
      id: parent.id,
      data: { name: '港区港口总工会', phones: [{ number: '0579-80000001', label: '办公室' }] },
    })
    await settled()
    expect((await builds())[0]).toMatchObject({ status: 'succeeded', mode: 'incremental' })
    const texts = await live()
    const page = (url: string) => texts.get(`${url.replace(/^\//, '')}index.html`) ?? ''
    expect(page(`/organizations/${parent.slug}/`)).toContain('0579-80000001')
    for (const url of [`/organizations/${parent.slug}/`, `/organizations/${child.slug}/`, `/services/${service.slug}/`, '/organizations/'])
      expect(page(url), url).toContain('港区港口总工会')
    expect([...texts].filter(([f, t]) => f.endsWith('.html') && t.includes('港区总工会<')).map(([f]) => f)).toEqual([])

    const { readContent, localSource } = await import('../cms/export')
    const fresh = (await readContent(localSource(payload, path.join(cms.dir, 'media')))).snapshot
    const patched = readSnapshotFiles(settings().snapshotDir)
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)))
    for (const key of ['organizations', 'services', 'workersHomes', 'articles'] as const)
      expect(byId(patched[key]), key).toEqual(byId(fresh[key]))
    const full = await buildSite({ snapshotDir: settings().snapshotDir, dist: path.join(cms.dir, 'dist-full-org') })
    const theirs = await allOutputText(full.dir)
    const pages = (m: Map<string, string>) => [...m.keys()].filter((f) => f.endsWith('.html') || f.endsWith('.xml')).sort()
    expect(pages(texts)).toEqual(pages(theirs))
    for (const f of pages(theirs)) expect(texts.get(f)!, f).toBe(theirs.get(f)!)
  }, 180_000)

  it('falls back to a full build when an update cannot be made, and says so', async () => {
    // A queue of its own, so the server's rebuilder does not serve this request first.
    const fallback = createRebuilder(cms.payload, {
      queue: 'test-fallback',
      quietMs: 10,
      incremental: async () => {
        throw new Error('测试：增量更新出错')
      },
    })
    await fallback.request('测试：回退', { collection: 'articles', id: 1 })
    await fallback.idle()
    const [latest] = await builds()
    expect(latest).toMatchObject({ status: 'succeeded', mode: 'full', reason: '测试：回退' })
    expect(latest?.error).toMatch(/增量更新失败[\s\S]*测试：增量更新出错/)
  }, 120_000)

  it('keeps serving the previous site when a build fails, and records why', async () => {
    const liveBefore = await fs.realpath(liveDir(dist))
    const bad = path.join(cms.dir, 'bad-snapshot')
    await fs.mkdir(bad, { recursive: true })
    await fs.writeFile(path.join(bad, 'content.json'), '{"version": 99}')
    await expect(buildSite({ snapshotDir: bad, dist })).rejects.toThrow(/live site is unchanged[\s\S]*version 99/)
    expect(await fs.realpath(liveDir(dist))).toBe(liveBefore)
    expect(await inLiveSite('快递小哥集体入会仪式举行')).toMatchObject({ page: true, server: true })

    // The same failure inside the publishing loop is recorded for staff, with the reason.
    const failing = createRebuilder(cms.payload, {
      queue: 'test-failing',
      quietMs: 10,
      build: async () => ({ pages: (await buildSite({ snapshotDir: bad, dist })).pages }),
    })
    await failing.request('测试：损坏的快照')
    await failing.idle()
    // Its request stays queued for a retry that this test does not wait for.
    failing.stop()
    const [latest] = await builds()
    expect(latest).toMatchObject({ status: 'failed', reason: '测试：损坏的快照' })
    expect(latest?.error).toMatch(/version 99/)
    expect(await fs.realpath(liveDir(dist))).toBe(liveBefore)
  }, 120_000)
})
