import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import sharp from 'sharp'

import { fileForm, pngImage } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let token: string
let articleId: number | string
let coverId: number | string

beforeAll(async () => {
  // A small limit keeps the oversized fixture small; the check is the same at 10 MB.
  cms = await startTestCms({ maxUploadBytes: 1024 * 1024 })
  await createStaff(cms.payload)
  token = await cms.login('editor@example.org', STAFF_PASSWORD)
  const cover = await cms.rest('POST', '/media', { token, form: fileForm('cover.png', 'image/png', await pngImage(), { alt: '原封面' }) })
  coverId = cover.body.doc.id
  const article = await cms.rest('POST', '/articles?draft=true', {
    token,
    json: { title: '封面不应被坏文件影响', cover: coverId, _status: 'draft' },
  })
  articleId = article.body.doc.id
})
afterAll(async () => {
  await cms?.close()
})

const mediaCount = async () => (await cms.payload.count({ collection: 'media' })).totalDocs
const articleCover = async () =>
  ((await cms.payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })) as { cover?: unknown }).cover

describe('uploads', () => {
  it('refuse an oversized file with a message that gives the limit, before Payload reads it', async () => {
    // The admin's Next.js proxy answers by Content-Length; Payload's own limit (a generic error
    // in production) is only the backstop. Checked by hand against `npm start`: 413 either way.
    const { NextRequest } = await import('next/server')
    const { proxy } = await import('../cms/proxy')
    const request = (bytes: number) =>
      new NextRequest('http://localhost:3000/api/media', { method: 'POST', headers: { 'content-length': String(bytes) } })
    const refused = proxy(request(3 * 1024 * 1024))
    expect(refused.status).toBe(413)
    expect((await refused.json()).errors[0].message).toContain('不能超过 1 MB')
    expect(proxy(request(900 * 1024)).headers.get('x-middleware-next')).toBe('1')
  })

  it('refuse a decompression bomb (tiny file, huge pixel count) before decoding it', async () => {
    const before = await mediaCount()
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: false })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const res = await cms.rest('POST', '/media', { token, form: fileForm('bomb.png', 'image/png', bomb, { alt: '像素炸弹' }) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/10000×10000.*百万像素以内/)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse a non-image renamed .png, and an SVG that could carry script', async () => {
    const before = await mediaCount()
    const fake = await cms.rest('POST', '/media', {
      token,
      form: fileForm('report.png', 'image/png', 'PK\u0003\u0004 this is a zip', { alt: '伪装文件' }),
    })
    expect(fake.status).toBe(400)
    expect(JSON.stringify(fake.body)).toContain('“report.png”不是有效的图片文件')
    const svg = await cms.rest('POST', '/media', {
      token,
      form: fileForm('x.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
        alt: '矢量图',
      }),
    })
    expect(svg.status).toBe(400)
    expect(await mediaCount()).toBe(before)
  })

  it('leave the document the image was meant for as it was', async () => {
    expect(await articleCover()).toBe(coverId)
    expect((await cms.payload.findByID({ collection: 'media', id: coverId })).alt).toBe('原封面')
  })
})
