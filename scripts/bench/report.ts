import fs from 'node:fs/promises'
import fsSync from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'

import type { LighthousePage } from './lighthouse'
import type { OutputSize, PageWeight, SearchTransfer } from './measure'
import type { ProcessPeak } from './memory'
import type { ProfileSummary } from './profile'
import type { ServerSearchFigures } from './serverSearch'
import type { WordingCheckFigures } from './wordingCheck'

/** The JSON report `npm run bench` writes to reports/bench-<timestamp>.json. */
export interface BenchReport {
  kind: 'union-portal-benchmark'
  schemaVersion: 1
  startedAt: string
  finishedAt: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGiB: number
    os: string
    node: string
    loadAverageAtStart: number[]
    nodeOptions: string | null
    heapLimitGiB: number
  }
  versions: { payload: string; astro: string; pagefind: string; next: string; playwrightCore: string; chromium: string | null }
  params: {
    skipPublish: boolean
    /** Lighthouse runs per page type; 0 when left out. */
    lighthouseRuns: number
    articles: number
    services: number
    workersHomes: number
    laborModels: number
    images: number
    runs: number
    concurrency: number
    /** Articles written in bulk through the database adapter instead of the Local API (scripts/bench/bulkArticles.ts). */
    bulkArticles: boolean
    seed: string
    importPages: number
    searchQuery: string
    profile: boolean
  }
  figures: BenchFigures
  targets: { scale: '10k' | '50k'; note: string; results: TargetResult[]; allPass: boolean }
  notes: string[]
  /** With --profile: where the CPU time of the export, of `astro build` and of the resident renderer (its start and its publishes) goes. */
  profiles: { astro?: ProfileSummary; export?: ProfileSummary; renderer?: ProfileSummary }
  workspace: { dir: string; kept: boolean }
}

