import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import { decodeContent } from '../../site/lib/searchTokens'
import type { TestCms } from './payload'
import { paragraph } from './fixtures'

/** Words that appear only in unpublished fixtures; finding one anywhere in the output is a leak. */
export const DRAFT_MARKERS = { article: '机密草稿标记甲', service: '机密草稿服务乙', home: '机密草稿之家丙', model: '机密草稿劳模丁' }

/**
 * Fixture content on top of the sample content: drafts carrying marker words, and an
 * archive page in Traditional script that a Simplified query must find.
 */
export const addFixtureContent = async ({ payload }: TestCms) => {
  await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: `${DRAFT_MARKERS.article}的新闻`, body: paragraph(`正文含有${DRAFT_MARKERS.article}。`), _status: 'draft' },
  })
  await payload.create({
    collection: 'services',
    draft: true,
    data: { name: DRAFT_MARKERS.service, category: 'legal-aid', status: 'active', _status: 'draft' },
  })
  await payload.create({
    collection: 'workers-homes',
    draft: true,
    data: { name: DRAFT_MARKERS.home, awardLevel: 'city-model', _status: 'draft' },
  })
  await payload.create({
    collection: 'labor-models',
    draft: true,
    data: { name: DRAFT_MARKERS.model, kind: 'individual', honors: [{ title: '市劳动模范' }], _status: 'draft' },
  })
  // A published article whose newer revision is still a draft: only the published text may show.
  const live = await payload.create({
    collection: 'articles',
    data: {
      title: '已发布的港区安全生产月报道',
      body: paragraph('安全生产月活动在港区开展。'),
      publishedAt: '2024-06-03T02:00:00.000Z',
      _status: 'published',
    },
  })
  await payload.update({ collection: 'articles', id: live.id, draft: true, data: { title: `${DRAFT_MARKERS.article}修订标题` } })
  await payload.create({
    collection: 'articles',
    data: {
      title: '舊城區職工書屋重新開放',
      slug: 'archive-traditional-book-house',
      body: paragraph('經過三個月的整修，舊城區職工書屋今天重新開放，新增圖書兩千冊，歡迎會員借閱。'),
      publishedAt: '2016-04-23T02:00:00.000Z',
      script: 'traditional',
      _status: 'published',
    },
  })
}

export const htmlFiles = async (dir: string) => (await fs.readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith('.html'))

/** Every text file of the output, its compressed copies read back, and the decompressed Pagefind fragments and metadata. */
export const allOutputText = async (dir: string): Promise<Map<string, string>> => {
  const texts = new Map<string, string>()
  for (const rel of (await fs.readdir(dir, { recursive: true })).map(String)) {
    const file = path.join(dir, rel)
    if (!(await fs.stat(file)).isFile()) continue
    if (/\.(html|xml|json|txt)$/.test(rel)) texts.set(rel, await fs.readFile(file, 'utf8'))
    // The compressed copies the server sends (site/compress.ts), read back: a word in one is in the output too.
    if (/\.(html|xml|json|txt)\.(br|gz)$/.test(rel)) {
      const data = await fs.readFile(file)
      texts.set(rel, (rel.endsWith('.br') ? zlib.brotliDecompressSync(data) : zlib.gunzipSync(data)).toString('utf8'))
    }
    if (/\.pf_(fragment|meta|index|filter)$/.test(rel)) {
      const text = zlib
        .gunzipSync(await fs.readFile(file))
        .toString('utf8')
        .replace(/\u200b/g, '')
      // A fragment's content holds Han text as character pairs (site/lib/searchTokens.ts): read it back as text too.
      const content = rel.endsWith('.pf_fragment') ? (JSON.parse(text.slice(text.indexOf('{'))) as { content?: string }).content : undefined
      texts.set(rel, content ? `${text}\n${decodeContent(content)}` : text)
    }
  }
  return texts
}

/**
 * site/serve.ts over a build folder, for browser tests: by default as a plain static host
 * (Pagefind search); `search: true` answers /search/ from the build's server index. A test
 * stands for many visitors asking in quick succession, so the per-address limit is off
 * (tests/search-stays-available-when-one-visitor-floods-it.unit.test.ts checks it).
 */
export const serveStatic = async (dir: string, options: { search?: boolean } = {}) => {
  const { serveSite } = await import('../../site/serve')
  const server: http.Server = await serveSite(0, dir, { search: options.search ?? false, searchRatePerSecond: 0 })
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

/** The page address of every record in a build's Pagefind index (its main index, shards and search delta). */
export const pagefindUrls = async (dir: string): Promise<string[]> => {
  const urls: string[] = []
  for (const rel of (await fs.readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith('.pf_fragment'))) {
    const text = zlib.gunzipSync(await fs.readFile(path.join(dir, rel))).toString('utf8')
    urls.push((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url)
  }
  return urls
}

/** The page address of every document in the server search index beside a build folder (with its changes file). */
export const serverIndexUrls = async (buildDir: string): Promise<string[]> => {
  const { SearchIndex } = await import('../../site/search/query')
  const { indexFileOf } = await import('../../site/search/files')
  const index = new SearchIndex(indexFileOf(buildDir))
  try {
    return index.matchUrls('')
  } finally {
    index.close()
  }
}
