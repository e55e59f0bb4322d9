/**
 * Parse rate of generated legacy pages per format, and how many yield their own title:
 * `npx tsx scripts/bench/parseRate.ts [pages]`. Parsing only (no database), in this process.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { blockText } from '../../cms/importer/blocks'
import { parsePage } from '../../cms/importer/parse'
import { toSimplified } from '../../cms/importer/script'
import { writeLegacyPages } from './legacy'

/** Chrome the generated pages carry; none may reach a body. */
const chrome =
  /注册时间|最后登录|本帖最后由|支持一下|阅读原文|在看|写留言|打印本页|关闭窗口|浏览次数|字体|热门排行|上一条|点击蓝字|二维码|分享到|相关阅读|Powered/

const count = Number(process.argv[2] ?? 400)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-rate-'))
try {
  const pages = await writeLegacyPages(dir, count, 'parse-rate')
  const bytes = pages.map((p) => ({ ...p, bytes: fs.readFileSync(p.file) }))
  toSimplified('预热')
  const perFormat = new Map<string, { ms: number[]; right: number; failed: number }>()
  const all: number[] = []
  for (const round of [0, 1, 2]) {
    for (const p of bytes) {
      const entry = perFormat.get(p.format) ?? { ms: [], right: 0, failed: 0 }
      perFormat.set(p.format, entry)
      const t0 = performance.now()
      try {
        const page = parsePage(p.bytes, p.file)
        const body = page.blocks.map(blockText).join('\n')
        const sameMinute = page.publishedAt?.slice(0, 16) === new Date(p.publishedAt).toISOString().slice(0, 16)
        if (round === 0 && page.title === p.title && sameMinute && !chrome.test(body)) entry.right++
      } catch {
        if (round === 0) entry.failed++
      }
      const ms = performance.now() - t0
      if (round > 0) {
        entry.ms.push(ms)
        all.push(ms)
      }
    }
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0
  const total = all.reduce((a, b) => a + b, 0)
  for (const [format, e] of perFormat) {
    const n = e.ms.length / 2
    console.log(
      `${format.padEnd(8)} ${String(n).padStart(4)} 页  中位 ${median(e.ms).toFixed(2)} ms  标题、日期正确且无残留 ${e.right}/${n}  失败 ${e.failed}`,
    )
  }
  console.log(`合计 ${(all.length / (total / 1000)).toFixed(0)} 页/秒（中位 ${median(all).toFixed(2)} ms/页）`)
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