export interface BenchFigures {
  generation: {
    documents: number
    articles: number
    publishedArticles: number
    seconds: number
    documentsPerSecond: number
    articlesPerSecond: number
    byCollection: Record<string, { documents: number; seconds: number; perSecond: number }>
    databaseBytes: number
    slugRetries: number
    /** Peak RSS of the process that wrote the corpus (it exits before the build is timed). */
    writerPeakRssBytes: number
  }
  contentLoad: {
    seconds: number
    runs: number[]
    snapshotBytes: number
    articles: number
    services: number
    workersHomes: number
    laborModels: number
    organizations: number
    /** `npm run export` in a process of its own: wall time including Payload's start, and its peak memory. */
    commandSeconds: number
    commandPeakRssBytes: number
  }
  /** Ours, and a bare Astro project of as many trivial pages on the same machine in the same run. */
  astroBuild: {
    seconds: number
    pages: number
    pagesPerSecond: number
    bare: { pages: number; seconds: number; pagesPerSecond: number }
    ratioToBare: number
  }
  /** Built beside Astro from the snapshot, in the search-index process (after the server index). */
  pagefind: { seconds: number; pages: number }
  /** Export + the build (Astro beside both search indexes) + go-live: what publishing the whole site costs. */
  fullBuild: { seconds: number; buildSeconds: number; goLiveSeconds: number }
  memory: {
    /**
     * A full build as `npm run build` runs it: the largest of the exporting process (measured as
     * `npm run export`, which exits before the build), the build's process tree (astro, the
     * search-index process, Pagefind's binary; sampled sum) and the same tree in the publish rebuild.
     */
    buildPeakRssBytes: number
    buildTreePeakRssBytes: number
    astroPeakRssBytes: number
    pagefindPeakRssBytes: number
    /** Largest sum over the processes of the publish step's rebuilds, sampled. */
    publishTreePeakRssBytes: number
    /** The resident renderer's peak, sampled while publishing (0 when it did not run). */
    rendererPeakRssBytes: number
    /** This process: Payload, the generator, the export, Pagefind's JS side. */
    harnessPeakRssBytes: number
    processes: ProcessPeak[]
  }
  output: OutputSize & { estimatedDistinctMediaBytes: number }
  articlePage: PageWeight
  firstSearch: SearchTransfer & { query: string; runs: number; transferBytesRuns: number[] }
  /** The server search path (SQLite FTS5 index beside the build, served by site/serve.ts). */
  serverSearch: ServerSearchFigures
  publishToLive: {
    /** null when skipped (--skip-publish). */
    fullSeconds: number | null
    /** Median of the repeated incremental publishes; null when skipped. */
    incrementalSeconds: number | null
    incrementalRuns: number[]
    /** Pages Astro rendered in the median incremental run; pages in the search delta index after the last run. */
    incrementalRendered: number | null
    incrementalSearchDelta: number | null
    /** Seconds per step of the median incremental run: plan, astro, merge, search. */
    incrementalPhases: Record<string, number>
    /** What rendered each incremental run: the resident renderer, or astro build (site/incremental/build.ts). */
    incrementalRenderedBy: string[]
    /** Seconds the resident renderer took to start (its own small build); null when it is switched off or skipped. */
    rendererStartSeconds: number | null
    pages: number | null
    /**
     * As staff see it: median of 5 publishes from the HTTP request to Payload's REST API to the
     * page served by the site server, with the server's own settings (scripts/bench/publishOverHttp.ts).
     */
    staffSeconds: number | null
    staffRuns: number[]
    /** A new service for every worker published the same way (the publish that renders the most directory pages); null when skipped. */
    newServiceSeconds: number | null
    newServiceRendered: number | null
  }
  /** Lighthouse mobile figures of one page of every type, as the site server sends it; null when left out. */
  lighthouse: LighthousePage[] | null
  archiveImport: {
    pages: number
    imported: number
    duplicates: number
    failed: number
    seconds: number
    pagesPerSecond: number
    parseOnlyPagesPerSecond: number
    parseOnlyRuns: number[]
    /** The longest the harness's event loop was held during the import (parsing runs on threads; the CMS must stay responsive). */
    longestEventLoopBlockMs: number
    /** The most CPU time the importing process's event-loop thread spent between two turns of its loop: the block without the wait for a core. */
    longestEventLoopCpuMs: number
    /** The most the importing process's event-loop thread waited for a core between two turns (Linux schedstat; absent elsewhere). */
    longestEventLoopWaitMs?: number
    gbkPages: number
    formats: Record<string, number>
  }
  /** Issue 28: the wording check of a 20,000-character article against 1,000 rules (in this process). */
  wordingCheck: WordingCheckFigures
  wallClockSeconds: number
  /** Each phase's wall time and the 1-minute load average when it ended (above the core count means other work competed). */
  phases: { phase: string; seconds: number; loadAverage1m: number }[]
}

export interface TargetResult {
  id: string
  description: string
  value: number | null
  limit: number
  unit: 's' | 'ms' | 'bytes' | 'pages/s' | 'pages' | 'ratio'
  comparison: '<=' | '>='
  pass: boolean | null
  /** How far past the limit, in the unit and as a share of the limit; null when it passes. */
  missedBy: { amount: number; share: number } | null
}

const GiB = 1024 ** 3

