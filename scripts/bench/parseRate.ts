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

/**
 * The costliest page the caps let through: 5 MB, mostly scripts (cut before Readability), and
 * under them as many elements and characters as Readability is still given (caps.ts).
 */
const largestPage = (): Buffer => {
  const unit = (i: number) =>
    `<div class="c${i % 7}"><p>江南市总工会第${i}次会议研究职工服务工作，要求各级工会把服务做实。</p><span><a href="/n/${i}.html">相关新闻${i}</a></span></div>\n`
  const units = Array.from({ length: 2400 }, (_, i) => unit(i)).join('')
  const script = `<script>var x = "${'abcdefghij'.repeat(10_000)}";</script>\n`
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>江南市总工会</title></head><body>${units}`
  const fill = script.repeat(Math.floor((4.9 * 1024 * 1024 - Buffer.byteLength(head)) / script.length))
  return Buffer.from(`${head}${fill}</body></html>`)
}

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
  const large = largestPage()
  const cpu: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage()
    parsePage(large, 'large.html')
    const used = process.cpuUsage(start)
    cpu.push((used.user + used.system) / 1000)
  }
  console.log(
    `${(large.length / 1024 / 1024).toFixed(1)} MB 的大页面（Readability 上限内最多的元素）CPU 中位 ${median(cpu).toFixed(0)} ms（目标 ≤ 2000 ms）`,
  )
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
