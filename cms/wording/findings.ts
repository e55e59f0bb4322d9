import type { Field } from 'payload'

import type { Matcher } from './matcher'
import { checkedTexts } from './texts'

/** One place in a document where a wording rule applies. */
export interface Finding {
  /** Stable while the text around it is edited: field, rule form and which occurrence of it. */
  key: string
  path: string
  label: string
  start: number
  end: number
  found: string
  find: string
  suggestion: string
  note: string
  kind: string
  /** Up to ten characters either side, to find the place in a long body. */
  context: string
}

/** What a reviewer's confirmation records; kept in the document, so in the published version. */
export interface Confirmation {
  key: string
  found: string
  suggestion: string
  by: string
  at: string
}

const CONTEXT = 10

export const findingsIn = (matcher: Matcher, fields: readonly Field[], data: Record<string, unknown> | null | undefined): Finding[] => {
  const findings: Finding[] = []
  for (const { path, label, text } of checkedTexts(fields, data)) {
    const seen = new Map<string, number>()
    for (const hit of matcher.find(text)) {
      const nth = seen.get(hit.rule.find) ?? 0
      seen.set(hit.rule.find, nth + 1)
      findings.push({
        key: `${path}|${hit.rule.find}|${nth + 1}`,
        path,
        label,
        start: hit.start,
        end: hit.end,
        found: hit.found,
        find: hit.rule.find,
        suggestion: hit.rule.suggestion,
        note: hit.rule.note ?? '',
        kind: hit.rule.kind,
        context: text.slice(Math.max(0, hit.start - CONTEXT), hit.end + CONTEXT).replace(/\s+/g, ' '),
      })
    }
  }
  return findings
}

/** One line per finding, in Chinese, as the refusal and the review panel name it. */
export const describeFinding = (f: Finding, n?: number): string =>
  `${n === undefined ? '' : `${n}. `}「${f.label}」中的“${f.found}”${f.kind === 'avoid' ? '宜改用' : '应为'}“${f.suggestion}”${f.note ? `（${f.note}）` : ''}`

export const refusalMessage = (open: Finding[]): string =>
  [
    `规范用语检查有 ${open.length} 处未确认，不能发布：`,
    ...open.map((f, i) => describeFinding(f, i + 1)),
    '请修改这些写法；确需保留的，由审核人员在「规范用语检查」中逐条勾选“确认保留”后再发布（接口调用时在 wordingConfirmations 中列出每处的 key）。',
  ].join('\n')
