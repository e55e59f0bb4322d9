import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { uploadTooLargeMessage } from '../cms/uploadLimit'
import { fileForm, pngImage } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let token: string
let articleId: number | string
let coverId: number | string
let coverPng: Buffer

beforeAll(async () => {
  // A small limit keeps the oversized fixture small; the check is the same at 10 MB.
  cms = await startTestCms({ maxUploadBytes: 1024 * 1024 })
  await createStaff(cms.payload)
  token = await cms.login('editor@example.org', STAFF_PASSWORD)
  coverPng = await pngImage(1600, 1000)
  const cover = await cms.rest('POST', '/media', { token, form: fileForm('cover.png', 'image/png', coverPng, { alt: '原封面' }) })
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

const mediaDir = () => path.join(cms.dir, 'media')
const mediaCount = async () => (await cms.payload.count({ collection: 'media' })).totalDocs
const articleCover = async () =>
  ((await cms.payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })) as { cover?: unknown }).cover
/** The sizes the media collection is configured to generate, as the running CMS has them. */
const configuredSizes = () => {
  const upload = cms.payload.collections.media.config.upload
  return (upload.imageSizes ?? []).map((s) => ({
    name: s.name,
    width: s.width!,
    height: s.height!,
    format: s.formatOptions?.format ?? 'same',
  }))
}
/** Random pixels do not compress: a PNG of about `bytes`. */
const noisePng = (bytes: number) => {
  const side = Math.ceil(Math.sqrt(bytes / 3))
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toBuffer()
}
const errorsOf = (body: any): { path: string; message: string }[] => body.errors?.flatMap((e: any) => e.data?.errors ?? []) ?? []

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

  it('accept WebP, GIF and AVIF and resize each into every configured size, even under one name', async () => {
    const sizes = configuredSizes()
    expect(sizes.length).toBeGreaterThan(0)
    const formats = [
      { format: 'webp', colour: { r: 20, g: 110, b: 200 } },
      { format: 'gif', colour: { r: 230, g: 160, b: 20 } },
      { format: 'avif', colour: { r: 40, g: 170, b: 90 } },
    ] as const
    const docs: { sizes: Record<string, { filename: string }> }[] = []
    for (const { format, colour } of formats) {
      // Larger than every size, so none is skipped for want of pixels; the same name for all three.
      const blank = sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } })
      const original = await blank[format]().toBuffer()
      const res = await cms.rest('POST', '/media', {
        token,
        form: fileForm(`photo.${format}`, `image/${format}`, original, { alt: format }),
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.doc).toMatchObject({ mimeType: `image/${format}`, width: 1600, height: 1000 })
      docs.push(res.body.doc)
    }
    // Read once all three are in, so a later upload that wrote over an earlier one's files shows.
    formats.forEach(({ format }, i) => expect(Object.keys(docs[i].sizes).sort(), format).toEqual(sizes.map((s) => s.name).sort()))
    for (const [i, { format, colour }] of formats.entries()) {
      for (const size of sizes) {
        const generated = docs[i].sizes[size.name]
        expect(generated, `${format} ${size.name}`).toMatchObject({
          width: size.width,
          height: size.height,
          mimeType: `image/${size.format}`,
        })
        const bytes = await fs.readFile(path.join(mediaDir(), generated.filename))
        expect(await sharp(bytes).metadata(), `${format} ${size.name}`).toMatchObject({
          format: size.format,
          width: size.width,
          height: size.height,
        })
        // It shows this upload's picture, not another's that happened to have the same name.
        const [r, g, b] = (await sharp(bytes).stats()).channels.map((c) => c.mean)
        for (const [got, want] of [
          [r, colour.r],
          [g, colour.g],
          [b, colour.b],
        ])
          expect(Math.abs(got! - want), `${format} ${size.name} (${generated.filename}) colour`).toBeLessThan(12)
      }
    }
  })

  it('refuse a file over the upload limit at Payload itself with 413 and the limit, and take one just under it', async () => {
    const before = await mediaCount()
    const over = await noisePng(1.3 * 1024 * 1024)
    expect(over.length).toBeGreaterThan(1024 * 1024)
    const res = await cms.rest('POST', '/media', { token, form: fileForm('over.png', 'image/png', over, { alt: '过大的图片' }) })
    expect(res.status).toBe(413)
    expect(res.body.errors?.[0]?.message).toBe(uploadTooLargeMessage())
    expect(await mediaCount()).toBe(before)
    // The same kind of picture under the limit goes in: the size alone was refused.
    const under = await noisePng(0.8 * 1024 * 1024)
    expect(under.length).toBeLessThan(1024 * 1024)
    const accepted = await cms.rest('POST', '/media', { token, form: fileForm('under.png', 'image/png', under, { alt: '不超限的图片' }) })
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201)
  })

  it('keep an article’s cover as it was when its image is replaced by a broken file', async () => {
    const files = async () => {
      const names = (await fs.readdir(mediaDir())).sort()
      return new Map(await Promise.all(names.map(async (n) => [n, await fs.readFile(path.join(mediaDir(), n))] as const)))
    }
    const docBefore = await cms.payload.findByID({ collection: 'media', id: coverId })
    const filesBefore = await files()
    const cut = coverPng.subarray(0, Math.floor(coverPng.length / 2))
    const truncated = await cms.rest('PATCH', `/media/${coverId}`, {
      token,
      form: fileForm('cover.png', 'image/png', cut, { alt: '新封面' }),
    })
    expect(truncated.status).toBe(400)
    expect(truncated.body.errors?.[0]?.message).toBe('“cover.png”不完整或已损坏，无法读取：请重新导出或重新拍摄后再上传。')
    const garbage = await cms.rest('PATCH', `/media/${coverId}`, {
      token,
      form: fileForm('cover.jpg', 'image/jpeg', 'GIF89a not really', { alt: '新封面' }),
    })
    expect(garbage.status).toBe(400)
    expect(garbage.body.errors?.[0]?.message).toContain('“cover.jpg”不是有效的图片文件')

    expect(await cms.payload.findByID({ collection: 'media', id: coverId })).toEqual(docBefore)
    const filesAfter = await files()
    expect([...filesAfter.keys()]).toEqual([...filesBefore.keys()])
    for (const [name, bytes] of filesBefore) expect(filesAfter.get(name)!.equals(bytes), name).toBe(true)
    expect(await articleCover()).toBe(coverId)
  })

  it('keep an article’s cover when it is saved pointing at an image that does not exist, and say which field', async () => {
    const last = (await cms.payload.find({ collection: 'media', sort: '-id', limit: 1 })).docs[0]!.id
    // An id of the database's own kind that names nothing (SQLite numbers, MongoDB ObjectIds), and one of no kind.
    const missing = typeof last === 'number' ? last + 1000 : 'f'.repeat(24)
    for (const cover of [missing, 'not-an-id', 12345]) {
      const res = await cms.rest('PATCH', `/articles/${articleId}?draft=true`, { token, json: { cover } })
      expect(res.status, JSON.stringify(res.body)).toBe(400)
      const [error] = errorsOf(res.body)
      expect(error?.path).toBe('cover')
      expect(error?.message).toBe(`封面图：所选的图片（编号 ${cover}）不存在，可能刚被删除：请重新选择。`)
      expect(await articleCover()).toBe(coverId)
    }
  })
})
