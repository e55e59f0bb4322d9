import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SnapshotArticle } from '../content-models/snapshot'
import { buildIndexFile } from '../site/search/indexFile'
import { parseRequest, SearchIndex, type SearchRequest } from '../site/search/query'
import { expectedUrls } from './helpers/searchRecall'
import { snapshotWith } from './helpers/snapshots'

/**
 * A synthetic snapshot (our own sentences, in Simplified and Traditional script, with phone
 * numbers, Latin words and markup-like text) and queries cut from its text at random: every
 * document whose text holds the query must be found, and no query — however hostile — may
 * reach FTS5 as syntax.
 */
const sentences = [
  '东港区职工书屋新增图书三千册，会员凭会员码借阅。',
  '青湖区工会为外卖骑手开展法律援助，咨询电话0579-88310148。',
  '舊城區職工之家重新開放，歡迎會員參加讀書會。',
  '云溪县户外劳动者驿站提供热水、充电和应急药箱。',
  '江南市总工会12351热线全天受理职工求助。',
  'App扫码即可预约WiFi覆盖的职工健身房。',
  '劳模创新工作室攻克焊接变形难题，获评省级示范。',
  '金秋助学活动资助困难职工子女，申请截止到9月30日。',
  '“两节”送温暖走访慰问一线职工和困难家庭。',
  '爱心妈咪小屋配备冰箱、沙发和遮挡帘。',
]

let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!

const article = (i: number): SnapshotArticle => {
  const body = Array.from({ length: 3 }, () => pick(sentences))
  return {
    id: String(i),
    slug: `synthetic-${i}`,
    title: `${pick(sentences).slice(0, 12)}（第${i}期）`,
    summary: pick(sentences),
    bodyHtml: body.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''),
    bodyText: body.join('\n'),
    publishedAt: new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 27))).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    source: i % 3 ? '江南市总工会' : '東港區總工會',
    author: `通讯员 第${i}号`,
    categories: [{ slug: 'news', name: i % 2 ? '工会要闻' : '基层动态' }],
    tags: i % 4 ? ['职工书屋'] : ['<b>标签</b>'],
    featured: false,
    script: 'simplified',
  }
}

const snapshot = snapshotWith({ articles: Array.from({ length: 120 }, (_, i) => article(i + 1)) })

let dir: string
let index: SearchIndex
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'server-search-unit-'))
  buildIndexFile(snapshot, path.join(dir, 'index.sqlite'))
  index = new SearchIndex(path.join(dir, 'index.sqlite'))
})
afterAll(() => {
  index?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  ...parseRequest(new URLSearchParams({ q })),
  ...extra,
})

const allUrls = (q: string) => {
  const urls: string[] = []
  for (let page = 1; ; page++) {
    const r = index.search(request(q, { page }))
    urls.push(...r.results.map((x) => x.url))
    if (page * r.pageSize >= r.total) return { urls, total: r.total }
  }
}

