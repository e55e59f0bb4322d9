import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pendingRequests } from '../cms/publishing/queue'
import { fileForm, paragraph, pngImage } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * An editor replaced the file and alt text of a published article's cover (200) and no rebuild
 * was queued: the site showed the old picture until a full build published the unreviewed one.
 */
let cms: TestCms
let editor: string
let reviewer: string
const ids: Record<'cover' | 'inText' | 'draftOnly', number> = { cover: 0, inText: 0, draftOnly: 0 }
let article: number | string

const upload = async (name: string, alt: string, colour = 40) => {
  const png = await pngImage(640 + colour, 400)
  const res = await cms.rest('POST', '/media', { token: editor, form: fileForm(name, 'image/png', png, { alt }) })
  expect(res.status).toBe(201)
  return res.body.doc.id as number
}
const media = (id: number | string) => cms.payload.findByID({ collection: 'media', id, depth: 0 })

beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  editor = await cms.login('editor@example.org', STAFF_PASSWORD)
  reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
  ids.cover = await upload('cover.png', '职工运动会开幕式')
  ids.inText = await upload('hall.png', '职工之家活动室', 60)
  ids.draftOnly = await upload('draft.png', '草稿里的图片', 80)
  const body = paragraph('运动会开幕。')
  ;(body.root.children as unknown[]).push({
    type: 'upload',
    version: 3,
    format: '',
    id: 'n1',
    fields: {},
    relationTo: 'media',
    value: ids.inText,
  })
  article = (
    await cms.payload.create({
      collection: 'articles',
      data: { title: '区总工会举办职工运动会', cover: ids.cover, body, _status: 'published' },
    })
  ).id
  await cms.payload.create({ collection: 'articles', draft: true, data: { title: '未发布的稿件', cover: ids.draftOnly, _status: 'draft' } })
  // What publishing the articles queued is not what this file looks at.
  await cms.payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'site' } } })
})
afterAll(() => cms?.close())

describe('an editor', () => {
  it('may not change the alt text or the file of a live article’s cover, and the image stays as it was', async () => {
    const before = await media(ids.cover)
    const alt = await cms.rest('PATCH', `/media/${ids.cover}`, { token: editor, json: { alt: '未经审核的说明' } })
    expect(alt.status).toBe(403)
    expect(alt.body.errors[0].message).toContain('正用于已发布的新闻「区总工会举办职工运动会」')
    expect(alt.body.errors[0].message).toContain('只有审核人员可以修改')
    const file = await cms.rest('PATCH', `/media/${ids.cover}`, {
      token: editor,
      form: fileForm('other.png', 'image/png', await pngImage(900, 600), { alt: '换了图片' }),
    })
    expect(file.status).toBe(403)
    const after = await media(ids.cover)
    expect({ alt: after.alt, filename: after.filename, filesize: after.filesize }).toEqual({
      alt: before.alt,
      filename: before.filename,
      filesize: before.filesize,
    })
    expect(fs.existsSync(path.join(cms.dir, 'media', before.filename!))).toBe(true)
    expect(await pendingRequests(cms.payload)).toEqual([])
  })

  it('may not change an image a live article shows in its text', async () => {
    expect((await cms.rest('PATCH', `/media/${ids.inText}`, { token: editor, json: { caption: '改了说明' } })).status).toBe(403)
    expect((await media(ids.inText)).caption ?? null).toBeNull()
  })

  it('may change an image only drafts use', async () => {
    const res = await cms.rest('PATCH', `/media/${ids.draftOnly}`, { token: editor, json: { alt: '草稿里的新说明' } })
    expect(res.status).toBe(200)
    expect(await pendingRequests(cms.payload)).toEqual([])
  })
})

describe('a reviewer', () => {
  it('may change a live image, which queues the pages that show it', async () => {
    const res = await cms.rest('PATCH', `/media/${ids.cover}`, { token: reviewer, json: { alt: '职工运动会开幕式（审核后）' } })
    expect(res.status).toBe(200)
    const queued = await pendingRequests(cms.payload)
    expect(queued.map((r) => r.doc)).toEqual([{ collection: 'articles', id: String(article) }])
    expect(queued[0]!.reason).toContain('区总工会举办职工运动会')
  })
})
