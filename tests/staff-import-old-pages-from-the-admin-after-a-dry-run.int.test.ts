import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { outcomePagePath, polledBatchPath } from '../cms/importer/admin/batchUrls'
import { OUTCOMES_PER_PIECE } from '../cms/importer/admin/ImportOutcomes'
import { outcomesOf } from './helpers/importOutcomes'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'
import { makeZip } from './helpers/zip'

const platforms = path.join(import.meta.dirname, 'fixtures', 'platforms')
const fixture = (name: string) => fs.readFileSync(path.join(platforms, name))

let cms: TestCms
let editor: string
let reviewer: string

const form = (files: [string, Buffer][], batch?: string) => {
  const data = new FormData()
  for (const [name, bytes] of files) data.append('files', new File([new Uint8Array(bytes)], name))
  if (batch) data.append('batch', batch)
  return data
}

/** Waits for a batch to leave the dry-run or import state, as the admin panel does by polling. */
const settled = async (id: number | string, token: string) => {
  for (let i = 0; i < 240; i++) {
    const res = await cms.rest('GET', `/import-batches/${id}?depth=0`, { token })
    if (!['previewing', 'running'].includes(res.body.status)) return res.body
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`batch ${id} did not finish`)
}

const articleCount = async () => (await cms.payload.find({ collection: 'articles', draft: true, limit: 0, depth: 0 })).totalDocs
const batchCount = async () => (await cms.payload.find({ collection: 'import-batches', limit: 0, depth: 0 })).totalDocs
const stagingDir = () => path.join(cms.dir, 'imports')

beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())

