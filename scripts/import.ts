import './env'

import { SingleBar } from 'cli-progress'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { collectFiles } from '../cms/importer/files'
import type { ImportSummary, Outcome } from '../cms/importer/importArchive'

const usage = `用法：npm run import -- [选项] <文件或文件夹>…

把旧网站、论坛保存下来的网页（.html/.htm）和文本（.txt）导入为新闻草稿。
文件夹会递归查找；UTF-8、GBK/GB18030 编码自动识别。

选项：
  --publish        直接发布（没有发布日期的页面仍保留为草稿）
  --dry-run        只显示将要导入的内容，不写入数据库
  --batch <名称>   导入批次名称，默认为 import-年月日-时分秒
  -h, --help       显示本说明`

const options = {
  publish: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  batch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const
const readArgs = () => {
  try {
    return parseArgs({ options, allowPositionals: true })
  } catch (error) {
    console.error(`[import] ${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    process.exit(2)
  }
}
const args = readArgs()
if (args.values.help || args.positionals.length === 0) {
  console.log(usage)
  process.exit(args.values.help ? 0 : 2)
}

const stamp = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`
}
const batch = args.values.batch?.trim() || `import-${stamp(new Date())}`
const dryRun = args.values['dry-run'] ?? false
const publish = args.values.publish ?? false

const { files, missing } = collectFiles(args.positionals)
for (const m of missing) console.error(`[import] 跳过 ${m.file}：${m.reason}`)
if (files.length === 0) {
  console.error('[import] 没有找到可导入的 .html、.htm 或 .txt 文件')
  process.exit(1)
}

const [{ openPayload }, { importArchive }] = await Promise.all([import('../cms/open'), import('../cms/importer/importArchive')])
const payload = await openPayload()

const bar = new SingleBar({
  format: '[import] {bar} {value}/{total} 篇 | {file}',
  barCompleteChar: '█',
  barIncompleteChar: '░',
  hideCursor: true,
  clearOnComplete: true,
  stream: process.stderr,
})
const shown = (file: string) => (file ? path.relative(process.cwd(), file) || file : '')
bar.start(files.length, 0, { file: '' })
let summary: ImportSummary
try {
  summary = await importArchive(payload, files, {
    batch,
    publish,
    dryRun,
    onProgress: (done, _total, file) => bar.update(done, { file: shown(file) }),
  })
} finally {
  bar.stop()
}

const day = (iso?: string) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '无日期')
const line = (o: Outcome): string => {
  if (o.status === 'failed') return `  ✗ ${shown(o.file)}：${o.reason}`
  if (o.status === 'duplicate') {
    const why = { 'same-file': '同一文件已导入', 'title-date': '标题和日期相同', body: '正文几乎相同' }[o.reason]
    // `已有文章 #3「标题」` repeats the title when the titles match; say it once.
    const of = o.of.endsWith(`「${o.title}」`) ? o.of.slice(0, -o.title.length - 2) : o.of
    return `  = ${shown(o.file)}：「${o.title}」${why}，见${of}`
  }
  const state = o.draft ? '草稿' : '已发布'
  const id = o.id === undefined ? '' : ` #${o.id}`
  const missing = o.missingImages?.length
    ? `\n      缺少图片 ${o.missingImages.length} 张（未随网页保存）：${o.missingImages.join('、')}`
    : ''
  return `  ✓ ${shown(o.file)}：「${o.title}」${day(o.publishedAt)}${o.source ? ` · ${o.source}` : ''} · ${state}${id}${o.note ? `（${o.note}）` : ''}${missing}`
}

const { outcomes } = summary
const verb = dryRun ? '将导入' : '已导入'
console.log(`[import] 批次 ${batch}${dryRun ? '（试运行，未写入）' : ''}`)
for (const status of ['imported', 'would-import', 'duplicate', 'failed'] as const) {
  for (const o of outcomes.filter((x) => x.status === status)) console.log(line(o))
}
const parsed = outcomes.length || 1
console.log(
  `[import] ${verb} ${summary.imported} 篇，重复跳过 ${summary.duplicates} 篇，失败 ${summary.failed + missing.length} 个` +
    `（解析平均 ${(summary.parseMs / parsed).toFixed(1)} 毫秒/篇，全程 ${(summary.totalMs / 1000).toFixed(1)} 秒）`,
)
await payload.destroy()
process.exit(summary.failed + missing.length > 0 ? 1 : 0)
