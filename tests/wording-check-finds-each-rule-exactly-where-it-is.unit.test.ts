import { describe, expect, it } from 'vitest'

import { Articles } from '../content-models/collections/Articles'
import { findingsIn } from '../cms/wording/findings'
import { compileRules, type Rule } from '../cms/wording/matcher'
import { starterRules } from '../cms/wording/starterRules'
import { lexicalText } from '../cms/wording/texts'
import { blocksToLexical } from './helpers/fixtures'

const rules: Rule[] = [
  { id: 1, kind: 'wrong', find: '再接再励', suggestion: '再接再厉', note: '成语用字有误。' },
  { id: 2, kind: 'avoid', find: '全国总工会', suggestion: '中华全国总工会', note: '用全称。' },
  { id: 3, kind: 'wrong', find: '月7号', suggestion: '月7日', note: '日期写“日”。' },
  { id: 4, kind: 'wrong', find: '５', suggestion: '5', note: '半角数字。' },
  { id: 5, kind: 'avoid', find: '农民工兄弟', suggestion: '农民工', note: '' },
]
const matcher = compileRules(rules)
const hits = (text: string) => matcher.find(text).map((h) => ({ find: h.rule.find, start: h.start, end: h.end, found: h.found }))

describe('the wording matcher', () => {
  it('finds every kind of rule exactly where it is, and nowhere else', () => {
    const text = '希望大家再接再励。全国总工会12月7号发文，表彰５名农民工兄弟。'
    expect(hits(text)).toEqual([
      { find: '再接再励', start: 4, end: 8, found: '再接再励' },
      { find: '全国总工会', start: 9, end: 14, found: '全国总工会' },
      { find: '月7号', start: 16, end: 19, found: '月7号' },
      { find: '５', start: 24, end: 25, found: '５' },
      { find: '农民工兄弟', start: 26, end: 31, found: '农民工兄弟' },
    ])
    for (const h of matcher.find(text)) expect(text.slice(h.start, h.end)).toBe(h.rule.find)
  })

  it('finds nothing in the right forms, including a wrong form written inside its right one', () => {
    expect(hits('再接再厉。中华全国总工会12月7日发文，表彰5名农民工。')).toEqual([])
    // The right form holds the wrong one; only the bare occurrence after it is a finding.
    expect(hits('中华全国总工会与全国总工会')).toEqual([{ find: '全国总工会', start: 8, end: 13, found: '全国总工会' }])
  })

  it('folds Traditional characters to Simplified and keeps positions in the text as written', () => {
    // 𠀀 is two UTF-16 units: offsets are those of the original string.
    const text = '𠀀各位再接再勵，全國總工會'
    expect(hits(text)).toEqual([
      { find: '再接再励', start: 4, end: 8, found: '再接再勵' },
      { find: '全国总工会', start: 9, end: 14, found: '全國總工會' },
    ])
  })

  it('finds each rule of the starter list in a sentence, at its place', () => {
    const starter = compileRules(starterRules)
    for (const rule of starterRules) {
      const text = `我们${rule.find}。`
      const found = starter.find(text).filter((h) => h.rule.find === rule.find)
      expect(
        found.map((h) => [h.start, h.end]),
        rule.find,
      ).toEqual([[2, 2 + rule.find.length]])
    }
    // Each right form of the starter list is clean.
    for (const rule of starterRules)
      expect(
        starter.find(`我们${rule.suggestion}。`).map((h) => h.rule.find),
        rule.suggestion,
      ).toEqual([])
  })
})

describe('findings in a document', () => {
  it('names the field, the place in the article body’s text, and counts repeats in a field', () => {
    const body = blocksToLexical(['第一段。', { heading: '小标题' }, '工作要再接再励，再接再励！'] as never)
    expect(lexicalText(body)).toBe('第一段。\n小标题\n工作要再接再励，再接再励！')
    const findings = findingsIn(matcher, Articles.fields, { title: '全国总工会', summary: '无误的摘要', body, slug: 'zai-jie-zai-li' })
    expect(findings.map((f) => [f.key, f.path, f.label, f.start, f.end])).toEqual([
      ['title|全国总工会|1', 'title', '标题', 0, 5],
      ['body|再接再励|1', 'body', '正文', 12, 16],
      ['body|再接再励|2', 'body', '正文', 17, 21],
    ])
    expect(findings[1]!.context).toBe('段。 小标题 工作要再接再励，再接再励！')
  })
})