describe('an editor importing a saved forum thread and a zip of a saved site', () => {
  let id: number | string

  it("shows a dry run with every page's fields and writes no article", async () => {
    const site = makeZip([
      { name: 'site/gov-trs-meta.html', data: fixture('gov-trs-meta.html') },
      { name: 'site/wechat-article.html', data: fixture('wechat-article.html') },
      { name: 'site/wechat-article_files/640(1).jpeg', data: fixture('wechat-article_files/640(1).jpeg'), store: true },
      {
        name: '旧站/通知.txt',
        gbkName: iconv.encode('旧站/通知.txt', 'gbk'),
        data: iconv.encode(
          '东港区职工书屋周末照常开放\n- 2022-05-20\n东港区总工会职工书屋周六、周日照常开放，开放时间为上午九点到下午五点。\n',
          'gbk',
        ),
      },
    ])
    const res = await cms.rest('POST', '/import-batches/preview', {
      token: editor,
      form: form(
        [
          ['discuz-x3-thread.html', fixture('discuz-x3-thread.html')],
          ['site.zip', site],
          ['会议纪要.doc', Buffer.from('not a page')],
        ],
        '旧门户-测试',
      ),
    })
    expect(res.status).toBe(200)
    const doc = res.body.doc
    id = doc.id
    expect({
      name: doc.name,
      status: doc.status,
      pages: doc.pages,
      imported: doc.imported,
      duplicates: doc.duplicates,
      failed: doc.failed,
      ignored: doc.ignored,
    }).toEqual({
      name: '旧门户-测试',
      status: 'previewed',
      pages: 4,
      imported: 4,
      duplicates: 0,
      failed: 0,
      ignored: '会议纪要.doc',
    })
    const outcomes = await outcomesOf(cms.rest, id, editor)
    const rows = outcomes.map((o: Record<string, unknown>) => [o.file, o.status, o.title, o.publishedAt, o.source])
    expect(rows).toEqual([
      ['discuz-x3-thread.html', 'would-import', '望山街道职工篮球联赛开幕', '2021-09-01T12:15:00.000Z', '望山街道总工会'],
      [
        'site/site/gov-trs-meta.html',
        'would-import',
        '江南市总工会召开2023年职工技能提升工作推进会',
        '2023-05-12T08:20:00.000Z',
        '江南市总工会办公室',
      ],
      ['site/site/wechat-article.html', 'would-import', '东港区首家“骑手之家”在港城街道揭牌', '2023-04-18T10:30:00.000Z', '东港工会'],
      ['site/旧站/通知.txt', 'would-import', '东港区职工书屋周末照常开放', '2022-05-20T01:00:00.000Z', undefined],
    ])
    expect(outcomes[0].firstLines).toMatch(/^9月1日晚，望山街道第三届职工篮球联赛/)
    // The Discuz! attachment was not saved with the page; the WeChat photo was.
    expect(outcomes.map((o: { missingImages?: string[] }) => o.missingImages?.length ?? 0)).toEqual([1, 0, 1, 0])
    expect(await articleCount()).toBe(0)
    expect((await cms.payload.find({ collection: 'media', limit: 0 })).totalDocs).toBe(0)
  })

  it('may not publish on import', async () => {
    const res = await cms.rest('POST', `/import-batches/${id}/run`, { token: editor, json: { publish: true } })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain('只有审核人员可以在导入时直接发布')
    expect(await articleCount()).toBe(0)
  })

  it('imports the batch as drafts in the background, keeps the report and removes the upload', async () => {
    const res = await cms.rest('POST', `/import-batches/${id}/run`, { token: editor, json: {} })
    expect(res.status).toBe(202)
    const doc = await settled(id, editor)
    expect({ status: doc.status, publish: doc.publish, done: doc.done, imported: doc.imported }).toEqual({
      status: 'done',
      publish: false,
      done: 4,
      imported: 4,
    })
    expect(doc.report.split('\n')).toHaveLength(4)
    expect(doc.report).toContain('「望山街道职工篮球联赛开幕」2021-09-01 · 望山街道总工会 · 草稿；缺少图片 1 张')
    const articles = await cms.payload.find({ collection: 'articles', draft: true, depth: 0, pagination: false })
    expect(articles.docs.map((a) => [a.title, a._status, a.importBatch]).sort()).toEqual([
      ['东港区职工书屋周末照常开放', 'draft', '旧门户-测试'],
      ['东港区首家“骑手之家”在港城街道揭牌', 'draft', '旧门户-测试'],
      ['望山街道职工篮球联赛开幕', 'draft', '旧门户-测试'],
      ['江南市总工会召开2023年职工技能提升工作推进会', 'draft', '旧门户-测试'],
    ])
    expect((await cms.payload.find({ collection: 'media', limit: 0 })).totalDocs).toBe(1)
    expect(fs.existsSync(path.join(stagingDir(), String(id)))).toBe(false)
    // Drafts only: nothing reaches the public API.
    expect((await cms.rest('GET', '/articles?limit=10&depth=0')).body.totalDocs).toBe(0)
  })

  it('refuses to run the same batch twice', async () => {
    const res = await cms.rest('POST', `/import-batches/${id}/run`, { token: editor, json: {} })
    expect(res.status).toBe(409)
    expect(await articleCount()).toBe(4)
  })
})

describe('two quick clicks on 导入为草稿', () => {
  it('start the import once: the second gets 409 and no page is imported twice', async () => {
    const preview = await cms.rest('POST', '/import-batches/preview', {
      token: editor,
      form: form([
        ['empirecms-article.html', fixture('empirecms-article.html')],
        ['gov-zoom-partial.html', fixture('gov-zoom-partial.html')],
      ]),
    })
    expect(preview.status).toBe(200)
    const id = preview.body.doc.id
    const before = await articleCount()
    const [a, b] = await Promise.all([
      cms.rest('POST', `/import-batches/${id}/run`, { token: editor, json: {} }),
      cms.rest('POST', `/import-batches/${id}/run`, { token: editor, json: {} }),
    ])
    expect([a.status, b.status].sort()).toEqual([202, 409])
    const doc = await settled(id, editor)
    expect({ status: doc.status, imported: doc.imported }).toEqual({ status: 'done', imported: 2 })
    expect(await articleCount()).toBe(before + 2)
  })
})

