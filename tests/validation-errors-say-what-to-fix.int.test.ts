import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileForm, pngImage } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let token: string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  token = await cms.login('reviewer@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())

const errorsOf = (body: any): { path: string; message: string }[] => body.errors?.flatMap((e: any) => e.data?.errors ?? []) ?? []

describe('validation errors come back as clear messages', () => {
  it('names the missing title', async () => {
    const res = await cms.rest('POST', '/articles', { token, json: { summary: '没有标题', _status: 'published' } })
    expect(res.status).toBe(400)
    expect(errorsOf(res.body)).toContainEqual(expect.objectContaining({ path: 'title' }))
    expect(JSON.stringify(res.body)).toContain('标题')
  })

  it('explains a bad phone number with valid examples', async () => {
    const res = await cms.rest('POST', '/services', {
      token,
      json: { name: '测试服务', category: 'legal-aid', phones: [{ number: '123' }] },
    })
    expect(res.status).toBe(400)
    const [error] = errorsOf(res.body)
    expect(error?.path).toBe('phones.0.number')
    expect(error?.message).toContain('“123”')
    expect(error?.message).toContain('12351')
  })

  it('refuses coordinates outside WGS84 ranges', async () => {
    const res = await cms.rest('POST', '/workers-homes', {
      token,
      json: { name: '测试职工之家', awardLevel: 'city-model', coordinates: { lat: 120.2, lng: 30.3 } },
    })
    expect(res.status).toBe(400)
    const paths = errorsOf(res.body).map((e) => e.path)
    expect(paths).toContain('coordinates.lat')
    expect(JSON.stringify(res.body)).toContain('-90 到 90')
  })

  it('refuses a non-image upload even when it is named .jpg', async () => {
    const res = await cms.rest('POST', '/media', {
      token,
      form: fileForm('report.jpg', 'image/jpeg', '%PDF-1.4 not a picture', { alt: '伪装成图片的文档' }),
    })
    expect(res.status).toBe(400)
    // Names the file, says it is not a picture, and lists what would be accepted.
    expect(res.body.errors).toEqual([
      {
        name: 'APIError',
        data: { field: 'file' },
        message: '“report.jpg”不是有效的图片文件：请上传 JPEG、PNG、WebP、GIF、AVIF 格式的照片。',
      },
    ])
    expect((await cms.payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('requires alt text on images', async () => {
    const res = await cms.rest('POST', '/media', { token, form: fileForm('ok.png', 'image/png', await pngImage(), {}) })
    expect(res.status).toBe(400)
    expect(errorsOf(res.body)).toContainEqual(expect.objectContaining({ path: 'alt' }))
  })

  it('accepts a real image with alt text', async () => {
    const res = await cms.rest('POST', '/media', { token, form: fileForm('ok.png', 'image/png', await pngImage(), { alt: '测试图片' }) })
    expect(res.status).toBe(201)
    expect(res.body.doc.sizes.card.mimeType).toBe('image/webp')
  })
})
