/**
 * The wording check on a long article: a 20,000-character body checked against 1,000 rules,
 * as the publish gate and the admin's panel run it (text taken from the document, one
 * Aho–Corasick pass, findings placed). `npx tsx scripts/bench/wordingCheck.ts` alone.
 */
import { pathToFileURL } from 'node:url'

import { Articles } from '../../content-models/collections/Articles'
import { blocksToLexical } from '../../cms/seed/richText'
import { findingsIn } from '../../cms/wording/findings'
import { compileRules, type Rule } from '../../cms/wording/matcher'
import { starterRules } from '../../cms/wording/starterRules'
import { benchArticle } from './corpus'
import { median } from './measure'
import { Random } from './random'

export interface WordingCheckFigures {
  chars: number
  rules: number
  findings: number
  /** Building the matcher, once per rules version. */
  buildMs: number
  medianMs: number
  runs: number[]
}

const TEXT_CHARS = 20_000
const RULES = 1_000

export const measureWordingCheck = (runs = 30): WordingCheckFigures => {
  const r = new Random('wording-check')
  // Paragraphs of the benchmark's own news, with one of the starter list's wrong forms in about every tenth.
  const paragraphs: string[] = []
  let chars = 0
  for (let i = 0; chars < TEXT_CHARS; i++) {
    for (const block of benchArticle('wording-check', i, 0).body) {
      if (typeof block !== 'string' || chars >= TEXT_CHARS) continue
      const text = r.chance(0.1) ? `${block}${r.pick(starterRules).find}。` : block
      paragraphs.push(text)
      chars += [...text].length + 1
    }
  }
  // The starter list, then phrases of three to six characters from other news, as staff might add.
  const rules: Rule[] = starterRules.map((rule, i) => ({ ...rule, id: i }))
  const finds = new Set(rules.map((rule) => rule.find))
  for (let i = 0; rules.length < RULES; i++) {
    const source = [...(benchArticle('wording-rules', i, 0).body.find((b) => typeof b === 'string') as string)]
    const length = r.int(3, 6)
    const at = r.int(0, Math.max(0, source.length - length))
    const phrase = source.slice(at, at + length)
    // Most rules name a wrong form the text does not hold (one character changed); a tenth, one it does.
    if (!r.chance(0.1)) phrase[r.int(0, length - 1)] = String.fromCodePoint(r.int(0x4e00, 0x9fa5))
    const find = phrase.join('')
    if (finds.has(find) || /[，。、；：“”]/.test(find)) continue
    finds.add(find)
    rules.push({ id: rules.length, kind: 'avoid', find, suggestion: `${find}（改）`, note: '' })
  }
  // The Traditional → Simplified table is built once per process, before any rules: not part of a rules version.
  compileRules([{ kind: 'wrong', find: '預熱', suggestion: '预热' }]).find('預熱')
  const t0 = performance.now()
  const matcher = compileRules(rules)
  const buildMs = performance.now() - t0

  const doc = { title: '长文检查', body: blocksToLexical(paragraphs) }
  let findings = 0
  for (let i = 0; i < 3; i++) findings = findingsIn(matcher, Articles.fields, doc).length
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    findingsIn(matcher, Articles.fields, doc)
    times.push(performance.now() - start)
  }
  return { chars, rules: rules.length, findings, buildMs, medianMs: median(times), runs: times }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = measureWordingCheck()
  console.log(
    `规范用语检查：${f.chars} 字 × ${f.rules} 条规则，中位数 ${f.medianMs.toFixed(2)} 毫秒（${f.runs.length} 次，最慢 ${Math.max(...f.runs).toFixed(2)}），${f.findings} 处提示；建立匹配器 ${f.buildMs.toFixed(0)} 毫秒`,
  )
}