describe('server search index', () => {
  it('finds every document holding a substring cut at random from the content (1 to 8 characters, one or two terms)', () => {
    const texts = snapshot.articles.map((a) => `${a.title}\n${a.summary}\n${a.bodyText}\n${a.source}\n${a.author}`)
    let checked = 0
    for (let n = 0; n < 400; n++) {
      const text = pick(texts).replace(/\s+/g, '')
      const chars = [...text]
      const len = 1 + Math.floor(random() * 8)
      const at = Math.floor(random() * Math.max(1, chars.length - len))
      let q = chars.slice(at, at + len).join('')
      if (!/[\p{L}\p{N}]/u.test(q)) continue
      if (n % 5 === 0) q += ` ${pick(['职工', '會員', '0579', '书屋', '驿站'])}`
      const expected = expectedUrls(snapshot, q)
      const found = new Set(allUrls(q).urls)
      const missing = [...expected].filter((u) => !found.has(u))
      expect(missing, `query ${JSON.stringify(q)}`).toEqual([])
      checked++
    }
    expect(checked).toBeGreaterThan(300)
  })

  it('finds Simplified text with a Traditional query and the reverse, and numbers inside longer numbers', () => {
    for (const q of ['职工之家', '職工書屋', '旧城区', '88310148', '8831', '310148', '0579-88310148', 'wifi', 'APP', '12351热线']) {
      const expected = expectedUrls(snapshot, q)
      expect(expected.size, q).toBeGreaterThan(0)
      expect(new Set(allUrls(q).urls), q).toEqual(expected)
    }
  })

  it('answers hostile queries as plain words, without an error', () => {
    const hostile = [
      '"',
      '""',
      '*',
      'NEAR',
      'OR',
      'AND',
      'NOT',
      '职工 OR 书屋',
      'NEAR(职工 书屋, 2)',
      '{title}: 职工',
      'title:职工',
      '^职工',
      '职工*',
      '-职工',
      '+',
      '(',
      ')',
      "'; DROP TABLE docs; --",
      '<script>alert(1)</script>',
      '\u0000\u0001',
      '\ud800',
      '𠀀𠀁',
      '🙂',
      'x'.repeat(10_000),
      '职工 '.repeat(500),
      '%',
      '\\',
      '&amp;',
    ]
    // Random strings over the characters FTS5 gives meaning to.
    const pool = ['"', '*', '(', ')', ':', '^', '+', '-', '{', '}', ' ', 'NEAR', 'OR', 'AND', 'NOT', '职', '工', '書', '0', 'a', ',', '.']
    for (let i = 0; i < 500; i++) hostile.push(Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(pool)).join(''))
    for (const q of hostile) {
      const r = index.search(request(q))
      expect(r.total).toBeGreaterThanOrEqual(0)
      // Whatever is found must hold every term that has something searchable in it.
      for (const x of r.results) expect(x.excerptHtml).not.toMatch(/<(?!\/?mark>)/)
    }
    const long = index.search(request('职工'.repeat(5000)))
    expect(long.truncated).toBe(true)
    expect([...long.query].length).toBeLessThanOrEqual(100)
  })

  it('filters, counts and sorts over the whole match set', () => {
    const q = '职工'
    const all = allUrls(q)
    const r = index.search(request(q))
    // The hotlines page (职工服务热线) has a type but no section.
    expect(r.facets['类型'].reduce((n, v) => n + v.count, 0)).toBe(all.total)
    const sections = r.facets['栏目']
    expect(sections.reduce((n, v) => n + v.count, 0)).toBe(r.facets['类型'].find((v) => v.value === '新闻')!.count)
    for (const { value, count } of sections) expect(index.search(request(q, { filters: { 栏目: value } })).total).toBe(count)
    const years = r.facets['年份']
    for (const { value, count } of years) {
      const filtered = index.search(request(q, { filters: { 年份: value }, sort: 'newest' }))
      expect(filtered.total).toBe(count)
      for (const x of filtered.results) expect(x.date?.slice(0, 4)).toBe(value)
    }
    for (const sort of ['newest', 'oldest'] as const) {
      const dates: string[] = []
      for (let page = 1; page <= 3; page++) dates.push(...index.search(request(q, { sort, page })).results.map((x) => x.date!))
      const sorted = [...dates].sort()
      expect(dates).toEqual(sort === 'oldest' ? sorted : sorted.reverse())
    }
    // Titles first under relevance: every result whose title holds the query comes before any whose title does not.
    const relevance = index.search(request('书屋')).results.map((x) => x.title.includes('书屋'))
    expect(relevance.indexOf(false) === -1 || !relevance.slice(relevance.indexOf(false)).includes(true)).toBe(true)
  })

  it('marks the matched words in excerpts, escaped, in the script the page is written in', () => {
    const r = index.search(request('会员'))
    expect(r.results.length).toBeGreaterThan(0)
    for (const x of r.results) expect(x.excerptHtml).toMatch(/<mark>(会员|會員)<\/mark>/)
    const tagged = index.search(request('标签'))
    expect(tagged.results.some((x) => x.excerptHtml.includes('&#60;b&#62;<mark>标签</mark>'))).toBe(true)
  })
})
