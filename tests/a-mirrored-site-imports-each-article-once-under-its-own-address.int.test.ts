import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { childEnv } from '../content-models/settings'
import { EXPECTED_ARTICLES, EXPECTED_SKIPS, HOST, SLOGAN, TEMPLATE_LINES, writeMirroredSite } from './helpers/mirroredSite'
import { outcomesOf } from './helpers/importOutcomes'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'
import { makeZip } from './helpers/zip'

const root = path.resolve(import.meta.dirname, '..')

let cms: TestCms
let mirror: string
let pages: Record<string, string>
let editor: string

const plain = (node: unknown): string => {
  const n = node as { text?: string; children?: unknown[]; root?: unknown }
  return n.text ?? (n.root ? plain(n.root) : (n.children ?? []).map(plain).join('\n'))
}
const articles = async () =>
  (await cms.payload.find({ collection: 'articles', draft: true, pagination: false, depth: 0, sort: 'originalUrl' })).docs

const settled = async (id: number | string) => {
  for (let i = 0; i < 240; i++) {
    const res = await cms.rest('GET', `/import-batches/${id}?depth=0`, { token: editor })
    if (!['previewing', 'running'].includes(res.body.status)) return res.body
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`batch ${id} did not finish`)
}

const articleCount = Object.keys(EXPECTED_ARTICLES).length
const skipCount = Object.keys(EXPECTED_SKIPS).length

beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  mirror = path.join(cms.dir, 'mirror')
  pages = writeMirroredSite(mirror)
})
afterAll(() => cms?.close())

describe('a union portal saved whole with wget --mirror', () => {
  it('is read as one site by the command even when it imports in parts: a dry run lists the articles and says why every other page is skipped', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/import.ts', '--dry-run', mirror],
      // Two parts: the print and phone copies are in the second, the articles they copy in the first.
      { cwd: root, env: childEnv({ IMPORT_CHUNK_PAGES: '20' }) },
    )
    expect(result.stdout).toContain(`将导入 ${articleCount} 篇，重复跳过 0 篇，失败 0 个，列表页、打印版等非文章页面跳过 ${skipCount} 页`)
    expect(result.stdout).toContain(`plus/print.php?aid=123.html：打印版，与 ${HOST}/a/xinwen/2019/0312/123.html 是同一篇`)
    expect(result.stdout).toContain('a/xinwen/list_1_2.html：列表页（首页/栏目/分页/标签/搜索），不是文章')
    expect(await articles()).toEqual([])
  })

  it('uploaded as a zip in the admin, shows the skipped pages in the dry run and imports each article once, under its own address', async () => {
    const zip = makeZip(Object.entries(pages).map(([name, html]) => ({ name: `${HOST}/${name}`, data: Buffer.from(html) })))
    const form = new FormData()
    form.append('files', new File([new Uint8Array(zip)], '旧门户整站.zip'))
    const preview = await cms.rest('POST', '/import-batches/preview', { token: editor, form })
    expect(preview.status).toBe(200)
    const dry = await settled(preview.body.doc.id)
    expect({ status: dry.status, imported: dry.imported, skipped: dry.skipped, duplicates: dry.duplicates, failed: dry.failed }).toEqual({
      status: 'previewed',
      imported: articleCount,
      skipped: skipCount,
      duplicates: 0,
      failed: 0,
    })
    const skipped = Object.fromEntries(
      (await outcomesOf(cms.rest, dry.id, editor))
        .filter((o: { status: string }) => o.status === 'skipped')
        .map((o: { file: string; reason: string }) => [o.file.replace(`旧门户整站/${HOST}/`, ''), o.reason.replaceAll('旧门户整站/', '')]),
    )
    // Pages are named by their place in the upload, the zip's folder first.
    expect(skipped).toEqual(EXPECTED_SKIPS)
    expect(dry.report).toContain(
      `- 旧门户整站/${HOST}/m/view.php?aid=125.html：跳过，手机版，与 旧门户整站/${HOST}/a/xinwen/2019/0402/125.html 是同一篇`,
    )

    const run = await cms.rest('POST', `/import-batches/${dry.id}/run`, { token: editor, json: {} })
    expect(run.status).toBe(202)
    const done = await settled(dry.id)
    expect({ status: done.status, imported: done.imported, skipped: done.skipped }).toEqual({
      status: 'done',
      imported: articleCount,
      skipped: skipCount,
    })

    const docs = await articles()
    expect(Object.fromEntries(docs.map((d) => [d.originalUrl, d.title]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_ARTICLES).map(([p, title]) => [`http://${HOST}/${p}`, title])),
    )
    for (const doc of docs) {
      const lines = plain(doc.body).split('\n')
      expect(lines.length, doc.title).toBeGreaterThan(0)
      for (const line of [...TEMPLATE_LINES, SLOGAN]) expect(lines, doc.title).not.toContain(line)
      expect(doc.originalUrl).not.toContain(cms.dir)
    }
  })

  it('imported again from the folder on the server, finds every article already there by its address and writes nothing', async () => {
    const before = (await articles()).map((d) => [d.id, d.updatedAt])
    const [{ importArchive }, { collectFiles }] = await Promise.all([
      import('../cms/importer/importArchive'),
      import('../cms/importer/files'),
    ])
    const again = await importArchive(cms.payload, collectFiles([mirror]).files, { batch: 'again', root: mirror })
    expect({ imported: again.imported, duplicates: again.duplicates, skipped: again.skipped, failed: again.failed }).toEqual({
      imported: 0,
      duplicates: articleCount,
      skipped: skipCount,
      failed: 0,
    })
    expect(again.outcomes.every((o) => o.status !== 'duplicate' || o.reason === 'same-file')).toBe(true)
    expect((await articles()).map((d) => [d.id, d.updatedAt])).toEqual(before)
  })
})

describe('pages saved one by one, with no address of their own', () => {
  it('record their path inside the imported folder, never where that folder is on the server', async () => {
    const dir = path.join(cms.dir, '旧站')
    fs.mkdirSync(path.join(dir, '通知'), { recursive: true })
    fs.writeFileSync(
      path.join(dir, '通知', '停电通知.html'),
      '<html><head><title>青湖区职工服务中心停电通知</title></head><body><h1>青湖区职工服务中心停电通知</h1><p>2021-07-05</p><p>因线路检修，青湖区职工服务中心7月6日全天停电，窗口暂停服务，维权热线照常接听。</p></body></html>',
    )
    const [{ importArchive }, { collectFiles }] = await Promise.all([
      import('../cms/importer/importArchive'),
      import('../cms/importer/files'),
    ])
    const { files, roots } = collectFiles([dir])
    const summary = await importArchive(cms.payload, files, { batch: 'one', root: roots[0] })
    expect(summary.outcomes.map((o) => o.status)).toEqual(['imported'])
    const doc = (await cms.payload.find({ collection: 'articles', draft: true, depth: 0, where: { importBatch: { equals: 'one' } } }))
      .docs[0]
    expect(doc.originalUrl).toBe('通知/停电通知.html')
  })
})
