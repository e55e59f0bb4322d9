import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SnapshotArticle } from '../content-models/snapshot'
import { compressFiles, compressTree, negotiate } from '../site/compress'
import { indexFileOf } from '../site/search/files'
import { createSearchHandler } from '../site/search/handler'
import { buildIndexFile } from '../site/search/indexFile'
import { snapshotWith } from './helpers/snapshots'
import { serveStatic } from './helpers/site'

/**
 * The site server sends a build's precompressed copies by Accept-Encoding, with their own
 * length and ETag, and a copy is rewritten with its file: an update that replaces a page
 * (renamed into place, as the incremental build moves its pages in) never leaves the old
 * page behind in its .br or .gz.
 */
let dir: string
let site: Awaited<ReturnType<typeof serveStatic>>

const page = (words: string) => `<!doctype html><html lang="zh-CN"><body>${`<p>${words}</p>`.repeat(200)}</body></html>`

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'compressed-'))
  await fs.mkdir(path.join(dir, 'news'))
  await fs.writeFile(path.join(dir, 'news', 'index.html'), page('第一版新闻列表'))
  await fs.writeFile(path.join(dir, 'tiny.txt'), 'ok')
  await compressTree(dir)
  site = await serveStatic(dir)
})
afterAll(async () => {
  await site?.close()
  await fs.rm(dir, { recursive: true, force: true })
})

