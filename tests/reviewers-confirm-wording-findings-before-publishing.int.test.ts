import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicContentSlugs } from '../content-models/publicTypes'
import { seedSampleContent } from '../cms/seed'
import { checkDocument } from '../cms/wording/checker'
import { starterRules } from '../cms/wording/starterRules'
import { paragraph } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let editor: string
let reviewer: string
let staff: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  cms = await startTestCms()
  staff = await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
  // The sample content is published through the gate, with the starter rules loaded first.
  await seedSampleContent(cms.payload)
}, 300_000)
afterAll(() => cms?.close())

const body = '劳模工作室成员表示，将在新的一年里再接再励，继续攻坚。'

describe('the wording check on the sample content', () => {
  it('loads the starter list and finds nothing in any sample document, draft or published', async () => {
    expect((await cms.payload.count({ collection: 'wording-rules' })).totalDocs).toBe(starterRules.length)
    for (const collection of publicContentSlugs) {
      const { docs } = await cms.payload.find({ collection, draft: true, limit: 0, pagination: false, depth: 0 })
      expect(docs.length, collection).toBeGreaterThan(0)
      for (const doc of docs) expect(await checkDocument(cms.payload, collection, doc as never), `${collection} ${doc.id}`).toEqual([])
    }
  })
})

describe('publishing with wording findings', () => {
  it('over REST: shows the editor the finding, refuses the reviewer’s publish naming it, and publishes once a reviewer confirms it', async () => {
    const created = await cms.rest('POST', '/articles?draft=true', {
      token: editor,
      json: { title: '港区劳模工作室迎新春', body: paragraph(body), _status: 'draft' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    // What the admin asks as the editor types.
    const check = await cms.rest('POST', '/wording-rules/check', {
      token: editor,
      json: { collection: 'articles', data: { body: paragraph(body) } },
    })
    expect(check.status).toBe(200)
    expect(check.body.findings).toMatchObject([
      { key: 'body|再接再励|1', path: 'body', start: 17, end: 21, found: '再接再励', suggestion: '再接再厉' },
    ])
    expect((await cms.rest('POST', '/wording-rules/check', { json: { collection: 'articles', data: {} } })).status).toBe(401)

    const refused = await cms.rest('PATCH', `/articles/${id}`, { token: reviewer, json: { _status: 'published' } })
    expect(refused.status).toBe(400)
    const message: string = refused.body.errors[0].message
    expect(message).toContain('规范用语检查有 1 处未确认')
    expect(message).toContain('「正文」中的“再接再励”应为“再接再厉”')
    expect((await cms.rest('GET', `/articles/${id}`)).status).toBe(404)

    // An editor cannot confirm: the confirmation is dropped, and the publish is still refused.
    await cms.rest('PATCH', `/articles/${id}?draft=true`, { token: editor, json: { wordingConfirmations: [{ key: 'body|再接再励|1' }] } })
    const afterEditor = await cms.rest('GET', `/articles/${id}?draft=true`, { token: reviewer })
    expect(afterEditor.body.wordingConfirmations).toEqual([])
    expect((await cms.rest('PATCH', `/articles/${id}`, { token: reviewer, json: { _status: 'published' } })).status).toBe(400)

    const published = await cms.rest('PATCH', `/articles/${id}`, {
      token: reviewer,
      json: { _status: 'published', wordingConfirmations: [{ key: 'body|再接再励|1', by: '伪造的名字' }] },
    })
    expect(published.status).toBe(200)
    // The confirmation is recorded in the published version, stamped by the server.
    const versions = await cms.rest('GET', `/articles/versions?where[parent][equals]=${id}&where[version._status][equals]=published`, {
      token: reviewer,
    })
    expect(versions.body.docs[0].version.wordingConfirmations).toMatchObject([
      { key: 'body|再接再励|1', found: '再接再励', suggestion: '再接再厉', by: 'reviewer' },
    ])
    // Changing the live text (a plain update, no status sent) is checked as a publish is.
    const liveEdit = await cms.rest('PATCH', `/articles/${id}`, { token: reviewer, json: { title: '港区劳模工作室按步就班迎新春' } })
    expect(liveEdit.status).toBe(400)
    expect(liveEdit.body.errors[0].message).toContain('「标题」中的“按步就班”应为“按部就班”')
    // The public never sees who confirmed what.
    const anonymous = await cms.rest('GET', `/articles/${id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.wordingConfirmations).toBeUndefined()
  })

  it('through the Local API, with and without a user, and for Traditional text', async () => {
    const doc = await cms.payload.create({
      collection: 'articles',
      draft: true,
      data: { title: '中國總工會慰問一線職工', body: paragraph('节日里大家再接再勵。'), _status: 'draft' },
    })
    const publish = (extra: Record<string, unknown> = {}, user?: unknown) =>
      cms.payload.update({
        collection: 'articles',
        id: doc.id,
        data: { _status: 'published', ...extra },
        ...(user ? { user: user as never, overrideAccess: false } : {}),
      })
    const refusal = await publish().catch((e: { status?: number; message?: string }) => e)
    expect(refusal).toMatchObject({ status: 400 })
    expect((refusal as Error).message).toContain('「标题」中的“中國總工會”应为“中华全国总工会”')
    expect((refusal as Error).message).toContain('「正文」中的“再接再勵”应为“再接再厉”')
    await expect(publish({}, staff.reviewer)).rejects.toMatchObject({ status: 400 })
    // Confirming one of two is not enough.
    await expect(publish({ wordingConfirmations: [{ key: 'title|中国总工会|1' }] }, staff.reviewer)).rejects.toMatchObject({ status: 400 })
    const done = await publish({ wordingConfirmations: [{ key: 'title|中国总工会|1' }, { key: 'body|再接再励|1' }] }, staff.reviewer)
    expect(done._status).toBe('published')
  })

  it('rebuilds its matcher when the rules change', async () => {
    const data = { title: '职工书屋里的读书会' }
    expect(await checkDocument(cms.payload, 'articles', data)).toEqual([])
    const rule = await cms.rest('POST', '/wording-rules', {
      token: reviewer,
      json: { kind: 'avoid', find: '读书会', suggestion: '阅读分享会', note: '测试' },
    })
    expect(rule.status).toBe(201)
    expect(rule.body.doc.addedBy).toMatchObject({ id: staff.reviewer.id })
    expect((await checkDocument(cms.payload, 'articles', data)).map((f) => f.key)).toEqual(['title|读书会|1'])
    expect(
      (await cms.rest('POST', '/wording-rules', { token: editor, json: { kind: 'wrong', find: '甲', suggestion: '乙' } })).status,
    ).toBe(403)
    await cms.rest('DELETE', `/wording-rules/${rule.body.doc.id}`, { token: reviewer })
    expect(await checkDocument(cms.payload, 'articles', data)).toEqual([])
  })
})
