import { describe, expect, it } from 'vitest'

import { ImportBatches } from '../cms/importer/admin/ImportBatches'
import { REPORT_MAX_CHARS, reportLine, reportText } from '../cms/importer/admin/runBatch'
import type { Outcome } from '../cms/importer/importArchive'

/**
 * A saved site of a few hundred pages made a report longer than Payload's default 40,000
 * characters for a text field, and the whole dry run failed with 下面的字段是无效的：导入报告.
 */
const skipped = (i: number): Outcome => ({
  file: `www.ljzgh.gov.cn/plus/print.php?aid=${1000 + i}.html`,
  status: 'skipped',
  reason: `打印版，与 www.ljzgh.gov.cn/a/xinwen/2021/1227/${1000 + i}.html 是同一篇`,
})

describe('the import report', () => {
  it('lists every page of a saved site of a few hundred pages, past the 40,000 characters that used to fail it', () => {
    const outcomes = Array.from({ length: 600 }, (_, i) => skipped(i))
    const text = reportText(outcomes)
    expect(text.length).toBeGreaterThan(40_000)
    expect(text.split('\n')).toEqual(outcomes.map(reportLine))
  })

  it('stops within its field when an upload has thousands of pages, and says how many it leaves to the table', () => {
    const outcomes = Array.from({ length: 5000 }, (_, i) => skipped(i))
    const text = reportText(outcomes)
    expect(text.length).toBeLessThanOrEqual(REPORT_MAX_CHARS)
    const lines = text.split('\n')
    const listed = lines.length - 1
    expect(lines.slice(0, -1)).toEqual(outcomes.slice(0, listed).map(reportLine))
    expect(lines.at(-1)).toBe(`……另有 ${5000 - listed} 页未在此列出，见上方的提取结果表格。`)
  })

  it('is a field that takes that much', () => {
    const field = ImportBatches.fields.find((f) => 'name' in f && f.name === 'report')
    expect(field).toMatchObject({ type: 'textarea', maxLength: REPORT_MAX_CHARS })
  })
})
