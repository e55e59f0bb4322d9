import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportSummary, Outcome } from '../cms/importer/importArchive'
import { hasNoise } from '../cms/importer/noise'
import { childEnv } from '../content-models/settings'
import { startTestCms, type TestCms } from './helpers/payload'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'legacy')
const root = path.resolve(import.meta.dirname, '..')

let cms: TestCms
let importArchive: typeof import('../cms/importer/importArchive').importArchive
let archive: string
const regionIds: Record<string, number | string> = {}

const write = (dir: string, name: string, data: string | Buffer) => {
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, name), data)
  return path.join(dir, name)
}
const fileNames = (summary: ImportSummary, status: Outcome['status']) =>
  summary.outcomes.filter((o) => o.status === status).map((o) => path.basename(o.file))
const articles = () => cms.payload.find({ collection: 'articles', draft: true, pagination: false, depth: 0, sort: 'title' })
const plain = (node: unknown): string => {
  const n = node as { text?: string; children?: unknown[]; root?: unknown }
  return n.text ?? (n.root ? plain(n.root) : (n.children ?? []).map(plain).join('\n'))
}

beforeAll(async () => {
  cms = await startTestCms()
  ;({ importArchive } = await import('../cms/importer/importArchive'))
  for (const [code, name, level] of [
    ['339900', '江南市', 'city'],
    ['339901', '青湖区', 'district'],
    ['339902', '东港区', 'district'],
    ['339921', '云溪县', 'district'],
    ['339921101', '竹岭镇', 'subdistrict'],
  ] as const) {
    regionIds[name] = (await cms.payload.create({ collection: 'regions', data: { code, name, level } })).id
  }

  // The archive as staff would hand it over: our fixtures, one of them in GBK, a binary file
  // named .html, a repost of one page under another title, and a page whose title and date
  // match another's.
  archive = path.join(cms.dir, 'archive')
  for (const name of ['forum-post.txt', 'forum-print.txt', 'pinyin-traditional.txt', 'portal-article.html']) {
    fs.mkdirSync(path.join(archive, 'site'), { recursive: true })
    fs.copyFileSync(path.join(fixtures, name), path.join(archive, 'site', name))
  }
  write(archive, 'annual-report-gbk.txt', iconv.encode(fs.readFileSync(path.join(fixtures, 'annual-report.txt'), 'utf8'), 'gbk'))
  write(archive, 'broken.html', crypto.randomBytes(2048))
  const print = fs.readFileSync(path.join(fixtures, 'forum-print.txt'), 'utf8')
  write(
    path.join(archive, 'site'),
    'z-repost.txt',
    print.replaceAll('云溪县竹岭镇：山里的职工书屋亮灯了', '山村职工书屋开放').replace(/2024-04-02/g, '2024-04-05'),
  )
  write(
    path.join(archive, 'site'),
    'z-same-title.txt',
    '东港区外卖骑手集中入会 “暖蜂驿站”同步开放\n- 2023-06-18\n东港区一百六十多名骑手集中加入工会。\n',
  )
  write(archive, 'notes.md', '# not a page')
})
afterAll(() => cms?.close())

