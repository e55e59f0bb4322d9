import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { s3FromEnv } from '../content-models/settings'
import { fileForm, pngImage } from './helpers/fixtures'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * Media on S3-compatible storage (S3_BUCKET set), against s3rver, a local S3 emulator: uploads
 * and their generated sizes land in the bucket and not on disk, the CMS serves them, and the
 * snapshot export and backups read them from the bucket.
 */
let cms: TestCms
let s3: { close: () => Promise<void> }
let s3Dir: string

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-s3-'))
  const { default: S3rver } = await import('s3rver')
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'portal-media' }] })
  const { port } = await server.run()
  s3 = server
  const s3Env = {
    S3_BUCKET: 'portal-media',
    S3_PREFIX: 'jiangnan',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  }
  cms = await startTestCms({ s3: s3FromEnv(s3Env) })
  await createStaff(cms.payload)
}, 120_000)
afterAll(async () => {
  await cms?.close()
  await s3?.close()
  fs.rmSync(s3Dir, { recursive: true, force: true })
})

describe('media on S3-compatible storage', () => {
  it('stores an upload and its sizes in the bucket, serves them, and exports and backs them up from there', async () => {
    const token = await cms.login('editor@example.org', STAFF_PASSWORD)
    const upload = await cms.rest('POST', '/media', {
      token,
      form: fileForm('harbour.png', 'image/png', await pngImage(1200, 800), { alt: '港口夜校' }),
    })
    expect(upload.status).toBe(201)
    const doc = upload.body.doc as { filename: string; sizes: Record<string, { filename: string }> }

    const { configuredMediaStore } = await import('../cms/media/store')
    const store = configuredMediaStore()
    expect(store.describe).toBe('s3://portal-media/jiangnan')
    const inBucket = await store.list()
    const expected = [doc.filename, ...Object.values(doc.sizes).map((s) => s.filename)]
    expect(inBucket).toEqual(expect.arrayContaining(expected))
    expect(expected.length).toBeGreaterThan(1)
    // Nothing was written to the local media folder.
    expect(fs.existsSync(path.join(cms.dir, 'media', doc.filename))).toBe(false)

    // The CMS serves the file from the bucket.
    const served = await cms.payload.find({ collection: 'media', where: { id: { equals: upload.body.doc.id } }, depth: 0 })
    expect(served.docs[0]?.url).toMatch(/\/api\/media\/file\/harbour/)
    const original = await store.read(doc.filename)
    const { handleEndpoints } = await import('payload')
    const config = (await import('../cms/payload.config')).default
    const response = await handleEndpoints({ config, request: new Request(`http://localhost:3000/api/media/file/${doc.filename}`) })
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true)
    expect(await (await import('sharp')).default(original).metadata()).toMatchObject({ width: 1200, height: 800 })

    // A published article with that cover exports with the bucket's bytes.
    const { exportSnapshot, localSource } = await import('../cms/export')
    await cms.payload.create({ collection: 'articles', data: { title: '港口夜校开课', cover: upload.body.doc.id, _status: 'published' } })
    const snapshotDir = path.join(cms.dir, 'snapshot')
    await exportSnapshot(localSource(cms.payload, store), snapshotDir)
    const exported = fs.readdirSync(path.join(snapshotDir, 'media'))
    expect(exported.length).toBeGreaterThan(0)
    for (const f of exported) expect(fs.readFileSync(path.join(snapshotDir, 'media', f)).equals(await store.read(f))).toBe(true)

    // A backup takes the bucket's files, with checksums.
    const { writeBackup } = await import('../cms/backup/backup')
    const manifest = await writeBackup(cms.payload, path.join(cms.dir, 'backup'), { media: store })
    expect(manifest.media.map((m) => m.file).sort()).toEqual([...inBucket].sort())
  }, 120_000)

  it('refuses to start half-configured, saying what is missing', async () => {
    expect(() => s3FromEnv({ S3_BUCKET: 'portal-media' })).toThrow(/S3_ACCESS_KEY_ID 或 S3_SECRET_ACCESS_KEY/)
    expect(s3FromEnv({})).toBeUndefined()
  })
})
