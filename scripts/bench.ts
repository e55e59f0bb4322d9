import './env'

import { MultiBar, Presets, type SingleBar } from 'cli-progress'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { BenchEvent } from './bench/index'
import { formatTable } from './bench/report'

const usage = `用法：npm run bench -- [选项]

在临时目录中新建数据库，生成确定性的中文合成语料，然后测量：语料写入速率、内容导出、
Astro 构建、Pagefind 索引、峰值内存、输出大小、文章页体积、首次搜索传输量（Chromium 实测）、
单篇发布到上线、归档导入速率。结果打印为表格，并写入 reports/bench-<时间>.json。

选项：
  --articles N     新闻篇数（默认 10000；服务、职工之家、劳模按比例生成，超过 5 万篇不再增加）
  --others-at M    服务、职工之家、劳模按 M 篇新闻的比例生成（默认与新闻数相同）
  --runs R         可廉价重复的测量重复 R 次取中位数（默认 3）
  --out DIR        报告目录（默认 reports/）
  --keep           保留临时工作目录（数据库、快照、构建结果）
  --concurrency C  生成语料时同时进行的写入数（默认 4）
  --bulk-articles  新闻直接按批写入数据库表，不经 Local API（超过 5 万篇时默认如此）
  --no-bulk-articles  即使超过 5 万篇也逐篇经 Local API 写入
  --import-pages P 归档导入的页面数（默认 新闻数/10，50 到 1000 之间）
  --profile        对内容导出、astro build 和常驻渲染进程做 CPU 采样，报告耗时最多的函数和模块
  --skip-publish   不测发布到上线（那是第二次全站构建；大语料时可省去）
  --lighthouse-runs L  每类页面跑 Lighthouse（移动端预设）L 次取中位数（默认 1；0 不跑）
  --strict         有目标未达标时以退出码 3 结束
  -h, --help       显示本说明

退出码：0 完成；1 运行出错；2 参数错误；3 使用 --strict 且有目标未达标。`

const options = {
  articles: { type: 'string', default: '10000' },
  runs: { type: 'string', default: '3' },
  out: { type: 'string' },
  keep: { type: 'boolean', default: false },
  concurrency: { type: 'string', default: '4' },
  'bulk-articles': { type: 'boolean' },
  'others-at': { type: 'string' },
  'import-pages': { type: 'string' },
  profile: { type: 'boolean', default: false },
  'skip-publish': { type: 'boolean', default: false },
  'lighthouse-runs': { type: 'string' },
  strict: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const

const fail = (message: string): never => {
  console.error(`[bench] ${message}\n\n${usage}`)
  process.exit(2)
}
const { values } = (() => {
  try {
    return parseArgs({ options, allowNegative: true })
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
})()
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const positive = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) fail(`--${name} 须为正整数，收到“${value}”`)
  return n
}

// Progress goes to stderr; the table and the report path to stdout. Without a terminal
// (a log file), each phase prints one line when it starts and one when it ends.
const tty = process.stderr.isTTY === true
const bars = new MultiBar(
  {
    format: '[bench] {label} {bar} {value}/{total} {detail} | {elapsed} 秒',
    hideCursor: true,
    clearOnComplete: true,
    stopOnComplete: false,
    barsize: 28,
    stream: process.stderr,
  },
  Presets.shades_classic,
)
let bar: SingleBar | undefined
let phaseStarted = 0
// Without a terminal: a line per tenth of a counted phase, or every 15 s of an uncounted one.
let lastLine = 0
let lastTenth = 0
const elapsed = () => ((performance.now() - phaseStarted) / 1000).toFixed(0)
const say = (line: string) => (tty ? bars.log(`${line}\n`) : console.error(line))

const onEvent = (event: BenchEvent) => {
  switch (event.type) {
    case 'phase-start':
      phaseStarted = performance.now()
      lastLine = performance.now()
      lastTenth = 0
      if (tty) bar = bars.create(event.total ?? 0, 0, { label: event.label, detail: '', elapsed: '0' })
      else console.error(`[bench] ${event.label}…`)
      break
    case 'progress':
      if (tty) {
        bar?.setTotal(event.total)
        bar?.update(event.done, { detail: event.detail ?? '', elapsed: elapsed() })
      } else if (event.total > 0 ? Math.floor((10 * event.done) / event.total) > lastTenth : performance.now() - lastLine > 15_000) {
        lastTenth = event.total > 0 ? Math.floor((10 * event.done) / event.total) : 0
        lastLine = performance.now()
        console.error(`[bench]   ${event.total > 0 ? `${event.done}/${event.total}` : '…'}（${elapsed()} 秒）`)
      }
      break
    case 'phase-end':
      if (bar) {
        bars.remove(bar)
        bar = undefined
      }
      say(`[bench] ✔ ${event.label}：${event.summary}（${event.seconds.toFixed(1)} 秒）`)
      break
    case 'note':
      say(`[bench] 注：${event.message}`)
      break
  }
}

try {
  // Imported after the options are read: the harness sets the environment before the CMS loads.
  const { runBenchmark } = await import('./bench/index')
  const { report, file } = await runBenchmark({
    articles: positive('articles', values.articles)!,
    runs: positive('runs', values.runs),
    outDir: values.out,
    keep: values.keep,
    concurrency: positive('concurrency', values.concurrency),
    bulkArticles: values['bulk-articles'],
    othersAt: positive('others-at', values['others-at']),
    importPages: positive('import-pages', values['import-pages']),
    profile: values.profile,
    skipPublish: values['skip-publish'],
    lighthouseRuns: values['lighthouse-runs'] === '0' ? 0 : positive('lighthouse-runs', values['lighthouse-runs']),
    onEvent,
  })
  bars.stop()
  console.log(`\n${formatTable(report)}\n`)
  const PROFILED = { astro: 'astro build', export: 'npm run export', renderer: '常驻渲染进程（启动与各次发布）' }
  for (const [which, profile] of Object.entries(report.profiles)) {
    console.log(`${PROFILED[which as keyof typeof PROFILED]} CPU 采样（${profile.seconds.toFixed(1)} 秒）耗时最多的模块：`)
    for (const s of profile.topSources)
      console.log(`  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.seconds.toFixed(1).padStart(6)} 秒  ${s.name}`)
    console.log('耗时最多的函数：')
    for (const s of profile.topFunctions)
      console.log(`  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.seconds.toFixed(1).padStart(6)} 秒  ${s.name}`)
    console.log(`（完整采样：${path.relative(process.cwd(), profile.file)}，可用 Chrome DevTools 打开）\n`)
  }
  console.log(`报告：${path.relative(process.cwd(), file)}`)
  if (report.workspace.kept) console.log(`临时工作目录已保留：${report.workspace.dir}`)
  process.exit(values.strict && !report.targets.allPass ? 3 : 0)
} catch (error) {
  bars.stop()
  console.error(`[bench] 失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
}
