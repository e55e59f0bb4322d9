import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { rebuilderFor } from '../cms/publishing/rebuilder'
import { seedSampleContent } from '../cms/seed'
import { configureSettings, settings } from '../content-models/settings'
import { updateFolderMaker } from '../site/incremental/build'
import { buildSite, goLive, liveDir, readBuildInfo } from '../site/publish'
import { sharedRenderer } from '../site/renderer'
import { paragraph } from './helpers/fixtures'
import { startTestCms, type TestCms } from './helpers/payload'
import { allOutputText } from './helpers/site'

/**
 * An incremental update must leave the site a full build of the same content would make. Run
 * on the sample content with three news a listing page, so every listing spans several pages,
 * for each public type and each kind of change. Every page is compared whole, the lists of
 * related news too: the plan finds the pages listing a changed record from the snapshot.
 */
let cms: TestCms
let dist: string

beforeAll(async () => {
  cms = await startTestCms({ listingPageSize: 3, siteAutobuild: true, rebuildQuietMs: 2000 })
  dist = path.join(cms.dir, 'dist')
  configureSettings({ distDir: dist, snapshotDir: path.join(cms.dir, 'snapshot') })
  await seedSampleContent(cms.payload)
  await exportSnapshot(localSource(cms.payload, settings().mediaDir), settings().snapshotDir)
  await goLive(await buildSite({ snapshotDir: settings().snapshotDir, dist }), dist)
}, 300_000)
afterAll(() => cms?.close())

const pagesOf = (m: Map<string, string>) => [...m.keys()].filter((f) => f.endsWith('.html') || f.endsWith('.xml')).sort()
/** Where two pages first differ, with some context: the whole pages would say nothing in a failure message. */
const firstDifference = (a: string, b: string) => {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return i === a.length && i === b.length
    ? undefined
    : { update: a.slice(Math.max(0, i - 120), i + 200), full: b.slice(Math.max(0, i - 120), i + 200) }
}

const latestBuild = async () => (await cms.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })).docs[0]

/** Waits for the update, then builds the same snapshot in full beside it and compares the two. */
const expectSameAsFullBuild = async (mode: 'incremental' | 'full' = 'incremental', renderedBy: 'resident' | 'astro' = 'resident') => {
  await rebuilderFor(cms.payload).idle()
  expect(await latestBuild()).toMatchObject({ status: 'succeeded', mode })
  if (mode === 'incremental') expect(rebuilderFor(cms.payload).last()?.renderedBy).toBe(renderedBy)
  const live = await fs.realpath(liveDir(dist))
  const rendered = new Set((await readBuildInfo(live))?.written ?? [])
  const full = await buildSite({
    snapshotDir: settings().snapshotDir,
    dist: path.join(cms.dir, `reference-${Date.now()}`),
    // Pages are compared, not search indexes.
    staticSearch: false,
  })
  const [mine, theirs] = [await allOutputText(live), await allOutputText(full.dir)]
  expect(pagesOf(mine)).toEqual(pagesOf(theirs))
  // The server sends the compressed copies: each must be its file as the update left it.
  const copies = [...mine.keys()].filter((f) => /\.(br|gz)$/.test(f))
  expect(copies.length).toBeGreaterThan(pagesOf(mine).length)
  for (const copy of copies) expect(mine.get(copy), copy).toBe(mine.get(copy.replace(/\.(br|gz)$/, '')))
  for (const file of pagesOf(theirs)) {
    const [a, b] = [mine.get(file)!, theirs.get(file)!]
    expect(firstDifference(a, b), `${file}${rendered.has(file) ? ' (rendered by the update)' : ''}`).toBeUndefined()
  }
  await fs.rm(full.dir, { recursive: true, force: true })
  const pages = [...rendered].filter((f) => f.endsWith('.html'))
  return { rendered: pages.length, pages }
}

const find = async (collection: 'articles' | 'services' | 'workers-homes' | 'labor-models' | 'organizations' | 'regions', skip = 0) =>
  (await cms.payload.find({ collection, sort: 'createdAt', limit: 1, page: skip + 1, depth: 0 })).docs[0] as unknown as {
    id: number | string
    slug?: string
    title?: string
    name?: string
  }

