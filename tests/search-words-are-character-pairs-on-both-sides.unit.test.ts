import { describe, expect, it } from 'vitest'

import { simplifiedPairs } from '../site/integrations/scriptConversion'
import {
  decodeContent,
  excerptHtml,
  FOLDED_MARK,
  foldWith,
  indexContent,
  MAX_QUERY_WORDS,
  pagefindQuery,
  queryTerms,
  RUNNING_TEXT_CHARS,
} from '../site/lib/searchTokens'

const fold = foldWith(simplifiedPairs())
/** Pagefind's words of a record: split on spaces, punctuation dropped; a hyphenated word also gives its parts. */
const words = (content: string) =>
  new Set(
    content
      .toLowerCase()
      .split(' ')
      .flatMap((w) => [w.replace(/[^\p{L}\p{N}]/gu, ''), ...w.split(/[^\p{L}\p{N}]+/u)])
      .filter(Boolean),
  )

/** Every substring of the text, as a query, is made of words the record holds (what Pagefind needs to find it). */
const findable = (text: string, query: string) => {
  const have = words(indexContent(text, fold))
  return pagefindQuery(queryTerms(query, fold))
    .split(' ')
    .every((w) => [...have].some((h) => h.startsWith(w.replace(/[^\p{L}\p{N}]/gu, ''))))
}

describe('search words: Han text as character pairs', () => {
  const text = '江南市总工会在湖滨街道新建职工书屋，电话0579-88310025，开放时间9:00。ABC读书会'

  it('makes every substring of a page findable, whatever a dictionary would split', () => {
    const chars = [...text]
    for (let i = 0; i < chars.length; i++) {
      for (let n = 1; n <= 6 && i + n <= chars.length; n++) {
        const q = chars.slice(i, i + n).join('')
        if (/^[\p{Script=Han}]+$/u.test(q)) expect(findable(text, q), q).toBe(true)
      }
    }
    for (const q of ['0579-88310025', '88310025', 'abc', 'ABC', '职工书屋 湖滨']) expect(findable(text, q), q).toBe(true)
  })

  it('keeps a long page findable past its running text, each further word once', () => {
    const long = `${text}第二段讲述职工之家和法律援助。`.repeat(12)
    expect([...long].length).toBeGreaterThan(RUNNING_TEXT_CHARS + 200)
    const chars = [...long]
    for (let i = RUNNING_TEXT_CHARS - 20; i < RUNNING_TEXT_CHARS + 80; i++) {
      const q = chars.slice(i, i + 4).join('')
      if (/^[\p{Script=Han}]+$/u.test(q)) expect(findable(long, q), q).toBe(true)
    }
    const rest = indexContent(long, fold).split(FOLDED_MARK)[1]!.trim().split(' ')
    expect(new Set(rest).size).toBe(rest.length)
    expect([...decodeContent(indexContent(long, fold))].length).toBe(RUNNING_TEXT_CHARS)
  })

  it('hands Pagefind a bounded query however long the input, still finding the page', () => {
    const long = `${text}${text}`.repeat(20)
    expect(pagefindQuery(queryTerms(long, fold)).split(' ').length).toBeLessThanOrEqual(MAX_QUERY_WORDS)
    expect(findable(text, text.slice(0, 40))).toBe(true)
  })

  it('does not find what the page does not contain', () => {
    expect(findable(text, '法律援助')).toBe(false)
    expect(findable(text, '职工 法律')).toBe(false)
  })

  it('folds Traditional on both sides: a Traditional query finds a Simplified page and the reverse', () => {
    expect(findable('职工之家开展活动', '職工之家')).toBe(true)
    expect(findable('舊城區職工書屋重新開放', '旧城区职工书屋')).toBe(true)
    expect(indexContent('舊城區職工書屋', fold)).toContain(FOLDED_MARK)
    expect(findable('全角数字１２３５１热线', '12351')).toBe(true)
  })

  it('reads the record back as the page wrote it and marks the query there', () => {
    const traditional = '經過整修，舊城區職工書屋今天重新開放。'
    expect(decodeContent(indexContent(traditional, fold))).toBe(traditional)
    expect(decodeContent(indexContent(text, fold))).toBe(text)
    const html = excerptHtml(traditional, queryTerms('旧城区 书屋', fold), fold)
    expect(html).toBe('經過整修，<mark>舊城區</mark>職工<mark>書屋</mark>今天重新開放。')
    expect(excerptHtml('<b>职工</b>&', ['职工'], fold)).toBe('&lt;b&gt;<mark>职工</mark>&lt;/b&gt;&amp;')
  })
})