describe('a reviewer importing', () => {
  it('publishes on import, and reports pages already in the CMS as duplicates', async () => {
    const preview = await cms.rest('POST', '/import-batches/preview', {
      token: reviewer,
      form: form([
        ['phpcms-article.html', fixture('phpcms-article.html')],
        ['discuz-x3-thread.html', fixture('discuz-x3-thread.html')],
      ]),
    })
    expect(preview.status).toBe(200)
    expect(preview.body.doc.name).toMatch(/^import-\d{8}-\d{6}$/)
    expect((await outcomesOf(cms.rest, preview.body.doc.id, reviewer)).map((o: { status: string }) => o.status)).toEqual([
      'duplicate',
      'would-import',
    ])
    const run = await cms.rest('POST', `/import-batches/${preview.body.doc.id}/run`, { token: reviewer, json: { publish: true } })
    expect(run.status).toBe(202)
    const doc = await settled(preview.body.doc.id, reviewer)
    expect({ status: doc.status, imported: doc.imported, duplicates: doc.duplicates }).toEqual({
      status: 'done',
      imported: 1,
      duplicates: 1,
    })
    const anonymous = await cms.rest('GET', '/articles?limit=10&depth=0')
    expect(anonymous.body.docs.map((d: { title: string }) => d.title)).toEqual(['望山街道举办职工趣味运动会'])
  })
})

describe('a large zip', () => {
  it('is previewed in the background, its batch counting the pages done', async () => {
    const pages = Array.from({ length: 80 }, (_, i) => ({
      name: `bbs/page-${String(i).padStart(3, '0')}.txt`,
      data: Buffer.from(
        `青湖区第${i + 1}期职工技能培训班开班\n- 2023-03-${String((i % 28) + 1).padStart(2, '0')}\n青湖区总工会第${i + 1}期职工技能培训班今天开班，${i + 11}名职工参加为期五天的电工和焊工培训。\n`,
      ),
    }))
    const res = await cms.rest('POST', '/import-batches/preview', { token: editor, form: form([['bbs.zip', makeZip(pages)]]) })
    expect(res.status).toBe(202)
    expect(res.body.doc).toMatchObject({ status: 'previewing', pages: 80 })
    const doc = await settled(res.body.doc.id, editor)
    expect({ status: doc.status, done: doc.done, imported: doc.imported }).toEqual({ status: 'previewed', done: 80, imported: 80 })
  })
})

describe('a batch of hundreds of pages', () => {
  it('keeps its outcomes in pages of 200 that replace the dry run, polls without them, and goes with its batch', async () => {
    const count = 2 * OUTCOMES_PER_PIECE + 20
    const names = Array.from({ length: count }, (_, i) => `news/page-${String(i).padStart(3, '0')}.txt`)
    const pages = names.map((name, i) => ({
      name,
      data: Buffer.from(
        `石桥镇第${i + 1}场职工夜校开课\n- 2022-0${(i % 9) + 1}-1${i % 10}\n石桥镇总工会第${i + 1}场职工夜校今晚开课，${i + 7}名职工学习安全生产和劳动合同知识。\n`,
      ),
    }))
    const res = await cms.rest('POST', '/import-batches/preview', { token: reviewer, form: form([['night-school.zip', makeZip(pages)]]) })
    expect(res.status).toBe(202)
    const id = res.body.doc.id
    await settled(id, reviewer)

    // What the admin polls: the counts, not the report and not the outcomes.
    const polled = await cms.rest('GET', polledBatchPath(id), { token: reviewer })
    expect(polled.body).toMatchObject({ status: 'previewed', pages: count, done: count, imported: count })
    expect(polled.body).not.toHaveProperty('report')
    expect(JSON.stringify(polled.body).length).toBeLessThan(1000)
    // Nor does the whole batch document carry them.
    const whole = await cms.rest('GET', `/import-batches/${id}?depth=0`, { token: reviewer })
    expect(whole.body).not.toHaveProperty('outcomes')

    const piecesOf = async () => {
      const found = await cms.payload.find({
        collection: 'import-outcomes',
        where: { batch: { equals: id } },
        sort: 'first',
        pagination: false,
      })
      return found.docs.map((d) => ({ first: d.first, rows: (d.outcomes as unknown[]).length }))
    }
    expect(await piecesOf()).toEqual([
      { first: 0, rows: OUTCOMES_PER_PIECE },
      { first: OUTCOMES_PER_PIECE, rows: OUTCOMES_PER_PIECE },
      { first: 2 * OUTCOMES_PER_PIECE, rows: 20 },
    ])
    const page2 = await cms.rest('GET', outcomePagePath(id, 2), { token: reviewer })
    expect({ page: page2.body.page, totalPages: page2.body.totalPages, first: page2.body.docs[0].first }).toEqual({
      page: 2,
      totalPages: 3,
      first: OUTCOMES_PER_PIECE,
    })
    const dry = await outcomesOf(cms.rest, id, reviewer)
    expect(dry.map((o) => o.file)).toEqual(names.map((n) => `night-school/${n}`))
    expect(new Set(dry.map((o) => o.status))).toEqual(new Set(['would-import']))
    expect((await cms.rest('GET', outcomePagePath(id, 1))).status).toBe(403)

    expect((await cms.rest('POST', `/import-batches/${id}/run`, { token: reviewer, json: {} })).status).toBe(202)
    await settled(id, reviewer)
    expect((await piecesOf()).map((p) => p.rows)).toEqual([OUTCOMES_PER_PIECE, OUTCOMES_PER_PIECE, 20])
    const run = await outcomesOf(cms.rest, id, reviewer)
    expect(run.map((o) => [o.file, o.status, o.draft])).toEqual(names.map((n) => [`night-school/${n}`, 'imported', true]))

    expect((await cms.rest('DELETE', `/import-batches/${id}`, { token: reviewer })).status).toBe(200)
    expect(await piecesOf()).toEqual([])
  })
})

