import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraph } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let editor: string
let live: number | string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  const doc = await cms.payload.create({
    collection: 'articles',
    data: { title: '已发布的标题', body: paragraph('已发布的正文。'), _status: 'published' },
  })
  live = doc.id
  await cms.payload.update({
    collection: 'articles',
    id: live,
    draft: true,
    data: { title: '修改中的标题', body: paragraph('修改中的<正文>。') },
  })
})
afterAll(() => cms?.close())

describe('the draft preview endpoint', () => {
  it('refuses anonymous visitors with a message saying to sign in', async () => {
    const res = await cms.rest('GET', `/articles/${live}/preview`)
    expect(res.status).toBe(401)
    expect(JSON.stringify(res.body)).toContain('请先登录')
  })

  it('gives staff the latest draft in the site’s article shape, with escaped rich text', async () => {
    const res = await cms.rest('GET', `/articles/${live}/preview`, { token: editor })
    expect(res.status).toBe(200)
    expect(res.body.article).toMatchObject({ title: '修改中的标题', bodyHtml: '<p>修改中的&lt;正文&gt;。</p>' })
    // The article is live; what is previewed is its unpublished change (the page says which).
    expect(res.body.status).toBe('published')
    // The public still sees the published version.
    expect((await cms.rest('GET', `/articles/${live}`)).body.title).toBe('已发布的标题')
  })

  it('says a draft that was never published is not live', async () => {
    const fresh = await cms.payload.create({ collection: 'articles', draft: true, data: { title: '从未发布的稿件', _status: 'draft' } })
    const res = await cms.rest('GET', `/articles/${fresh.id}/preview`, { token: editor })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ article: { title: '从未发布的稿件' }, status: 'draft' })
  })

  it('answers 404 for a document that does not exist', async () => {
    expect((await cms.rest('GET', '/articles/999999/preview', { token: editor })).status).toBe(404)
  })
})