describe('importing an archive folder', () => {
  let first: ImportSummary

  it('imports every clean page as a draft, skips the copies and reports the file it cannot read', async () => {
    const progress: number[] = []
    const { collectFiles } = await import('../cms/importer/files')
    const { files } = collectFiles([archive])
    first = await importArchive(cms.payload, files, { batch: 'batch-1', onProgress: (done) => progress.push(done) })

    expect(fileNames(first, 'imported').sort()).toEqual(
      ['annual-report-gbk.txt', 'forum-post.txt', 'forum-print.txt', 'pinyin-traditional.txt', 'portal-article.html'].sort(),
    )
    expect(first.outcomes.filter((o) => o.status === 'duplicate')).toEqual([
      expect.objectContaining({ file: path.join(archive, 'site', 'z-repost.txt'), reason: 'body' }),
      expect.objectContaining({ file: path.join(archive, 'site', 'z-same-title.txt'), reason: 'title-date' }),
    ])
    expect(first.outcomes.filter((o) => o.status === 'failed')).toEqual([
      { file: path.join(archive, 'broken.html'), status: 'failed', reason: '文件含有二进制内容，不是网页或文本文件' },
    ])
    expect({ imported: first.imported, duplicates: first.duplicates, failed: first.failed }).toEqual({
      imported: 5,
      duplicates: 2,
      failed: 1,
    })
    expect(progress.at(-1)).toBe(8)

    // Drafts only: nothing reaches the public API.
    const anonymous = await cms.rest('GET', '/articles?limit=50&depth=0')
    expect(anonymous.body.totalDocs).toBe(0)
  })

  it('writes the extracted fields, batch, original file, script and region', async () => {
    const docs = (await articles()).docs
    const byTitle = Object.fromEntries(docs.map((d) => [d.title, d]))
    const pick = (title: string) => {
      const d = byTitle[title]
      return {
        publishedAt: d.publishedAt ?? null,
        source: d.source ?? null,
        author: d.author ?? null,
        responsibleEditor: d.responsibleEditor ?? null,
        script: d.script,
        region: d.region,
        status: d._status,
        batch: d.importBatch,
        // Where the page is inside the folder imported, never where that folder is on this machine.
        originalUrl: d.originalUrl,
      }
    }
    expect(docs.map((d) => d.title).sort()).toEqual(
      [
        '2021年江南市东港区总工会工作回眸',
        '东港区叉车司机比武 十名“金牌叉手”出炉',
        '东港区外卖骑手集中入会 “暖蜂驿站”同步开放',
        '云溪县竹岭镇：山里的职工书屋亮灯了',
        '青湖區總工會爲環衛工人開設“愛心早餐”點',
      ].sort(),
    )
    const common = { status: 'draft', batch: 'batch-1' }
    expect(pick('青湖區總工會爲環衛工人開設“愛心早餐”點')).toEqual({
      ...common,
      publishedAt: '2019-11-08T00:30:12.000Z',
      source: '江南日報',
      author: '林小雨',
      responsibleEditor: '周敏',
      script: 'traditional',
      region: regionIds['青湖区'],
      originalUrl: 'site/pinyin-traditional.txt',
    })
    expect(pick('东港区外卖骑手集中入会 “暖蜂驿站”同步开放')).toEqual({
      ...common,
      publishedAt: '2023-06-18T01:00:00.000Z',
      source: '江南工人报',
      author: null,
      responsibleEditor: null,
      script: 'simplified',
      region: regionIds['东港区'],
      originalUrl: 'site/forum-post.txt',
    })
    expect(pick('云溪县竹岭镇：山里的职工书屋亮灯了')).toMatchObject({
      publishedAt: '2024-04-02T01:15:00.000Z',
      region: regionIds['竹岭镇'],
    })
    expect(pick('东港区叉车司机比武 十名“金牌叉手”出炉')).toMatchObject({
      publishedAt: '2020-05-12T08:40:00.000Z',
      source: '江南工人报',
      author: '陈晓东 刘洋',
      region: regionIds['东港区'],
    })
    // Undated: the title's year gives 31 December, and a tag tells staff to check it.
    expect(pick('2021年江南市东港区总工会工作回眸')).toMatchObject({
      publishedAt: '2021-12-31T01:00:00.000Z',
      region: regionIds['东港区'],
      originalUrl: 'annual-report-gbk.txt',
    })
    expect(byTitle['2021年江南市东港区总工会工作回眸'].tags).toEqual(['实干担当 勇立潮头', '日期待核实'])

    // Bodies are rich text with headings and captions, and carry no chrome, noise or markup.
    const portal = byTitle['东港区叉车司机比武 十名“金牌叉手”出炉'].body?.root.children ?? []
    expect(portal.map((n) => n.type)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ])
    expect(portal[4]).toMatchObject({ format: 'center', children: [{ text: '选手在“叉取水瓶”项目中比赛', format: 2 }] })
    for (const doc of docs) {
      const text = plain(doc.body)
      expect(hasNoise(text), doc.title).toBe(false)
      expect(text).not.toMatch(/<[a-z]|登录|注册|相关阅读|相關閱讀|评价一下|正确答案|Powered|\((qū|huì)\)/i)
    }
  })

  it('changes nothing when run again', async () => {
    const before = (await articles()).docs.map((d) => [d.id, d.updatedAt])
    const { collectFiles } = await import('../cms/importer/files')
    const again = await importArchive(cms.payload, collectFiles([archive]).files, { batch: 'batch-2' })
    expect({ imported: again.imported, duplicates: again.duplicates, failed: again.failed }).toEqual({
      imported: 0,
      duplicates: 7,
      failed: 1,
    })
    expect((await articles()).docs.map((d) => [d.id, d.updatedAt])).toEqual(before)
  })

  it('publishes with --publish, except a page with no date to find or infer, and writes nothing on a dry run', async () => {
    const extra = path.join(cms.dir, 'extra')
    const dated = write(
      extra,
      'a-dated.txt',
      '青湖区职工书屋延长开放时间\n- 2022-02-14 10:00\n青湖区总工会决定，辖区十家职工书屋从本月起每晚开放到九点，方便下夜班的职工借书还书。\n',
    )
    const undated = write(
      extra,
      'b-undated.txt',
      '东港区总工会年度工作要点\n\n今年东港区总工会将重点做好新就业形态劳动者入会和户外劳动者驿站建设两件事。\n',
    )

    const dry = await importArchive(cms.payload, [dated, undated], { batch: 'batch-3', publish: true, dryRun: true })
    expect(fileNames(dry, 'would-import')).toEqual(['a-dated.txt', 'b-undated.txt'])
    expect((await articles()).totalDocs).toBe(5)

    const run = await importArchive(cms.payload, [dated, undated], { batch: 'batch-3', publish: true })
    expect(run.outcomes.map((o) => o.status === 'imported' && [o.draft, o.note])).toEqual([
      [false, undefined],
      [true, '页面没有发布日期，已保留为草稿，请补上日期后发布'],
    ])
    const anonymous = await cms.rest('GET', '/articles?limit=50&depth=0')
    expect(anonymous.body.docs.map((d: { title: string; publishedAt: string }) => [d.title, d.publishedAt])).toEqual([
      ['青湖区职工书屋延长开放时间', '2022-02-14T02:00:00.000Z'],
    ])
  })
})