const get = (url: string, encoding?: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${site.url}${url}`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })

const decode = (body: Buffer, encoding: string | undefined) =>
  (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8')

describe('compressed responses', () => {
  it('sends Brotli, gzip or the file itself as the browser accepts, each with its own length and ETag', async () => {
    const plain = await get('/news/')
    const br = await get('/news/', 'gzip, deflate, br')
    const gz = await get('/news/', 'gzip, deflate')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(br.headers['content-encoding']).toBe('br')
    expect(gz.headers['content-encoding']).toBe('gzip')
    for (const r of [plain, br, gz]) {
      expect(r.status).toBe(200)
      expect(r.headers.vary).toBe('Accept-Encoding')
      expect(r.headers['content-type']).toContain('text/html')
      expect(Number(r.headers['content-length'])).toBe(r.body.length)
      expect(decode(r.body, r.headers['content-encoding'])).toBe(page('第一版新闻列表'))
    }
    expect(br.body.length).toBeLessThan(plain.body.length / 5)
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3)
  })

  it('leaves files too small to gain uncompressed', async () => {
    const r = await get('/tiny.txt', 'br')
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.body.toString()).toBe('ok')
  })

  it('serves the new page, never the old copy, once an update has replaced the page and removed another', async () => {
    const file = path.join(dir, 'news', 'index.html')
    // As the incremental build does: the page is renamed into place, then its copies follow.
    await fs.writeFile(`${file}.new`, page('第二版新闻列表'))
    await fs.rename(`${file}.new`, file)
    await fs.writeFile(path.join(dir, 'gone.html'), page('将被删除'))
    await compressFiles(dir, ['gone.html'])
    await fs.rm(path.join(dir, 'gone.html'))
    const copies = await compressFiles(dir, ['news/index.html', 'gone.html'])
    expect(copies.written.sort()).toEqual(['news/index.html.br', 'news/index.html.gz'])
    expect(copies.removed.sort()).toEqual(['gone.html.br', 'gone.html.gz'])
    for (const encoding of ['br', 'gzip']) {
      const r = await get('/news/', encoding)
      expect(decode(r.body, r.headers['content-encoding'])).toBe(page('第二版新闻列表'))
    }
    expect((await get('/gone.html', 'br')).status).toBe(404)
  })
})

describe("a full build's copies, made on threads", () => {
  const pages = Array.from({ length: 30 }, (_, i) => `p${i}/index.html`)
  const tree = async (name: string) => {
    const root = path.join(dir, name)
    for (const [i, file] of pages.entries()) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await fs.writeFile(path.join(root, file), page(`第${i}篇`))
    }
    await fs.writeFile(path.join(root, 'tiny.txt'), 'ok')
    // Copies left from a page an update removed: they must go.
    await fs.writeFile(path.join(root, 'gone.html.br'), 'stale')
    await fs.writeFile(path.join(root, 'gone.html.gz'), 'stale')
    return root
  }
  const sorted = (c: { written: string[]; removed: string[] }) => ({ written: [...c.written].sort(), removed: [...c.removed].sort() })

  it('writes and removes the copies the event loop would, each decoding to its file', async () => {
    const files = [...pages, 'tiny.txt', 'gone.html', 'picture.webp']
    const [loop, threads] = [await tree('on-loop'), await tree('on-threads')]
    const onLoop = await compressFiles(loop, files, { threadsFrom: Infinity })
    const onThreads = await compressFiles(threads, files, { threadsFrom: 1 })
    expect(sorted(onThreads)).toEqual(sorted(onLoop))
    expect(onThreads.written).toHaveLength(pages.length * 2)
    for (const [i, file] of pages.entries()) {
      const full = path.join(threads, file)
      expect(zlib.brotliDecompressSync(await fs.readFile(`${full}.br`)).toString()).toBe(page(`第${i}篇`))
      expect(zlib.gunzipSync(await fs.readFile(`${full}.gz`)).toString()).toBe(page(`第${i}篇`))
    }
    const left = await fs.readdir(threads)
    expect(left.filter((f) => f.startsWith('gone') || f.startsWith('tiny') || f.endsWith('.tmp'))).toEqual(['tiny.txt'])
  })

  it('fails with the file it could not read, and the reason, when a thread cannot read one', async () => {
    const root = await tree('unreadable')
    await fs.mkdir(path.join(root, 'folder.html'))
    const failure = await compressFiles(root, [...pages, 'folder.html'], { threadsFrom: 1 }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    const cause = (failure as Error).cause as Error & { cause?: { code?: string } }
    expect(cause.message).toContain(path.join(root, 'folder.html'))
    expect(cause.cause?.code).toBe('EISDIR')
  })
})

describe('search answers, compressed as they are made', () => {
  it('chooses Brotli, then gzip, as the browser accepts them, and honours a refusal', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiate('gzip, deflate')).toBe('gzip')
    expect(negotiate('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(negotiate('gzip;q=0')).toBeUndefined()
    expect(negotiate('*')).toBe('br')
    expect(negotiate(undefined)).toBeUndefined()
  })

  it('sends /search.json and /search/ in the accepted encoding, with Vary and their own length', async () => {
    const build = path.join(dir, 'search-build')
    await fs.mkdir(path.join(build, 'search'), { recursive: true })
    await fs.writeFile(path.join(build, 'search', 'index.html'), page('搜索'))
    const article: SnapshotArticle = {
      id: '1',
      slug: 'a1',
      title: '职工书屋开放',
      summary: '书屋',
      bodyHtml: '<p>职工书屋今天开放</p>',
      bodyText: '职工书屋今天开放',
      publishedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      categories: [{ slug: 'news', name: '工会要闻' }],
      tags: [],
      featured: false,
      script: 'simplified',
    }
    buildIndexFile(snapshotWith({ articles: [article] }), indexFileOf(build))
    const handler = createSearchHandler({ siteDir: build, headers: {}, threads: 1, ratePerSecond: 0, log: () => undefined })
    const server = http.createServer((req, res) => {
      if (!handler(req, res, () => res.writeHead(404).end())) res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const ask = (url: string, encoding?: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${port}${url}`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          })
          .on('error', reject)
      })
    try {
      for (const url of [`/search.json?q=${encodeURIComponent('书屋')}`, `/search/?q=${encodeURIComponent('书屋')}`]) {
        const plain = await ask(url)
        for (const [accept, sent] of [
          ['gzip, deflate, br', 'br'],
          ['gzip', 'gzip'],
        ] as const) {
          const r = await ask(url, accept)
          expect(r.headers['content-encoding'], `${url} ${accept}`).toBe(sent)
          expect(r.headers.vary).toBe('Accept-Encoding')
          expect(Number(r.headers['content-length'])).toBe(r.body.length)
          expect(decode(r.body, sent)).toBe(plain.body.toString('utf8'))
        }
        if (url.startsWith('/search.json')) expect(plain.body.toString('utf8')).toContain('/news/a1/')
      }
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await handler.close()
    }
  })
})