export const evaluateTargets = (f: BenchFigures, articles: number): BenchReport['targets'] => {
  const large = articles > 10_000
  const results: TargetResult[] = []
  const add = (
    id: string,
    description: string,
    value: number | null,
    limit: number,
    unit: TargetResult['unit'],
    comparison: TargetResult['comparison'],
  ) => {
    const pass = value === null ? null : comparison === '<=' ? value <= limit : value >= limit
    const amount = value === null || pass ? 0 : Math.abs(value - limit)
    results.push({
      id,
      description,
      value,
      limit,
      unit,
      comparison,
      pass,
      missedBy: pass === false ? { amount, share: amount / limit } : null,
    })
  }
  add(
    'full-build-time',
    `全站构建（导出 + Astro 与两种搜索索引 + 上线）≤ ${large ? '4 分钟' : '45 秒'}`,
    f.fullBuild.seconds,
    // Issue 26: the builds must not slow with the archive.
    large ? 240 : 45,
    's',
    '<=',
  )
  add('full-build-rss', `构建峰值内存 ≤ ${large ? 4 : 2} GiB`, f.memory.buildPeakRssBytes, (large ? 4 : 2) * GiB, 'bytes', '<=')
  const ss = f.serverSearch
  add('server-search-recall', '服务器搜索召回率 ≥ 0.98（生成语料，最差的查询）', ss.recall.min, 0.98, 'ratio', '>=')
  add('server-search-p95', `服务器搜索 p95 ≤ ${large ? 100 : 50} 毫秒（8 个并发客户端）`, ss.latency.p95Ms, large ? 100 : 50, 'ms', '<=')
  add('server-search-index-time', `服务器搜索索引构建 ≤ ${large ? 25 : 5} 秒`, ss.index.seconds, large ? 25 : 5, 's', '<=')
  // Issue 24: ordinary searches stay fast while other clients flood the server with the costliest query.
  const attacked = ss.underAttack?.runs.find((r) => r.rateLimit)
  add(
    'search-under-attack-p95',
    '受攻击时普通搜索 p95 ≤ 200 毫秒（8 个访客 + 8 个攻击客户端）',
    attacked?.normal.p95Ms ?? null,
    200,
    'ms',
    '<=',
  )
  add(
    'publish-to-live',
    `单篇发布到上线 ≤ ${large ? 4 : 3} 秒（增量路径，中位数）`,
    f.publishToLive.incrementalSeconds,
    large ? 4 : 3,
    's',
    '<=',
  )
  add(
    'publish-to-live-as-staff-see-it',
    `员工所见发布到上线 ≤ ${large ? 3 : 2} 秒（HTTP 发布请求到页面可访问，服务器默认设置，5 次中位数）`,
    f.publishToLive.staffSeconds,
    large ? 3 : 2,
    's',
    '<=',
  )
  add('pages-per-publish', '每次发布重新生成 ≤ 60 个页面', f.publishToLive.incrementalRendered, 60, 'pages', '<=')
  // Issue 12 holds the server index build and the server path's first search to these at both sizes.
  add('server-search-index-rss', '服务器搜索索引构建内存 ≤ 512 MiB', ss.index.peakRssBytes, 512 * 1024 ** 2, 'bytes', '<=')
  add('wording-check', '规范用语检查：2 万字 × 1000 条规则 ≤ 50 毫秒（中位数）', f.wordingCheck.medianMs, 50, 'ms', '<=')
  add('server-first-search', '服务器首次搜索传输（HTML+CSS+JSON）≤ 20 kB', ss.firstSearch.totalBytes, 20_000, 'bytes', '<=')
  // Issue 26 holds the static path (Pagefind, a plain host) to these at both sizes: a first search reads the newest tier only.
  add(
    'first-query',
    `静态主机首次搜索传输（Pagefind）≤ ${large ? 700 : 600} kB`,
    f.firstSearch.transferBytes,
    large ? 700_000 : 600_000,
    'bytes',
    '<=',
  )
  if (!large) {
    add('article-page', '文章页 HTML+CSS ≤ 30 kB（gzip）', f.articlePage.medianGzipBytes, 30_000, 'bytes', '<=')
    add('article-js', '文章页外部 JavaScript = 0', f.articlePage.medianExternalJsBytes, 0, 'bytes', '<=')
    add('import-rate', '归档导入 ≥ 50 页/秒', f.archiveImport.pagesPerSecond, 50, 'pages/s', '>=')
  }
  // Issue 23: staff and readers are served while an upload is imported, at every size.
  add('import-block', '归档导入时事件循环最长阻塞 ≤ 100 毫秒', f.archiveImport.longestEventLoopBlockMs, 100, 'ms', '<=')
  // Issue 26: every page fast on a worker's phone, the service directory's first view small.
  const lighthouse = f.lighthouse ?? []
  const worst = <K extends 'performance' | 'cls'>(key: K, pick: (values: number[]) => number) =>
    lighthouse.length ? pick(lighthouse.map((p) => p[key])) : null
  add(
    'lighthouse-performance',
    'Lighthouse 移动端性能 ≥ 95（每类页面，最低者）',
    worst('performance', (v) => Math.min(...v)),
    95,
    'ratio',
    '>=',
  )
  add(
    'lighthouse-cls',
    '累积布局偏移 CLS ≤ 0.02（每类页面，最高者）',
    worst('cls', (v) => Math.max(...v)),
    0.02,
    'ratio',
    '<=',
  )
  const services = lighthouse.find((p) => p.kind === 'services')
  add(
    'services-first-view',
    '/services/ 首屏 HTML 传输 ≤ 50 kB（本站服务器，压缩）',
    services?.documentBytes ?? null,
    50_000,
    'bytes',
    '<=',
  )
  return {
    scale: large ? '50k' : '10k',
    note: large
      ? `Targets are set for 10k and 50k articles; this run (${articles}) is held to the 50k limits (build, server search, publishing, the static path's first search).`
      : `Targets are set for 10k and 50k articles; this run (${articles}) is held to the 10k limits.`,
    results,
    allPass: results.every((r) => r.pass !== false),
  }
}

