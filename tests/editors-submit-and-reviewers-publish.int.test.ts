import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let editor: string
let reviewer: string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())

const queue = async (token: string) =>
  (await cms.rest('GET', '/articles?draft=true&where[reviewState][equals]=submitted&depth=0', { token })).body.docs.map(
    (d: { title: string }) => d.title,
  )

describe('the review workflow', () => {
  it('moves a draft from an editor to the reviewers’ queue and onto the site', async () => {
    const created = await cms.rest('POST', '/articles?draft=true', {
      token: editor,
      json: { title: '社区工会开展夏季送清凉活动', _status: 'draft' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(created.body.doc.reviewState).toBe('writing')

    // Submitting is a draft save; the editor cannot approve their own work.
    await cms.rest('PATCH', `/articles/${id}?draft=true`, { token: editor, json: { reviewState: 'approved' } })
    expect((await cms.rest('GET', `/articles/${id}?draft=true`, { token: editor })).body.reviewState).toBe('submitted')
    expect(await queue(reviewer)).toContain('社区工会开展夏季送清凉活动')
    expect((await cms.rest('GET', `/articles/${id}`)).status).toBe(404)

    // Sent back for changes, then resubmitted.
    await cms.rest('PATCH', `/articles/${id}?draft=true`, { token: reviewer, json: { reviewState: 'returned' } })
    expect(await queue(reviewer)).not.toContain('社区工会开展夏季送清凉活动')
    await cms.rest('PATCH', `/articles/${id}?draft=true`, {
      token: editor,
      json: { title: '社区工会开展夏季送清凉活动（修改稿）', reviewState: 'submitted' },
    })
    expect(await queue(reviewer)).toContain('社区工会开展夏季送清凉活动（修改稿）')

    // The editor still cannot publish; the reviewer can, which settles the review.
    expect((await cms.rest('PATCH', `/articles/${id}`, { token: editor, json: { _status: 'published' } })).status).toBe(403)
    const published = await cms.rest('PATCH', `/articles/${id}`, { token: reviewer, json: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({ _status: 'published', reviewState: 'approved' })
    expect(await queue(reviewer)).not.toContain('社区工会开展夏季送清凉活动（修改稿）')
    expect((await cms.rest('GET', `/articles/${id}`)).body.title).toBe('社区工会开展夏季送清凉活动（修改稿）')
  })
})
