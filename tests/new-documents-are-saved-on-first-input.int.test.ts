import { hasAutosaveEnabled, hasDraftValidationEnabled } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicContentSlugs } from '../content-models/publicTypes'
import { paragraph } from './helpers/fixtures'
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

describe('a new document in the admin', () => {
  it('is not created when the form opens: autosave is on and drafts are validated, the case in which Payload’s edit view creates nothing', () => {
    // @payloadcms/next views/Document creates a draft on opening 新建 exactly when autosave is
    // on and draft validation is off; the admin's own first save comes from SaveOnFirstInput.
    for (const slug of publicContentSlugs) {
      const config = cms.payload.collections[slug].config
      expect(hasAutosaveEnabled(config), slug).toBe(true)
      expect(hasDraftValidationEnabled(config), slug).toBe(true)
      expect(config.admin.components?.edit?.beforeDocumentControls, slug).toEqual(['/components/SaveOnFirstInput#SaveOnFirstInput'])
    }
  })

  it('saves as a draft with only what staff typed, as the first save and autosaves send it, while a publish still needs every required field', async () => {
    // What SaveOnFirstInput sends after the first keystrokes in the body: no title yet.
    const first = await cms.rest('POST', '/articles?depth=0&draft=true&fallback-locale=null', {
      token: editor,
      json: { body: paragraph('今年秋季，港区职工夜校'), _status: 'draft' },
    })
    expect(first.status).toBe(201)
    const id = first.body.doc.id
    const autosave = await cms.rest('PATCH', `/articles/${id}?autosave=true&depth=0&draft=true`, {
      token: editor,
      json: { title: '', body: paragraph('今年秋季，港区职工夜校开课'), _status: 'draft' },
    })
    expect(autosave.status).toBe(200)
    const services = await cms.rest('POST', '/services?draft=true', { token: editor, json: { name: '写了一半的服务', _status: 'draft' } })
    expect(services.status, 'a service draft without its required category').toBe(201)

    const publish = await cms.rest('PATCH', `/articles/${id}`, { token: reviewer, json: { _status: 'published' } })
    expect(publish.status).toBe(400)
    expect(JSON.stringify(publish.body)).toContain('title')
  })
})