// ------------------------------------------------------------------ environment

/** Installed versions, read from node_modules (some packages do not export their package.json). */
const versionOf = (pkg: string) => {
  try {
    return (JSON.parse(fsSync.readFileSync(path.join(process.cwd(), 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version
  } catch {
    return 'unknown'
  }
}

export const versions = (chromium: string | null): BenchReport['versions'] => ({
  payload: versionOf('payload'),
  astro: versionOf('astro'),
  pagefind: versionOf('pagefind'),
  next: versionOf('next'),
  playwrightCore: versionOf('playwright-core'),
  chromium,
})

export const machine = (): BenchReport['machine'] => ({
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: Math.round((os.totalmem() / GiB) * 10) / 10,
  os: `${os.type()} ${os.release()} (${os.arch()})`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  // Children (astro, the export) inherit NODE_OPTIONS, so a raised heap limit shows here.
  nodeOptions: process.env.NODE_OPTIONS?.trim() || null,
  heapLimitGiB: Math.round((v8.getHeapStatistics().heap_size_limit / GiB) * 100) / 100,
})

// ------------------------------------------------------------------ output

export const reportFileName = (startedAt: string) => `bench-${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.json`

export const writeReport = async (report: BenchReport, outDir: string): Promise<string> => {
  await fs.mkdir(outDir, { recursive: true })
  const file = path.join(outDir, reportFileName(report.startedAt))
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
  return file
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const MiB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`
const size = (bytes: number) => (bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : bytes >= 1024 ** 2 ? MiB(bytes) : kB(bytes))
const sec = (s: number) => (s >= 120 ? `${(s / 60).toFixed(1)} 分钟（${s.toFixed(0)} 秒）` : `${s.toFixed(1)} 秒`)
const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 })

/** Display width of a string: CJK characters take two columns. */
const width = (s: string) =>
  [...s].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  )
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)))

export const formatTable = (report: BenchReport): string => {
  const f = report.figures
  const target = (id: string) => {
    const t = report.targets.results.find((r) => r.id === id)
    if (!t) return ['', '']
    const limit =
      t.unit === 's'
        ? sec(t.limit)
        : t.unit === 'ms'
          ? `${t.limit} 毫秒`
          : t.unit === 'ratio'
            ? String(t.limit)
            : t.unit === 'bytes'
              ? t.limit >= 1024 ** 2
                ? size(t.limit)
                : kB(t.limit)
              : t.unit === 'pages'
                ? `${t.limit} 页`
                : `${t.limit} 页/秒`
    const status = t.pass === null ? '—' : t.pass ? '✔ 达标' : `✘ 超出 ${(t.missedBy!.share * 100).toFixed(0)}%`
    return [`${t.comparison === '<=' ? '≤' : '≥'} ${limit}`, status]
  }
  const rows: string[][] = [
    [
      '生成语料（Local API）',
      `${num(f.generation.documents)} 条 / ${sec(f.generation.seconds)} = ${num(f.generation.documentsPerSecond)} 条/秒（新闻 ${num(f.generation.articlesPerSecond)} 篇/秒；写入进程峰值 ${size(f.generation.writerPeakRssBytes)}）`,
      '',
      '',
    ],
    [
      '内容导出（content load）',
      `${sec(f.contentLoad.seconds)}（快照 ${size(f.contentLoad.snapshotBytes)}，中位数 ×${f.contentLoad.runs.length}；npm run export 独立进程 ${sec(f.contentLoad.commandSeconds)}）`,
      '',
      '',
    ],
    [
      'Astro 构建',
      `${sec(f.astroBuild.seconds)}（${num(f.astroBuild.pages)} 个页面，${f.astroBuild.pagesPerSecond.toFixed(0)} 页/秒；空白 Astro ${f.astroBuild.bare.pagesPerSecond.toFixed(0)} 页/秒，比值 ${f.astroBuild.ratioToBare.toFixed(2)}）`,
      '',
      '',
    ],
    ['Pagefind 索引（与 Astro 同时）', `${sec(f.pagefind.seconds)}（${num(f.pagefind.pages)} 个页面，来自快照）`, '', ''],
    [
      '全站构建合计',
      `${sec(f.fullBuild.seconds)}（导出 ${sec(f.contentLoad.seconds)} + 构建 ${sec(f.fullBuild.buildSeconds)}）`,
      ...target('full-build-time'),
    ],
    [
      '构建峰值内存（RSS）',
      `${size(f.memory.buildPeakRssBytes)}（取大：导出进程 ${size(f.contentLoad.commandPeakRssBytes)}／构建进程树 ${size(f.memory.buildTreePeakRssBytes)}（astro ${size(f.memory.astroPeakRssBytes)}，pagefind ${size(f.memory.pagefindPeakRssBytes)}）${f.publishToLive.fullSeconds === null ? '' : `／发布时进程树 ${size(f.memory.publishTreePeakRssBytes)}`}）`,
      ...target('full-build-rss'),
    ],
    ['本进程峰值内存', size(f.memory.harnessPeakRssBytes), '', ''],
    [
      '输出大小',
      `${size(f.output.bytes)}，${num(f.output.files)} 个文件（HTML ${num(f.output.htmlFiles)} 个 ${size(f.output.htmlBytes)}，Pagefind ${size(f.output.pagefindBytes)}）`,
      '',
      '',
    ],
    [
      '文章页 HTML+CSS（gzip，中位数）',
      `${kB(f.articlePage.medianGzipBytes)}（HTML ${kB(f.articlePage.medianHtmlGzipBytes)} + CSS ${kB(f.articlePage.medianCssGzipBytes)}，${f.articlePage.sampled} 页）`,
      ...target('article-page'),
    ],
    [
      '文章页 JavaScript',
      `外部 ${kB(f.articlePage.medianExternalJsBytes)}，内联 ${num(f.articlePage.medianInlineJsBytes)} 字节`,
      ...target('article-js'),
    ],
    [
      '首次搜索传输（浏览器实测）',
      `${kB(f.firstSearch.transferBytes)}（其中 Pagefind ${kB(f.firstSearch.pagefindTransferBytes)}；gzip 主机 ${kB(f.firstSearch.transferBytesGzip)}；${f.firstSearch.requests} 个请求）`,
      ...target('first-query'),
    ],
    [
      '服务器搜索索引',
      `${sec(f.serverSearch.index.seconds)}，${size(f.serverSearch.index.bytes)}，${num(f.serverSearch.index.documents)} 个文档`,
      ...target('server-search-index-time'),
    ],
    ['服务器搜索索引构建内存', size(f.serverSearch.index.peakRssBytes), ...target('server-search-index-rss')],
    [
      '服务器搜索延迟 p95',
      `${f.serverSearch.latency.p95Ms.toFixed(1)} 毫秒（p50 ${f.serverSearch.latency.p50Ms.toFixed(1)}，最大 ${f.serverSearch.latency.maxMs.toFixed(0)}；${f.serverSearch.latency.queries} 个查询 × ${f.serverSearch.latency.clients} 个客户端，${num(f.serverSearch.latency.requests)} 次请求，错误 ${f.serverSearch.latency.errors}）`,
      ...target('server-search-p95'),
    ],
    [
      '服务器首次搜索传输（浏览器实测）',
      `${kB(f.serverSearch.firstSearch.totalBytes)}（页面 ${kB(f.serverSearch.firstSearch.pageBytes)}，${f.serverSearch.firstSearch.requests} 个请求，无 JavaScript；JSON ${kB(f.serverSearch.firstSearch.jsonBytes)}）`,
      ...target('server-first-search'),
    ],
    [
      '受攻击时的服务器搜索',
      f.serverSearch.underAttack
        ? f.serverSearch.underAttack.runs
            .map(
              (r) =>
                `${r.rateLimit ? '限速开' : '限速关'}：普通 p95 ${r.normal.p95Ms.toFixed(0)} 毫秒（p50 ${r.normal.p50Ms.toFixed(0)}，${r.normal.requests} 次，错误 ${r.normal.errors}）；攻击 ${r.attack.requests} 次（应答 ${r.attack.answered}，429 ${r.attack.limited}，繁忙 ${r.attack.busy}）`,
            )
            .join('；') +
          `；64 客户端吞吐：静态页 ${num(Math.round(f.serverSearch.underAttack.throughput.staticRps))} 次/秒，搜索 ${num(Math.round(f.serverSearch.underAttack.throughput.searchRps))} 次/秒`
        : '未测量',
      ...target('search-under-attack-p95'),
    ],
    [
      '服务器搜索召回率',
      `最差 ${f.serverSearch.recall.min.toFixed(3)}，平均 ${f.serverSearch.recall.mean.toFixed(3)}（${f.serverSearch.recall.queries} 个查询，应命中 ${num(f.serverSearch.recall.expectedDocuments)} 个）`,
      ...target('server-search-recall'),
    ],
    [
      '发布到上线：增量路径',
      f.publishToLive.incrementalSeconds === null
        ? '未测量（--skip-publish）'
        : `${sec(f.publishToLive.incrementalSeconds)}（${f.publishToLive.incrementalRuns.length} 次中位数；重新生成 ${num(f.publishToLive.incrementalRendered ?? 0)} 页，${Object.entries(
            f.publishToLive.incrementalPhases,
          )
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(
              ' / ',
            )} 秒；渲染：${[...new Set(f.publishToLive.incrementalRenderedBy)].map((r) => (r === 'resident' ? '常驻渲染进程' : 'astro build')).join('、')}）`,
      ...target('publish-to-live'),
    ],
    [
      '发布到上线：员工所见',
      f.publishToLive.staffSeconds === null
        ? '未测量（--skip-publish）'
        : `${sec(f.publishToLive.staffSeconds)}（HTTP 发布到页面可访问，${f.publishToLive.staffRuns.length} 次中位数：${f.publishToLive.staffRuns.map((s) => s.toFixed(2)).join(' / ')} 秒）`,
      ...target('publish-to-live-as-staff-see-it'),
    ],
    [
      '发布到上线：新增一项面向所有职工的服务',
      f.publishToLive.newServiceSeconds === null
        ? '未测量（--skip-publish）'
        : `${sec(f.publishToLive.newServiceSeconds)}（HTTP 发布到服务页可访问，一次；重新生成 ${f.publishToLive.newServiceRendered ?? '?'} 个页面：它加入的类别、地区和每个人群的列表）`,
      '',
      '',
    ],
    [
      '常驻渲染进程启动',
      f.publishToLive.rendererStartSeconds === null
        ? '未启用'
        : `${sec(f.publishToLive.rendererStartSeconds)}（服务器启动时一次，不计入发布）`,
      '',
      '',
    ],
    [
      '每次发布重新生成的页面',
      f.publishToLive.incrementalRendered === null ? '未测量（--skip-publish）' : `${num(f.publishToLive.incrementalRendered)} 页`,
      ...target('pages-per-publish'),
    ],
    ['发布到上线：全量路径', f.publishToLive.fullSeconds === null ? '未测量（--skip-publish）' : sec(f.publishToLive.fullSeconds), '', ''],
    [
      '归档导入',
      `${num(f.archiveImport.pagesPerSecond)} 页/秒（${f.archiveImport.pages} 页，仅解析 ${num(f.archiveImport.parseOnlyPagesPerSecond)} 页/秒）`,
      ...target('import-rate'),
    ],
    [
      '归档导入时事件循环最长阻塞',
      `${num(f.archiveImport.longestEventLoopBlockMs)} 毫秒（其中占用 CPU ${num(f.archiveImport.longestEventLoopCpuMs)} 毫秒${
        f.archiveImport.longestEventLoopWaitMs === undefined
          ? ''
          : `；线程等待 CPU 最长 ${num(f.archiveImport.longestEventLoopWaitMs)} 毫秒`
      }）`,
      ...target('import-block'),
    ],
    [
      '规范用语检查',
      `${f.wordingCheck.medianMs.toFixed(1)} 毫秒（${num(f.wordingCheck.chars)} 字 × ${num(f.wordingCheck.rules)} 条规则，${f.wordingCheck.runs.length} 次中位数，${num(f.wordingCheck.findings)} 处提示；规则变动后建立匹配器 ${num(Math.round(f.wordingCheck.buildMs))} 毫秒）`,
      ...target('wording-check'),
    ],
    ...(f.lighthouse ?? []).map((p) => [
      `Lighthouse：${p.kind}`,
      `性能 ${p.performance}（无障碍 ${p.accessibility}，最佳实践 ${p.bestPractices}，SEO ${p.seo}），LCP ${sec(p.lcpMs / 1000)}，TBT ${Math.round(p.tbtMs)} 毫秒，CLS ${p.cls.toFixed(3)}，HTML ${kB(p.documentBytes)}，共 ${kB(p.totalBytes)}（${p.url}）`,
      ...(p.kind === 'services' ? target('services-first-view') : ['', '']),
    ]),
    ...(f.lighthouse
      ? [
          ['Lighthouse：最低性能 / 最高 CLS', '', ...target('lighthouse-performance')],
          ['', '', ...target('lighthouse-cls')],
        ]
      : []),
    ['基准测试总用时', sec(f.wallClockSeconds), '', ''],
  ]
  const header = ['项目', '结果', '目标', '']
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => width(r[i] ?? ''))))
  const line = (r: string[]) =>
    r
      .map((c, i) => padEnd(c ?? '', widths[i]!))
      .join('  ')
      .trimEnd()
  const m = report.machine
  return [
    `基准测试：新闻 ${num(report.params.articles)} 篇，服务 ${num(report.params.services)} 项，职工之家 ${num(report.params.workersHomes)} 个，劳模 ${num(report.params.laborModels)} 个`,
    `机器：${m.cpus} 核 ${m.cpuModel}，内存 ${m.memoryGiB} GiB，Node ${m.node}；Payload ${report.versions.payload}，Astro ${report.versions.astro}，Pagefind ${report.versions.pagefind}`,
    '',
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
  ].join('\n')
}
