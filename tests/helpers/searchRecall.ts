import * as OpenCC from 'opencc-js'

import type { ContentSnapshot, SnapshotService } from '../../content-models/snapshot'
import { recordUrl } from '../../site/routes'
import { site } from '../../site/lib/site'

/**
 * The recall definition of the search contract, written apart from both search paths so it
 * can catch either: a document matches a query when every whitespace-separated term occurs
 * as a substring of the document's text, both folded (NFKC, OpenCC t → cn, lower case).
 * The queries assume the sample content plus `addFixtureContent` (tests/helpers/site.ts),
 * whose Traditional-script archive page some of them need.
 */
export const recallQueries: string[] = [
  '职工书屋',
  '職工書屋',
  '法律援助',
  '金秋助学',
  '户外劳动者驿站',
  '送温暖',
  '12351',
  '0579-88310018',
  '0579-87250048',
  '爱心妈咪小屋',
  '工资集体协商',
  '劳动模范',
  '职业技能大赛',
  '扫码借书',
  '医疗互助',
  '模范职工之家',
  '骑手之家',
  '网约配送员',
  '外卖骑手',
  '书',
  '东港区 法律援助',
  '青湖区 骑手',
  '云溪县 农民工',
  '维权 服务',
  '12351 热线',
  // Traditional forms of words that occur only in Simplified pages.
  '職業技能',
  '工會會員',
  '勞模創新工作室',
  // Simplified forms of words that occur only in the Traditional archive page.
  '旧城区',
  '图书两千册',
  '舊城區',
  // Further words and forms the static path's test brought (same definition).
  '书屋',
  '职工之家',
  '驿站',
  '困难职工',
  '集体协商',
  '技能大赛',
  '创新工作室',
  '心理咨询',
  '湖滨金融港',
  '云溪县',
  '东港区 职工书屋',
  '法律援助 农民工',
  '焊接 劳模',
  '0579-88310025',
  '0579-86123388',
  '陈立',
  '江南市总工会宣传部',
  '職工之家',
  '勞動模範',
  '職工書屋 東港區',
  '法律援助 職工',
  '旧城区职工书屋',
  '舊城區職工書屋',
]

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
export const foldForRecall = (s: string) => toSimplified(s.normalize('NFKC')).toLowerCase()

/** Keys whose values are not human-readable text: ids, slugs, URLs, files, mime types, dates, enum codes. */
const NOT_TEXT = new Set([
  'id',
  'slug',
  'parentSlug',
  'relatedArticles',
  'originalUrl',
  'website',
  'file',
  'mimeType',
  'publishedAt',
  'updatedAt',
  'generatedAt',
  'date',
  'lastVerified',
  'code',
  'parentCode',
  'level',
  'kind',
  'status',
  'script',
  'category',
  'awardLevel',
  'audiences',
  'amenities',
  'facilities',
  'days',
])

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(
      /&(amp|lt|gt|quot|apos|nbsp|#39);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" })[e] ?? '',
    )

/** HTML as text, a block a line (so no match runs from one paragraph into the next). */
const htmlText = (html: string) =>
  decode(html.replace(/<\/(p|h\d|li|blockquote|figcaption|div)>|<br\s*\/?>/gi, '\n').replace(/<[^<>]*>/g, ''))

const collect = (value: unknown, key: string, out: string[]) => {
  if (NOT_TEXT.has(key)) return
  if (typeof value === 'string') out.push(key.endsWith('Html') ? htmlText(value) : value)
  else if (Array.isArray(value)) for (const v of value) collect(v, key, out)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k, out)
}

/** A record's readable text, unfolded. */
export const documentText = (record: unknown) => {
  const out: string[] = []
  collect(record, '', out)
  return out.join('\n')
}

/** The hotlines page has no record of its own: the national hotline and every hotline number services list. */
const hotlinesText = (services: readonly SnapshotService[]) => {
  const out = ['服务热线', site.hotline.label, site.hotline.number, site.hotline.hours]
  for (const s of services) {
    if (s.status === 'ended') continue
    for (const p of s.phones) if (p.hotline) out.push(p.number, p.label ?? '', p.hours ?? '')
  }
  return out.join('\n')
}

/** Every searchable page's URL with its folded text. */
export const searchableTexts = (snapshot: ContentSnapshot): Map<string, string> => {
  const texts = new Map<string, string>()
  for (const a of snapshot.articles) texts.set(recordUrl('articles', a.slug), documentText(a))
  for (const s of snapshot.services) texts.set(recordUrl('services', s.slug), documentText(s))
  for (const h of snapshot.workersHomes) texts.set(recordUrl('workersHomes', h.slug), documentText(h))
  for (const m of snapshot.laborModels) texts.set(recordUrl('laborModels', m.slug), documentText(m))
  texts.set('/hotlines/', hotlinesText(snapshot.services))
  for (const [url, text] of texts) texts.set(url, foldForRecall(text))
  return texts
}

const cache = new WeakMap<ContentSnapshot, Map<string, string>>()

/** URLs of the pages whose text contains every term of `query`. */
export const expectedUrls = (snapshot: ContentSnapshot, query: string): Set<string> => {
  const texts = cache.get(snapshot) ?? cache.set(snapshot, searchableTexts(snapshot)).get(snapshot)!
  const terms = query.split(/\s+/).filter(Boolean).map(foldForRecall)
  const found = new Set<string>()
  for (const [url, text] of texts) if (terms.every((t) => text.includes(t))) found.add(url)
  return found
}

/** |found ∩ expected| / |expected| (1 when nothing is expected). */
export const recall = (found: Iterable<string>, expected: Set<string>) => {
  if (!expected.size) return 1
  const f = new Set(found)
  let hit = 0
  for (const u of expected) if (f.has(u)) hit++
  return hit / expected.size
}

/** Expected pages of `expected` the search did not return. */
export const missedUrls = (expected: Set<string>, found: Iterable<string>) => {
  const f = new Set(found)
  return [...expected].filter((u) => !f.has(u))
}

/** Every searchable page's URL with its raw (unfolded) text. */
export const searchableDocuments = (snapshot: ContentSnapshot): { url: string; text: string }[] => [
  ...snapshot.articles.map((a) => ({ url: recordUrl('articles', a.slug), text: documentText(a) })),
  ...snapshot.services.map((r) => ({ url: recordUrl('services', r.slug), text: documentText(r) })),
  ...snapshot.workersHomes.map((r) => ({ url: recordUrl('workersHomes', r.slug), text: documentText(r) })),
  ...snapshot.laborModels.map((r) => ({ url: recordUrl('laborModels', r.slug), text: documentText(r) })),
  { url: '/hotlines/', text: hotlinesText(snapshot.services) },
]