describe('incremental updates on a site whose listings span several pages', () => {
  it('has listings of several pages to begin with', async () => {
    const files = await fs.readdir(path.join(liveDir(dist), 'news', 'page'))
    expect(files.length).toBeGreaterThanOrEqual(5)
  })

  it('publishes a new article: its page, its listings’ newest pages and the section counts, as a full build has them', async () => {
    const [category] = (await cms.payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs
    const [region] = (await cms.payload.find({ collection: 'regions', where: { level: { equals: 'district' } }, limit: 1, depth: 0 })).docs
    await cms.payload.create({
      collection: 'articles',
      data: {
        title: '增量测试：新发布的稿件',
        categories: [category!.id],
        region: region!.id,
        body: paragraph('新稿件正文。'),
        _status: 'published',
      },
    })
    const { rendered } = await expectSameAsFullBuild()
    expect(rendered).toBeLessThanOrEqual(60)
  }, 300_000)

  it('edits one article in place, renames another, unpublishes a third and deletes a fourth, in one update', async () => {
    const [a, b, c, d] = [await find('articles', 3), await find('articles', 8), await find('articles', 13), await find('articles', 21)]
    await cms.payload.update({ collection: 'articles', id: a.id, data: { title: `${a.title}（已更正）` } })
    await cms.payload.update({ collection: 'articles', id: b.id, data: { slug: `${b.slug}-renamed` } })
    await cms.payload.update({ collection: 'articles', id: c.id, data: { _status: 'draft' } })
    await cms.payload.delete({ collection: 'articles', id: d.id })
    await expectSameAsFullBuild()
    await expect(fs.access(path.join(liveDir(dist), 'news', String(d.slug), 'index.html'))).rejects.toThrow()
    await expect(fs.access(path.join(liveDir(dist), 'news', `${b.slug}-renamed`, 'index.html'))).resolves.toBeUndefined()
  }, 300_000)

  it('changes a service, a workers’ home, a labor model and an organization', async () => {
    const [service, home, model, org] = [
      await find('services', 2),
      await find('workers-homes', 1),
      await find('labor-models', 1),
      await find('organizations', 3),
    ]
    await cms.payload.update({ collection: 'services', id: service.id, data: { name: `${service.name}（新址）` } })
    await cms.payload.update({ collection: 'workers-homes', id: home.id, data: { name: `${home.name}（升级）` } })
    await cms.payload.update({ collection: 'labor-models', id: model.id, data: { employer: '增量测试单位' } })
    await cms.payload.update({ collection: 'organizations', id: org.id, data: { name: `${org.name}（更名）` } })
    await expectSameAsFullBuild()
  }, 300_000)

  it('renders the pages that list an article in their news when it is renamed and when it goes', async () => {
    const live = () => fs.realpath(liveDir(dist))
    // An article other articles list in their related news (the live site, as a full build made it).
    const articles = (await cms.payload.find({ collection: 'articles', sort: '-publishedAt', limit: 0, depth: 0 })).docs
    const html = await allOutputText(await live())
    const listing = (slug: unknown) =>
      [...html].filter(
        ([file, text]) =>
          file.startsWith('news/') &&
          file.endsWith('.html') &&
          !file.startsWith(`news/${String(slug)}/`) &&
          text.includes(`href="/news/${String(slug)}/"`) &&
          text.includes('related-title'),
      )
    const target = articles.find((a) => listing(a.slug).length > 0)!
    expect(target).toBeDefined()
    const model = await find('labor-models', 2)
    await cms.payload.update({ collection: 'labor-models', id: model.id, data: { relatedArticles: [target.id as never] } })
    await expectSameAsFullBuild()
    await cms.payload.update({ collection: 'articles', id: target.id, data: { title: `${target.title}（改题）` } })
    const renamed = await expectSameAsFullBuild()
    // The pages that link to it were rendered, not merely left alone and equal by chance.
    expect(renamed.pages).toEqual(
      expect.arrayContaining([`models/${model.slug}/index.html`, ...listing(target.slug).map(([file]) => file)]),
    )
    await cms.payload.update({ collection: 'articles', id: target.id, data: { _status: 'draft' } })
    await expectSameAsFullBuild()
    const after = await allOutputText(await live())
    expect([...after.values()].some((text) => text.includes(`href="/news/${String(target.slug)}/"`))).toBe(false)
  }, 300_000)

  it('takes a publish that arrives while a build runs into the next build', async () => {
    await cms.payload.create({
      collection: 'articles',
      data: { title: '增量测试：构建前发布', body: paragraph('第一篇。'), _status: 'published' },
    })
    const deadline = Date.now() + 60_000
    while ((await latestBuild())?.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect((await latestBuild())?.status).toBe('running')
    await cms.payload.create({
      collection: 'articles',
      data: { title: '增量测试：构建中发布', body: paragraph('第二篇。'), _status: 'published' },
    })
    await expectSameAsFullBuild()
    const text = await allOutputText(await fs.realpath(liveDir(dist)))
    for (const title of ['增量测试：构建前发布', '增量测试：构建中发布'])
      expect(
        [...text.values()].some((t) => t.includes(title)),
        title,
      ).toBe(true)
  }, 300_000)

  it('replaces a resident renderer killed with SIGKILL, and renders with astro build when told not to keep one', async () => {
    const renderer = sharedRenderer({ snapshotDir: settings().snapshotDir, dist })
    await renderer.ready
    process.kill(renderer.pid()!, 'SIGKILL')
    const [a, b] = [await find('articles', 5), await find('services', 4)]
    await cms.payload.update({ collection: 'articles', id: a.id, data: { title: `${a.title}（渲染进程重启后）` } })
    await expectSameAsFullBuild()
    expect(sharedRenderer({ snapshotDir: settings().snapshotDir, dist })).not.toBe(renderer)
    configureSettings({ residentRenderer: false })
    try {
      await cms.payload.update({ collection: 'services', id: b.id, data: { name: `${b.name}（由 astro build 生成）` } })
      await expectSameAsFullBuild('incremental', 'astro')
    } finally {
      configureSettings({ residentRenderer: true })
    }
  }, 300_000)

  it('rebuilds the whole site when reference data changes, without the resident renderer while it does', async () => {
    const renderer = sharedRenderer({ snapshotDir: settings().snapshotDir, dist })
    await renderer.ready
    const region = await find('regions', 1)
    await cms.payload.update({ collection: 'regions', id: region.id, data: { name: `${region.name}（新）` } })
    await expectSameAsFullBuild('full')
    // Closed for the full build, whose memory it would add to; a renderer on the new snapshot renders the next update.
    expect(renderer.alive()).toBe(false)
    // The rebuilder, idle, copies the new live build for the next update (if it has not yet, this makes the copy beside it: the first to finish provides it).
    await updateFolderMaker()(dist)
    const spare = path.join(dist, 'spare', path.basename(await fs.realpath(liveDir(dist))))
    expect(fsSync.existsSync(spare)).toBe(true)
    const a = await find('articles', 6)
    await cms.payload.update({ collection: 'articles', id: a.id, data: { title: `${a.title}（整站重建后）` } })
    await expectSameAsFullBuild('incremental', 'resident')
    // The update started from that copy, not from one of its own.
    expect(fsSync.existsSync(spare)).toBe(false)
  }, 300_000)
})
