import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bodySignature } from '../cms/importer/dedupe'
import { importArchive } from '../cms/importer/importArchive'
import { readStoredSignature, signedBodyContext, storedBodyText } from '../cms/importer/storedSignature'
import { blocksToLexical } from '../cms/seed/richText'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let editor: string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())

const first = [
  '入冬以来，青湖区总工会联合辖区十二家早餐店，为清晨作业的环卫工人开设爱心早餐点，每天早上五点半到七点免费供应。',
  '区总工会负责人介绍，早餐点的费用由职工服务经费列支，参与的店家每月按实际份数结算，目前已有六百多名环卫工人领取。',
]
const second = [
  '东港区总工会举办叉车司机技能比武，八十多名叉车司机同场竞技，比赛分理论考试和实操两部分，实操包括绕桩和托盘码垛。',
  '获得前三名的选手将由区总工会推荐参加市级比赛，并按规定申报技术能手称号，比武期间还开展了安全生产知识宣讲。',
]

const storedOf = async (id: number | string) =>
  readStoredSignature((await cms.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).duplicateSignature)

describe('the signature an import compares bodies by', () => {
  it('is made from the body at every save, kept by a save that leaves the body out, and never sent to staff', async () => {
    const doc = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '青湖区开设环卫工人爱心早餐点', body: blocksToLexical(first) as never, _status: 'draft' },
    })
    expect(await storedOf(doc.id)).toEqual(bodySignature(first.join('\n')))

    await cms.payload.update({ collection: 'articles', id: doc.id, draft: true, data: { body: blocksToLexical(second) as never } })
    expect(await storedOf(doc.id)).toEqual(bodySignature(second.join('\n')))

    await cms.payload.update({ collection: 'articles', id: doc.id, draft: true, data: { title: '东港区举办叉车司机技能比武' } })
    expect(await storedOf(doc.id)).toEqual(bodySignature(second.join('\n')))

    await cms.payload.update({
      collection: 'articles',
      id: doc.id,
      draft: true,
      data: { body: blocksToLexical(['通知全文见附件。']) as never },
    })
    expect(await storedOf(doc.id)).toBeNull()

    const res = await cms.rest('GET', `/articles/${doc.id}?draft=true&depth=0`, { token: editor })
    expect(res.status).toBe(200)
    expect(res.body.title).toBe('东港区举办叉车司机技能比武')
    expect(res.body).not.toHaveProperty('duplicateSignature')
  })

  it('finds a repost under another title by the stored signature, and by the body where the stored one is from an older version', async () => {
    const signed = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '青湖区为环卫工人开设爱心早餐点', body: blocksToLexical(first) as never, _status: 'draft' },
    })
    // As an article signed by an older version of the signature: it and its versions hold a stale one.
    const unsigned = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '东港区叉车司机同场比武', body: blocksToLexical(second) as never, _status: 'draft' },
    })
    await cms.payload.db.updateOne({
      collection: 'articles',
      id: unsigned.id,
      data: { duplicateSignature: { version: 0, minhash: null } },
      req: {} as never,
    })
    const { docs } = await cms.payload.findVersions({ collection: 'articles', where: { parent: { equals: unsigned.id } }, depth: 0 })
    for (const version of docs)
      await cms.payload.db.updateVersion({
        collection: 'articles',
        id: version.id,
        versionData: { ...version, version: { ...version.version, duplicateSignature: { version: 0, minhash: null } } } as never,
        req: {} as never,
      })
    expect(await storedOf(unsigned.id)).toBeUndefined()

    const dir = path.join(cms.dir, 'reposts')
    fs.mkdirSync(dir, { recursive: true })
    const repost = (title: string, lines: string[]) => `${title}\n\n2020年1月2日\n\n${lines.join('\n\n').replace('十二家', '12家')}\n`
    fs.writeFileSync(path.join(dir, 'a.txt'), repost('环卫工人吃上免费早餐', first))
    fs.writeFileSync(path.join(dir, 'b.txt'), repost('叉车司机比技能', second))
    const summary = await importArchive(cms.payload, [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')], { batch: 'reposts', dryRun: true })
    expect(summary.outcomes.map((o) => (o.status === 'duplicate' ? [o.status, o.reason, o.of] : [o.status]))).toEqual([
      ['duplicate', 'body', `已有文章 #${signed.id}「青湖区为环卫工人开设爱心早餐点」`],
      ['duplicate', 'body', `已有文章 #${unsigned.id}「东港区叉车司机同场比武」`],
    ])
  })

  it('is taken as handed over by a save that signed its body already, as an import does on its parse threads', async () => {
    const handed = bodySignature(second.join('\n'))!
    const doc = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '青湖区开设环卫工人爱心早餐点', body: blocksToLexical(first) as never, _status: 'draft' },
      context: signedBodyContext(handed),
    })
    expect(await storedOf(doc.id)).toEqual(handed)

    const dir = path.join(cms.dir, 'handed')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(
      path.join(dir, 'c.html'),
      `<html><head><title>职工书屋开放</title></head><body><h1>职工书屋开放</h1><p>${first[0]}</p><img src="missing.jpg"><p>${second[1]}</p></body></html>`,
    )
    const summary = await importArchive(cms.payload, [path.join(dir, 'c.html')], { batch: 'handed' })
    const imported = summary.outcomes[0]
    expect(imported.status).toBe('imported')
    const saved = await cms.payload.findByID({ collection: 'articles', id: (imported as { id: number }).id, draft: true, depth: 0 })
    expect(readStoredSignature(saved.duplicateSignature)).toEqual(bodySignature(storedBodyText(saved.body)))
    expect(readStoredSignature(saved.duplicateSignature)).toEqual(bodySignature(`${first[0]}\n${second[1]}`))
  })
})
