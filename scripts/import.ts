import './env'

import { SingleBar } from 'cli-progress'
import { fork } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { settings } from '../content-models/settings'
import { collectFiles } from '../cms/importer/files'
import type { ImportOptions, ImportSummary, Outcome } from '../cms/importer/importArchive'
import type { SiteAnalysis } from '../cms/importer/site/classify'

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
  // Internal: a part of a large import, run by this command in a process of its own.
  'files-from': { type: 'string' },
  // Internal: that part's share of the site analysis made once over all files.
  'site-from': { type: 'string' },
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

/** Messages a part's process sends the command that started it. */
type PartMessage = { type: 'progress'; done: number; file: string } | { type: 'summary'; summary: ImportSummary }

const importFiles = async (files: string[], options: ImportOptions): Promise<ImportSummary> => {
  const [{ openPayload }, { importArchive }] = await Promise.all([import('../cms/open'), import('../cms/importer/importArchive')])
  const payload = await openPayload()
  try {
    return await importArchive(payload, files, options)
  } finally {
    await payload.destroy()
  }
}

if (args.values['files-from']) {
  const files = JSON.parse(fs.readFileSync(args.values['files-from'], 'utf8')) as string[]
  const site = args.values['site-from'] ? (JSON.parse(fs.readFileSync(args.values['site-from'], 'utf8')) as SiteAnalysis) : undefined
  const send = (m: PartMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()))
  let last = 0
  const summary = await importFiles(files, {
    batch: args.values.batch!,
    publish: args.values.publish ?? false,
    dryRun: args.values['dry-run'] ?? false,
    site,
    onProgress: (done, total, file) => {
      if (done - last >= 10 || done === total) void send({ type: 'progress', done: (last = done), file })
    },
  })
  await send({ type: 'summary', summary })
  process.exit(0)
}
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

const { files, roots, missing } = collectFiles(args.positionals)
for (const m of missing) console.error(`[import] 跳过 ${m.file}：${m.reason}`)
if (files.length === 0) {
  console.error('[import] 没有找到可导入的 .html、.htm 或 .txt 文件')
  process.exit(1)
}

const bar = new SingleBar({
  format: '[import] {bar} {value}/{total} 篇 | {file}',
  barCompleteChar: '█',
  barIncompleteChar: '░',
  hideCursor: true,
  clearOnComplete: true,
  stream: process.stderr,
})
const shown = (file: string) => (file ? path.relative(process.cwd(), file) || file : '')

/**
 * A large archive is imported a part at a time, each part in a process of its own that exits
 * when it is done: every page written through Payload's Local API leaves ~0.2 MB of native
 * memory behind in the writing process (freed only when it exits), so one process importing
 * 50,000 pages would grow past 10 GB. Later parts see the earlier parts' articles as existing
 * ones, so duplicates across parts are still found (except in a dry run, which writes nothing).
 */
const importInParts = async (options: ImportOptions, site: SiteAnalysis, size: number): Promise<ImportSummary> => {
  const total: ImportSummary = { batch, outcomes: [], imported: 0, duplicates: 0, skipped: 0, failed: 0, parseMs: 0, totalMs: 0 }
  const listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-import-'))
  try {
    for (let start = 0; start < files.length; start += size) {
      const part = files.slice(start, start + size)
      const list = path.join(listDir, `${start}.json`)
      fs.writeFileSync(list, JSON.stringify(part))
      const siteFile = path.join(listDir, `${start}.site.json`)
      fs.writeFileSync(
        siteFile,
        JSON.stringify({ template: site.template, pages: site.pages.slice(start, start + size) } satisfies SiteAnalysis),
      )
      const partArgs = [
        '--files-from',
        list,
        '--site-from',
        siteFile,
        '--batch',
        batch,
        ...(options.publish ? ['--publish'] : []),
        ...(options.dryRun ? ['--dry-run'] : []),
      ]
      const summary = await new Promise<ImportSummary>((resolve, reject) => {
        let result: ImportSummary | undefined
        const child = fork(path.join(settings().rootDir, 'scripts', 'import.ts'), partArgs, {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        })
        child.on('message', (m: PartMessage) => {
          if (m.type === 'progress') options.onProgress?.(start + m.done, files.length, m.file)
          else result = m.summary
        })
        child.on('error', reject)
        child.on('exit', (code, signal) => {
          if (result) resolve(result)
          else
            reject(
              new Error(
                `第 ${start + 1}–${start + part.length} 篇的导入进程意外结束（${signal ?? `退出码 ${code}`}）。此前写入的文章已保留；再次运行同一命令会把它们识别为重复并跳过，从中断处继续。`,
              ),
            )
        })
      })
      total.outcomes.push(...summary.outcomes)
      total.imported += summary.imported
      total.duplicates += summary.duplicates
      total.skipped += summary.skipped
      total.failed += summary.failed
      total.parseMs += summary.parseMs
      total.totalMs += summary.totalMs
    }
    return total
  } finally {
    fs.rmSync(listDir, { recursive: true, force: true })
  }
}

let summary: ImportSummary
let analysisMs = 0
try {
  // Read as one site before any split, so every part knows the template and which pages are copies of pages in other parts.
  // On parse threads, under the same limits as parsing: a hostile page must not hold this command either.
  const [{ analyseFilesWith, relativeNames }, { createParsePool }] = await Promise.all([
    import('../cms/importer/site/analyseFiles'),
    import('../cms/importer/parsePool'),
  ])
  bar.start(files.length, 0, { file: '分析整站结构（列表页、打印版、手机版、模板）' })
  const t0 = performance.now()
  const pool = createParsePool()
  const site = await analyseFilesWith(files, relativeNames(files, roots), pool.features, {
    inFlight: 4 * pool.size,
    onProgress: (done) => {
      if (done % 50 === 0) bar.update(done)
    },
  }).finally(() => pool.close())
  analysisMs = performance.now() - t0
  bar.update(0, { file: '' })
  const options: ImportOptions = {
    batch,
    publish,
    dryRun,
    site,
    onProgress: (done, _total, file) => bar.update(done, { file: shown(file) }),
  }
  const size = settings().importChunkPages
  summary = files.length > size ? await importInParts(options, site, size) : await importFiles(files, options)
} catch (error) {
  bar.stop()
  console.error(`[import] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
} finally {
  bar.stop()
}

const day = (iso?: string) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '无日期')
const line = (o: Outcome): string => {
  if (o.status === 'failed') return `  ✗ ${shown(o.file)}：${o.reason}`
  if (o.status === 'skipped') return `  - ${shown(o.file)}：${o.reason}`
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
for (const status of ['imported', 'would-import', 'duplicate', 'skipped', 'failed'] as const) {
  for (const o of outcomes.filter((x) => x.status === status)) console.log(line(o))
}
const parsed = outcomes.filter((o) => o.status !== 'skipped').length || 1
console.log(
  `[import] ${verb} ${summary.imported} 篇，重复跳过 ${summary.duplicates} 篇，失败 ${summary.failed + missing.length} 个` +
    (summary.skipped ? `，列表页、打印版等非文章页面跳过 ${summary.skipped} 页` : '') +
    `（整站分析 ${(analysisMs / 1000).toFixed(1)} 秒，解析平均 ${(summary.parseMs / parsed).toFixed(1)} 毫秒/篇，全程 ${((analysisMs + summary.totalMs) / 1000).toFixed(1)} 秒）`,
)
process.exit(summary.failed + missing.length > 0 ? 1 : 0)