describe('uploads that are refused with a message and leave nothing behind', () => {
  const refused = async (files: [string, Buffer][], status: number, message: string) => {
    const before = await batchCount()
    const res = await cms.rest('POST', '/import-batches/preview', { token: editor, form: form(files) })
    expect(res.status).toBe(status)
    expect(res.body.errors[0].message).toContain(message)
    expect(await batchCount()).toBe(before)
    expect(fs.readdirSync(stagingDir()).filter((d) => !fs.readdirSync(path.join(stagingDir(), d)).length)).toEqual([])
  }

  it('a zip whose paths leave its folder', async () => {
    const zip = makeZip([
      { name: 'ok.html', data: fixture('phpwind9-thread.html') },
      { name: '../../escaped.html', data: Buffer.from('<p>x</p>') },
    ])
    await refused([['evil.zip', zip]], 400, '指向压缩包以外的位置')
    expect(fs.existsSync(path.join(cms.dir, 'escaped.html'))).toBe(false)
    expect(fs.existsSync(path.join(stagingDir(), 'escaped.html'))).toBe(false)
  })

  it('an absolute path in a zip', async () => {
    await refused([['abs.zip', makeZip([{ name: '/tmp/escaped.html', data: Buffer.from('x') }])]], 400, '指向压缩包以外的位置')
  })

  it('a zip bomb', async () => {
    await refused([['bomb.zip', makeZip([{ name: 'zeros.html', data: Buffer.alloc(8 * 1024 * 1024) }])]], 400, '压缩炸弹')
  })

  it('a page over the size limit', async () => {
    await refused([['huge.html', Buffer.alloc(21 * 1024 * 1024, 0x41)]], 413, '超过 20 MB')
  })

  it('a file that is not a zip', async () => {
    await refused([['archive.zip', Buffer.from('Rar!\x1a\x07\x00 not a zip')]], 400, '不是有效的 zip 压缩包')
  })

  it('no pages at all', async () => {
    await refused([['photo.doc', Buffer.from('x')]], 400, '没有 .html、.htm 或 .txt 网页文件')
  })

  it('anyone not signed in', async () => {
    const res = await cms.rest('POST', '/import-batches/preview', { form: form([['a.html', fixture('phpwind9-thread.html')]]) })
    expect(res.status).toBe(401)
  })

  it('writing a batch through the REST create route', async () => {
    const res = await cms.rest('POST', '/import-batches', { token: reviewer, json: { name: 'x', status: 'previewed' } })
    expect(res.status).toBe(403)
  })
})
