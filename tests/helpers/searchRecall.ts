import * as OpenCC from 'opencc-js'

import type { ContentSnapshot } from '../../content-models/snapshot'
import { detailUrl } from '../../site/incremental/plan'
import { site } from '../../site/lib/site'

/**
 * What "a document matches a query" means for both search paths (search-contract.md): every
 * whitespace-separated term is a substring of the document's text, both folded to Simplified
 * (OpenCC t → cn) and lower-cased after NFKC. Tests and the bench compute expected sets with
 * this from the snapshot; nothing here knows what a search engine returns.
 */

/**
 * Queries over the sample content: words and phrases, two-word queries, Traditional forms, a
 * Traditional-only query whose words occur only in Simplified pages (职工之家 is never written
 * 職工之家 in the sample) and the reverse (舊城區 exists only on the Traditional fixture page,
 * asked for in Simplified), the national hotline and local numbers.
 */
export const recallQueries: string[] = [
  '职工书屋',
  '书屋',
  '法律援助',
  '职工之家',
  '劳动模范',
  '户外劳动者驿站',
  '驿站',
  '金秋助学',
  '送温暖',
  '困难职工',
  '集体协商',
  '骑手之家',
  '爱心妈咪小屋',
  '医疗互助',
  '技能大赛',
  '创新工作室',
  '心理咨询',
  '湖滨金融港',
  '云溪县',
  '东港区 职工书屋',
  '法律援助 农民工',
  '焊接 劳模',
  '12351',
  '0579-88310025',
  '0579-86123388',
  '陈立',
  '江南市总工会宣传部',
  '職工之家',
  '勞動模範',
  '職工書屋 東港區',
  '法律援助 職工',
  '旧城区',
  '旧城区职工书屋',
  '舊城區職工書屋',
]

const fold = (() => {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
  return (text: string) => toSimplified(text.normalize('NFKC')).toLowerCase()
})()

/** Keys whose values are identifiers, addresses of things, dates or enum codes: not text a reader searches. */
const NOT_TEXT = new Set([
  'id',
  'slug',
  'parentSlug',
  'code',
  'parentCode',
  'level',
  'kind',
  'status',
  'category',
  'awardLevel',
  'script',
  'originalUrl',
  'website',
  'file',
  'mimeType',
  'publishedAt',
  'updatedAt',
  'lastVerified',
  'date',
  'days',
  'opens',
  'closes',
  'audiences',
  'amenities',
  'facilities',
  'relatedArticles',
  'bodyText',
  'original',
  'sizes',
])

const HTML_KEYS = /Html$/

const htmlText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", nbsp: ' ' })[e]!)

/** Every human-readable string of a snapshot record, joined with newlines so no term spans two fields. */
export const documentText = (record: unknown): string => {
  const out: string[] = []
  const walk = (value: unknown, key?: string) => {
    if (key && NOT_TEXT.has(key)) return
    if (typeof value === 'string') out.push(key && HTML_KEYS.test(key) ? htmlText(value) : value)
    else if (Array.isArray(value)) for (const v of value) walk(v, key && NOT_TEXT.has(key) ? key : undefined)
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  walk(record)
  return out.join('\n')
}

/** The searchable documents of a snapshot: URL and text. */
export const searchableDocuments = (snapshot: ContentSnapshot): { url: string; text: string }[] => [
  ...snapshot.articles.map((r) => ({ url: detailUrl('articles', r.slug), text: documentText(r) })),
  ...snapshot.services.map((r) => ({ url: detailUrl('services', r.slug), text: documentText(r) })),
  ...snapshot.workersHomes.map((r) => ({ url: detailUrl('workersHomes', r.slug), text: documentText(r) })),
  ...snapshot.laborModels.map((r) => ({ url: detailUrl('laborModels', r.slug), text: documentText(r) })),
  // The hotlines page lists the national hotline once, then the other hotline numbers of
  // services still running, with their services' names.
  {
    url: '/hotlines/',
    text: documentText([
      site.hotline,
      ...snapshot.services
        .filter((s) => s.status !== 'ended')
        .flatMap((s) => s.phones.filter((p) => p.hotline && p.number !== site.hotline.number).map((p) => ({ name: s.name, number: p.number, label: p.label, hours: p.hours }))),
    ]),
  },
]

const termsOf = (query: string) => fold(query).split(/\s+/).filter(Boolean)

const cache = new WeakMap<ContentSnapshot, { url: string; text: string }[]>()

/** URLs of every searchable document whose folded text contains every folded term of the query. */
export const expectedUrls = (snapshot: ContentSnapshot, query: string): Set<string> => {
  let docs = cache.get(snapshot)
  if (!docs) cache.set(snapshot, (docs = searchableDocuments(snapshot).map((d) => ({ url: d.url, text: fold(d.text) }))))
  const terms = termsOf(query)
  return new Set(docs.filter((d) => terms.every((t) => d.text.includes(t))).map((d) => d.url))
}

/** |found ∩ expected| / |expected|, and what was missed. */
export const recall = (expected: Set<string>, found: Iterable<string>) => {
  const got = new Set(found)
  const missed = [...expected].filter((u) => !got.has(u))
  return { recall: expected.size ? (expected.size - missed.length) / expected.size : 1, missed }
}
