import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let tokens: Record<'admin' | 'reviewer' | 'editor', string>
let ids: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  cms = await startTestCms()
  ids = await createStaff(cms.payload)
  tokens = {
    admin: await cms.login('admin@example.org', STAFF_PASSWORD),
    reviewer: await cms.login('reviewer@example.org', STAFF_PASSWORD),
    editor: await cms.login('editor@example.org', STAFF_PASSWORD),
  }
})
afterAll(() => cms?.close())

const publishedArticle = (title: string) => cms.payload.create({ collection: 'articles', data: { title, _status: 'published' } })
const draftArticle = (title: string) => cms.payload.create({ collection: 'articles', data: { title, _status: 'draft' }, draft: true })

describe('anonymous visitors', () => {
  it('may read published content and reference data but write nothing', async () => {
    await publishedArticle('公开新闻')
    expect((await cms.rest('GET', '/articles')).status).toBe(200)
    expect((await cms.rest('GET', '/regions')).status).toBe(200)
    expect((await cms.rest('GET', '/services')).status).toBe(200)
    expect((await cms.rest('POST', '/articles', { json: { title: '匿名投稿' } })).status).toBe(403)
    expect((await cms.rest('POST', '/regions', { json: { name: '某区', code: '339999', level: 'district' } })).status).toBe(403)
    expect((await cms.rest('GET', '/users')).status).toBe(403)
  })
})

describe('editors', () => {
  it('create drafts but cannot create published content', async () => {
    const draft = await cms.rest('POST', '/articles?draft=true', { token: tokens.editor, json: { title: '编辑的草稿', _status: 'draft' } })
    expect(draft.status).toBe(201)
    const published = await cms.rest('POST', '/articles', { token: tokens.editor, json: { title: '编辑想直接发布', _status: 'published' } })
    expect(published.status).toBe(403)
  })

  it('edit a draft but cannot publish it', async () => {
    const doc = await draftArticle('待审稿件')
    const edit = await cms.rest('PATCH', `/articles/${doc.id}?draft=true`, { token: tokens.editor, json: { title: '待审稿件（修改）' } })
    expect(edit.status).toBe(200)
    const publish = await cms.rest('PATCH', `/articles/${doc.id}`, { token: tokens.editor, json: { _status: 'published' } })
    expect(publish.status).toBe(403)
    const after = await cms.payload.findByID({ collection: 'articles', id: doc.id })
    expect(after._status).toBe('draft')
  })

  it('may save a draft revision of a published article without changing what the public sees', async () => {
    const doc = await publishedArticle('已发布的原标题')
    const revision = await cms.rest('PATCH', `/articles/${doc.id}?draft=true`, {
      token: tokens.editor,
      json: { title: '编辑修改中的标题' },
    })
    expect(revision.status).toBe(200)
    const live = await cms.rest('GET', `/articles/${doc.id}`)
    expect(live.body.title).toBe('已发布的原标题')
  })

  it('cannot change, unpublish or delete published content', async () => {
    const doc = await publishedArticle('不能被编辑下线的新闻')
    expect((await cms.rest('PATCH', `/articles/${doc.id}`, { token: tokens.editor, json: { title: '改掉' } })).status).toBe(403)
    expect((await cms.rest('PATCH', `/articles/${doc.id}`, { token: tokens.editor, json: { _status: 'draft' } })).status).toBe(403)
    expect((await cms.rest('DELETE', `/articles/${doc.id}`, { token: tokens.editor })).status).toBe(403)
    const still = await cms.payload.findByID({ collection: 'articles', id: doc.id })
    expect(still).toMatchObject({ title: '不能被编辑下线的新闻', _status: 'published' })
  })

  it('may delete an unpublished draft', async () => {
    const doc = await draftArticle('作废草稿')
    expect((await cms.rest('DELETE', `/articles/${doc.id}`, { token: tokens.editor })).status).toBe(200)
  })

  it('cannot manage users or grant themselves a role', async () => {
    expect(
      (await cms.rest('POST', '/users', { token: tokens.editor, json: { email: 'x@example.org', password: STAFF_PASSWORD, name: 'x' } }))
        .status,
    ).toBe(403)
    await cms.rest('PATCH', `/users/${ids.editor.id}`, { token: tokens.editor, json: { roles: ['admin'] } })
    const me = await cms.payload.findByID({ collection: 'users', id: ids.editor.id })
    expect(me.roles).toEqual(['editor'])
    const others = await cms.rest('GET', '/users', { token: tokens.editor })
    expect(others.body.docs.map((u: { email: string }) => u.email)).toEqual(['editor@example.org'])
  })

  it('cannot change reference data', async () => {
    expect((await cms.rest('POST', '/categories', { token: tokens.editor, json: { name: '新栏目', slug: 'new-section' } })).status).toBe(
      403,
    )
  })
})

describe('reviewers', () => {
  it('publish, unpublish and delete content', async () => {
    const doc = await draftArticle('审核通过的稿件')
    const publish = await cms.rest('PATCH', `/articles/${doc.id}`, { token: tokens.reviewer, json: { _status: 'published' } })
    expect(publish.status).toBe(200)
    expect((await cms.rest('GET', `/articles/${doc.id}`)).status).toBe(200)
    expect((await cms.rest('PATCH', `/articles/${doc.id}`, { token: tokens.reviewer, json: { _status: 'draft' } })).status).toBe(200)
    expect((await cms.rest('GET', `/articles/${doc.id}`)).status).toBe(404)
    expect((await cms.rest('DELETE', `/articles/${doc.id}`, { token: tokens.reviewer })).status).toBe(200)
  })

  it('maintain reference data but cannot manage users', async () => {
    expect((await cms.rest('POST', '/categories', { token: tokens.reviewer, json: { name: '通知公告', slug: 'notices' } })).status).toBe(
      201,
    )
    expect(
      (await cms.rest('POST', '/users', { token: tokens.reviewer, json: { email: 'y@example.org', password: STAFF_PASSWORD, name: 'y' } }))
        .status,
    ).toBe(403)
  })
})

describe('admins', () => {
  it('create users and grant roles', async () => {
    const res = await cms.rest('POST', '/users', {
      token: tokens.admin,
      json: { email: 'new-reviewer@example.org', password: STAFF_PASSWORD, name: '新审核', roles: ['reviewer'] },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.roles).toEqual(['reviewer'])
    expect((await cms.rest('PATCH', `/users/${ids.editor.id}`, { token: tokens.admin, json: { roles: ['reviewer'] } })).status).toBe(200)
    expect((await cms.payload.findByID({ collection: 'users', id: ids.editor.id })).roles).toEqual(['reviewer'])
  })
})
