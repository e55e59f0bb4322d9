import { describe, expect, it } from 'vitest'

import type { SnapshotArticle, SnapshotService } from '../content-models/snapshot'
import { simplifiedPairs } from '../site/integrations/scriptConversion'
import { articleDocument, serviceDocument } from '../site/search/documents'
import { documentRecord } from '../site/search/pagefindWrite'
import { decodeContent, FOLDED_MARK, foldWith, pagefindQuery, queryTerms } from '../site/lib/searchTokens'

const fold = foldWith(simplifiedPairs())

const article = (over: Partial<SnapshotArticle>): SnapshotArticle => ({
  id: '1',
  slug: 'a-1',
  title: '标题',
  bodyHtml: '',
  bodyText: '',
  publishedAt: '2024-03-31T17:30:00.000Z',
  updatedAt: '2024-04-02T00:00:00.000Z',
  categories: [{ slug: 'news', name: '工会要闻' }],
  tags: [],
  featured: false,
  script: 'simplified',
  ...over,
})

/** Every word a query for `text` hands Pagefind is a word of `content`: a page whose document holds the text is found. */
const findable = (content: string, text: string) => {
  const words = new Set(content.split(/\s+/))
  return pagefindQuery(queryTerms(text, fold))
    .split(' ')
    .filter((w) => !words.has(w))
}

describe('a static search record', () => {
  it('holds its document: title first, every part of the text findable, its filters, date and sort key', () => {
    const doc = articleDocument(
      article({
        title: '东港区职工书屋开放',
        summary: '会员凭码借阅。',
        bodyText: '书屋新增图书三千册。\n咨询电话0579-88310148。',
        source: '东港区总工会',
        region: { code: '330702', name: '东港区', level: 'district' },
        tags: ['职工书屋'],
      }),
    )
    const record = documentRecord(doc, fold)
    expect(record.url).toBe(doc.url)
    expect(decodeContent(record.content).startsWith(doc.title)).toBe(true)
    for (const part of [doc.title, doc.summary, ...doc.body.split('\n')]) expect(findable(record.content, part), part).toEqual([])
    // Beijing date: 17:30 UTC on 31 March is 1 April there.
    expect(record.meta).toEqual({ title: '东港区职工书屋开放', date: '2024-04-01' })
    expect(record.sort).toEqual({ date: '2024-04-01' })
    expect(record.filters).toEqual({ 类型: ['新闻'], 年份: ['2024'], 地区: ['东港区'], 栏目: ['工会要闻'] })
  })

  it('leaves out empty filters and sorts a service by its last update', () => {
    const service = {
      slug: 's-1',
      name: '法律援助',
      summary: '',
      category: 'legal-aid',
      status: 'active',
      audiences: [],
      cost: { kind: 'free' },
      phones: [],
      locations: [],
      serviceArea: [],
      updatedAt: '2025-06-30T16:10:00.000Z',
    } as unknown as SnapshotService
    const record = documentRecord(serviceDocument(service, []), fold)
    expect(record.sort).toEqual({ date: '2025-07-01' })
    expect(record.meta).toEqual({ title: '法律援助' })
    expect(Object.values(record.filters ?? {}).every((v) => v.length > 0)).toBe(true)
    expect(record.filters?.['类型']).toEqual(['服务'])
  })

  it('gives a Traditional-script document its folded Simplified words too, and leaves a Simplified one alone', () => {
    const traditional = documentRecord(articleDocument(article({ title: '標題', bodyText: '職工書屋今日開放。\n歡迎前來閱讀。' })), fold)
    const [shown, folded] = traditional.content.split(FOLDED_MARK)
    expect(decodeContent(traditional.content)).toContain('職工書屋今日開放。')
    // Every pair of the Simplified spelling is a word of the record, so a Simplified query finds it.
    for (const pair of ['职工', '工书', '书屋', '开放', '欢迎', '阅读']) expect(folded!.split(' ')).toContain(pair)
    expect(shown!.split(' ')).toContain('職工')
    expect(findable(traditional.content, '职工书屋今日开放')).toEqual([])
    const simplified = documentRecord(articleDocument(article({ title: '标题', bodyText: '职工书屋今日开放。', categories: [] })), fold)
    expect(simplified.content).not.toContain(FOLDED_MARK)
    expect(decodeContent(simplified.content)).toBe('标题职工书屋今日开放。')
  })
})