describe('the import command', () => {
  it('shows what a dry run would import, reports failures per file and exits non-zero for them', async () => {
    const dir = path.join(cms.dir, 'cli')
    write(
      dir,
      'new.txt',
      '云溪县溪口街道成立快递行业工会\n- 2025-03-01\n溪口街道辖区七家快递网点的九十多名快递员加入了新成立的行业工会。\n',
    )
    write(dir, 'photo.html', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(512)]))
    const run = promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/import.ts', '--dry-run', dir],
      {
        cwd: root,
        env: childEnv(),
      },
    )
    const error = await run.then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    )
    expect(error?.code).toBe(1)
    expect(error?.stdout).toContain('「云溪县溪口街道成立快递行业工会」2025-03-01 · 草稿')
    expect(error?.stdout).toContain('photo.html：这是JPEG 图片，不是网页或文本文件')
    expect(error?.stdout).toContain('将导入 1 篇，重复跳过 0 篇，失败 1 个')
    expect((await articles()).totalDocs).toBe(7)
  })

  it('imports a large archive in parts (IMPORT_CHUNK_PAGES) losing no page and finding duplicates across parts', async () => {
    const dir = path.join(cms.dir, 'parts')
    const page = (title: string, date: string, body: string) => `${title}\n- ${date}\n${body}\n`
    write(dir, 'a1.txt', page('青湖区举办职工篮球赛', '2024-05-06', '青湖区总工会组织辖区企业职工开展篮球比赛，二十支队伍参赛。'))
    write(dir, 'a2.txt', page('东港区开展夏送清凉活动', '2024-07-15', '东港区总工会走访高温作业一线，为环卫工人送去防暑用品。'))
    write(dir, 'b1.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), crypto.randomBytes(256)]))
    write(dir, 'b2.txt', page('云溪县举办劳动技能比武', '2024-09-20', '云溪县总工会举办电工技能比武，三十六名选手同场竞技。'))
    // A later part repeats a page of the first: it is found as a duplicate of what the first part wrote.
    write(dir, 'c1.txt', page('青湖区举办职工篮球赛', '2024-05-06', '青湖区总工会组织辖区企业职工开展篮球比赛，二十支队伍参赛。'))
    const before = (await articles()).totalDocs
    const error = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/import.ts', '--batch', 'parts', dir],
      { cwd: root, env: childEnv({ IMPORT_CHUNK_PAGES: '2' }) },
    ).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    )
    expect(error?.code).toBe(1)
    expect(error?.stdout).toContain('已导入 3 篇，重复跳过 1 篇，失败 1 个')
    expect(error?.stdout).toContain('b1.html：这是PNG 图片，不是网页或文本文件')
    expect(error?.stdout).toMatch(/c1\.txt：「青湖区举办职工篮球赛」标题和日期相同/)
    const imported = (
      await cms.payload.find({
        collection: 'articles',
        draft: true,
        pagination: false,
        depth: 0,
        where: { importBatch: { equals: 'parts' } },
      })
    ).docs
    expect(imported.map((d) => d.title).sort()).toEqual(['东港区开展夏送清凉活动', '云溪县举办劳动技能比武', '青湖区举办职工篮球赛'])
    expect((await articles()).totalDocs).toBe(before + 3)
  })
})

describe('pages saved with their images ("网页，全部")', () => {
  const platforms = path.join(import.meta.dirname, 'fixtures', 'platforms')

  it('turns each saved image into media with its caption as alt text, in place in the body, and lists the missing ones', async () => {
    const dir = path.join(cms.dir, 'saved')
    fs.cpSync(path.join(platforms, 'wechat-article.html'), path.join(dir, 'wechat-article.html'))
    fs.cpSync(path.join(platforms, 'wechat-article_files'), path.join(dir, 'wechat-article_files'), { recursive: true })
    fs.cpSync(path.join(platforms, 'discuz-x3-thread.html'), path.join(dir, 'discuz-x3-thread.html'))
    const { collectFiles } = await import('../cms/importer/files')
    const summary = await importArchive(cms.payload, collectFiles([dir]).files, { batch: 'saved' })

    expect(summary.outcomes.map((o) => [path.basename(o.file), o.status, o.status === 'imported' ? o.missingImages : undefined])).toEqual([
      ['discuz-x3-thread.html', 'imported', ['data/attachment/forum/202109/01/201301opening.jpg']],
      ['wechat-article.html', 'imported', ['https://mmbiz.qpic.cn/mmbiz_png/abc124/640?wx_fmt=png']],
    ])
    const media = await cms.payload.find({ collection: 'media', pagination: false, depth: 0 })
    expect(media.docs.map((m) => [m.alt, m.caption])).toEqual([['骑手之家揭牌仪式现场', '骑手之家揭牌仪式现场']])

    const wechat = await cms.payload.find({
      collection: 'articles',
      draft: true,
      depth: 0,
      where: { importBatch: { equals: 'saved' }, title: { equals: '东港区首家“骑手之家”在港城街道揭牌' } },
    })
    const doc = wechat.docs[0]
    expect({
      source: doc.source,
      author: doc.author,
      editor: doc.responsibleEditor,
      publishedAt: doc.publishedAt,
      cover: doc.cover,
    }).toEqual({
      source: '东港工会',
      author: '东港区总工会',
      editor: '王小溪',
      publishedAt: '2023-04-18T10:30:00.000Z',
      cover: media.docs[0].id,
    })
    const nodes = (doc.body?.root.children ?? []) as { type: string; value?: unknown }[]
    expect(nodes.map((n) => n.type)).toEqual(['upload', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph'])
    expect(nodes[0]).toMatchObject({ relationTo: 'media', value: media.docs[0].id })
    expect(plain(doc.body)).not.toMatch(/阅读原文|在看|写留言|二维码|关注我们/)

    // The snapshot renders the photo from its own copy of the media file, which it copies.
    const map = await import('../cms/export/map')
    const populated = await cms.payload.findByID({ collection: 'articles', id: doc.id, draft: true, depth: 1 })
    const copied: string[] = []
    const snap = map.article(
      populated as never,
      map.mediaCollector((file) => copied.push(file)),
    )
    const img = /<figure class="body-image"><img src="\/media\/([^"]+)" alt="骑手之家揭牌仪式现场" width="\d+" height="\d+"/.exec(
      snap.bodyHtml,
    )
    expect(img, snap.bodyHtml.slice(0, 300)).not.toBeNull()
    expect(copied).toContain(img![1])
    expect(snap.bodyHtml.indexOf('<figure')).toBeLessThan(snap.bodyHtml.indexOf('骑手之家揭牌仪式现场</'))
  })
})
