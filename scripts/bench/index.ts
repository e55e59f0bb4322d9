import { randomBytes } from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import { spawn } from 'node:child_process'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

import lockfile from 'proper-lockfile'

import { childEnv, configureSettings, settings } from '../../content-models/settings'
import type { LastBuild, Rebuilder } from '../../cms/publishing/rebuilder'

import { blocksToLexical } from '../../cms/seed/richText'
import { BULK_PART } from './load'
import { planCorpus, SEARCH_WORD, type CorpusPlan } from './corpus'
import { measurePublishOverHttp, type PublishOverHttp } from './publishOverHttp'
import type { GenerateMessage } from './generateChild'
import type { ImportMessage } from './importChild'
import type { LoadResult } from './load'
import { bareAstroBuild } from './bareAstro'
import { writeLegacyPages } from './legacy'
import type { LighthousePage } from './lighthouse'
import { articlePageWeight, median, outputSize, spread, type SearchTransfer } from './measure'
import { measureWordingCheck } from './wordingCheck'
import { canSampleMemory, peakOf, sampleDescendants, selfPeakRssBytes } from './memory'
import { profilingNodeOptions, summarizeProfile, type ProfileSummary } from './profile'
import { indexFileOf } from '../../site/search/files'
import { readSnapshotStreamed } from '../../site/snapshot'
import type { ContentSnapshot } from '../../content-models/snapshot'
import {
  measureFirstServerSearch,
  measureIndexBuild,
  measureLatency,
  measureRecall,
  measureSearchUnderAttack,
  SERVER_QUERIES,
} from './serverSearch'
import { evaluateTargets, machine, reportFileName, versions, writeReport, type BenchFigures, type BenchReport } from './report'

export interface BenchOptions {
  articles: number
  /** Repetitions of the cheap measurements (export when it is quick, search transfer, parse rate); medians are reported. */
  runs?: number
  /** Where the JSON report goes (default: reports/ in the repository). */
  outDir?: string
  /** Keep the temporary workspace (database, snapshot, builds, legacy pages) and print where it is. */
  keep?: boolean
  /** Local API writes in flight while generating. */
  concurrency?: number
  /** Size services, workers' homes and labor models as for this many articles (default: as many as `articles`, at most 50k). */
  othersAt?: number
  /**
   * Write the articles straight through the database adapter, in parts (scripts/bench/bulkArticles.ts),
   * not through the Local API; default: above BULK_ABOVE articles, where the Local API would take hours.
   */
  bulkArticles?: boolean
  seed?: string
  /** Legacy pages to import (default: articles / 10, between 50 and 1000). */
  importPages?: number
  /** Profile the export and the `astro build` child with --cpu-prof and summarize where their time goes. */
  profile?: boolean
  /** Skip the publish-to-live measurement, a second full build (for large corpora, where no target covers it). */
  skipPublish?: boolean
  /** Lighthouse runs per page type (median); 0 leaves Lighthouse out. */
  lighthouseRuns?: number
  onEvent?: (event: BenchEvent) => void
}

export type BenchPhase =
  | 'open'
  | 'generate'
  | 'export'
  | 'astro'
  | 'bareAstro'
  | 'serverIndex'
  | 'measure'
  | 'search'
  | 'serverSearch'
  | 'lighthouse'
  | 'publish'
  | 'import'
  | 'report'

export type BenchEvent =
  | { type: 'phase-start'; phase: BenchPhase; label: string; total?: number }
  | { type: 'progress'; phase: BenchPhase; done: number; total: number; detail?: string }
  | { type: 'phase-end'; phase: BenchPhase; label: string; seconds: number; summary: string }
  | { type: 'note'; message: string }

/** Above this many articles the corpus is written in bulk by default: 50k through the Local API already took most of an hour. */
export const BULK_ABOVE = 50_000

export const PHASE_LABELS: Record<BenchPhase, string> = {
  open: '打开数据库',
  generate: '生成语料',
  export: '内容导出',
  astro: '全站构建（Astro 与搜索索引同时）',
  bareAstro: '空白 Astro 对照',
  serverIndex: '服务器搜索索引',
  measure: '输出与页面体积',
  search: '首次搜索（浏览器）',
  serverSearch: '服务器搜索（延迟、传输、召回）',
  lighthouse: 'Lighthouse（移动端，每类页面一个）',
  publish: '发布到上线',
  import: '归档导入',
  report: '写报告',
}

interface PublishFigures {
  fullSeconds: number
  incrementalSeconds: number
  incrementalRuns: number[]
  incrementalRendered: number
  incrementalSearchDelta: number
  incrementalPhases: Record<string, number>
  incrementalRenderedBy: string[]
  rendererStartSeconds: number | null
  pages: number
  staff: PublishOverHttp
}

/**
 * Runs the whole benchmark in a fresh temporary workspace and writes the JSON report.
 * The CMS reads its environment when its config is first imported, so this must run in a
 * process that has not loaded cms/ yet (a fresh `tsx` process or a vitest fork).
 */
export const runBenchmark = async (options: BenchOptions): Promise<{ report: BenchReport; file: string }> => {
  const startedAt = new Date()
  const machineAtStart = machine()
  const wallStart = performance.now()
  const runs = Math.max(1, options.runs ?? 3)
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const bulkArticles = options.bulkArticles ?? options.articles > BULK_ABOVE
  const seed = options.seed ?? 'union-portal-bench'
  const plan = planCorpus(Math.max(1, Math.floor(options.articles)), options.othersAt)
  const importPages = options.importPages ?? Math.min(1000, Math.max(50, Math.round(plan.articles / 10)))
  const root = process.cwd()
  const outDir = path.resolve(options.outDir ?? path.join(root, 'reports'))
  const emit = options.onEvent ?? (() => {})
  const notes: string[] = []
  const note = (message: string) => {
    notes.push(message)
    emit({ type: 'note', message })
  }
  if (!fsSync.existsSync(path.join(root, 'astro.config.mjs')))
    throw new Error(`run the benchmark from the repository root (no astro.config.mjs in ${root})`)

  // Other work on the machine skews timings; the load average after each phase shows it.
  const phases: BenchFigures['phases'] = []
  const phase = async <T>(
    name: BenchPhase,
    run: () => Promise<T>,
    summary: (result: T, seconds: number) => string,
    total?: number,
  ): Promise<T> => {
    emit({ type: 'phase-start', phase: name, label: PHASE_LABELS[name], total })
    const t0 = performance.now()
    const result = await run()
    const seconds = (performance.now() - t0) / 1000
    phases.push({ phase: name, seconds, loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100 })
    emit({ type: 'phase-end', phase: name, label: PHASE_LABELS[name], seconds, summary: summary(result, seconds) })
    return result
  }

  // ---------------------------------------------------------------- workspace and environment
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-bench-'))
  const dataDir = path.join(workspace, 'data')
  const snapshotDir = path.join(workspace, 'snapshot')
  const dist = path.join(workspace, 'dist')
  const profileDir = path.join(workspace, 'profile')
  // Child processes (the corpus writer, `npm run export`, astro) get these through childEnv().
  const benchSettings = configureSettings({
    dataDir,
    mediaDir: path.join(dataDir, 'media'),
    databaseUri: `file:${path.join(dataDir, 'bench.db')}`,
    snapshotDir,
    distDir: dist,
    jobsAutorun: false,
    siteAutobuild: false,
    cmsUrl: undefined,
    payloadSecret: settings().payloadSecret ?? randomBytes(32).toString('hex'),
  })
  await fs.mkdir(dataDir, { recursive: true })

  const [
    { openPayload },
    { exportSnapshot, localSource },
    publish,
    { parsePage },
    { serveSite },
    { rebuilderFor, createRebuilder },
    { sharedRenderer, closeSharedRenderer },
  ] = await Promise.all([
    import('../../cms/open'),
    import('../../cms/export'),
    import('../../site/publish'),
    import('../../cms/importer/parse'),
    import('../../site/serve'),
    import('../../cms/publishing/rebuilder'),
    import('../../site/renderer'),
  ])

  let payload: Awaited<ReturnType<typeof openPayload>> | undefined
  let server: http.Server | undefined
  let browser: import('playwright-core').Browser | undefined
  try {
    payload = await phase(
      'open',
      async () => {
        const p = await openPayload()
        // Progress is ours to show; keep Payload to warnings and errors.
        p.logger.level = 'warn'
        return p
      },
      () => 'SQLite 已迁移',
    )
    const cms = payload

    // ---------------------------------------------------------------- generation
    const totalDocs = plan.articles + plan.services + plan.workersHomes + plan.laborModels
    const loaded = await phase(
      'generate',
      () =>
        generateInChild(root, { plan, seed, concurrency, bulkArticles }, (done, total, collection) =>
          emit({ type: 'progress', phase: 'generate', done, total, detail: collection }),
        ),
      (r) => `${r.total} 条，${(r.total / r.seconds).toFixed(1)} 条/秒，写入进程峰值内存 ${(r.peakRssBytes / 1024 ** 2).toFixed(0)} MiB`,
      totalDocs,
    )
    if (bulkArticles)
      note(
        `Generation: the ${plan.articles} articles were written in parts of ${BULK_PART} straight through the SQLite adapter's tables (scripts/bench/bulkArticles.ts), not through the Local API: validation, access control and hooks were bypassed (their outcome for the generated data is computed: slugs, review state), so the article write rate is not comparable with a Local API run; the other collections went through the Local API.`,
      )
    if (loaded.slugRetries > 0)
      note(
        `Generation: ${loaded.slugRetries} creates were saved again because a concurrent create of the same name took its slug first (the slug hook counts, then inserts: a race the unique index catches).`,
      )
    const dbBytes = ['bench.db', 'bench.db-wal'].reduce(
      (sum, f) => sum + (fsSync.statSync(path.join(dataDir, f), { throwIfNoEntry: false })?.size ?? 0),
      0,
    )
    note(
      `Images: ${plan.images} distinct pictures drawn with sharp are reused as covers and photos; uploading one per article would make image processing dominate the run, so output size also carries an estimate for distinct images.`,
    )

    // ---------------------------------------------------------------- content load (export)
    const exportRuns: number[] = []
    // Above BULK_ABOVE one export is many minutes: it runs only as `npm run export` does, in a
    // process of its own, and what the later steps need is read back from the snapshot it wrote.
    const exportInHarness = plan.articles <= BULK_ABOVE
    if (!exportInHarness)
      note(
        `Export: above ${BULK_ABOVE} articles the content load is timed once, as \`npm run export\` in a process of its own, not also inside the harness.`,
      )
    const exported = await phase(
      'export',
      async () => {
        let kept: ExportKept | undefined
        for (let i = 0; exportInHarness && i < runs; i++) {
          const t0 = performance.now()
          kept = keptOf(await exportSnapshot(localSource(cms, benchSettings.mediaDir), snapshotDir))
          exportRuns.push((performance.now() - t0) / 1000)
          emit({ type: 'progress', phase: 'export', done: i + 1, total: runs + 1 })
          // Repeat only while it is cheap; one long export says enough.
          if (exportRuns[0]! > 10) break
        }
        // Once more as `npm run export` runs it, in a process of its own, for the memory the
        // export needs (in this process it mixes with the generator's) and, with --profile, its CPU profile.
        const command = await runScript(root, 'scripts/export.ts', {
          nodeOptions: options.profile ? profilingNodeOptions(path.join(profileDir, 'export')) : undefined,
        })
        if (!exportInHarness) exportRuns.push(command.seconds)
        emit({ type: 'progress', phase: 'export', done: runs + 1, total: runs + 1 })
        return { ...(kept ?? keptFromFile(snapshotDir)), command }
      },
      (s) =>
        `新闻 ${s.counts.articles} 篇，中位数 ${median(exportRuns).toFixed(1)} 秒，独立进程峰值内存 ${(s.command.peakRssBytes / 1024 ** 2).toFixed(0)} MiB`,
      runs + 1,
    )
    const contentLoad = {
      seconds: median(exportRuns),
      runs: exportRuns,
      snapshotBytes: fsSync.statSync(path.join(snapshotDir, 'content.json')).size,
      ...exported.counts,
      commandSeconds: exported.command.seconds,
      commandPeakRssBytes: exported.command.peakRssBytes,
    }
    const { articleSlugs, imageRefs } = exported

    // ---------------------------------------------------------------- full build: astro beside the search indexes
    await waitForOtherBuilds(root, (m) => note(m))
    const memory = {
      astro: 0,
      pagefind: 0,
      buildTree: 0,
      publishTree: 0,
      renderer: 0,
      processes: [] as BenchFigures['memory']['processes'],
    }
    const profiles: BenchReport['profiles'] = {}
    const build = await phase(
      'astro',
      async () => {
        const astroEnv: Record<string, string> = {}
        if (options.profile) astroEnv.NODE_OPTIONS = profilingNodeOptions(path.join(profileDir, 'astro'))
        const sampler = sampleDescendants()
        const ticker = setInterval(() => emit({ type: 'progress', phase: 'astro', done: 0, total: 0 }), 1000)
        try {
          const t0 = performance.now()
          const b = await publish.buildSite({ snapshotDir, dist, env: astroEnv })
          return { ...b, seconds: (performance.now() - t0) / 1000 }
        } finally {
          clearInterval(ticker)
          const tree = sampler.stop()
          memory.astro = peakOf(tree, /astro/)
          memory.pagefind = peakOf(tree, /pagefind/)
          memory.buildTree = tree.treePeakRssBytes
          memory.processes.push(...tree.processes.slice(0, 6))
        }
      },
      (b) =>
        `${b.pages} 个页面；其中 astro ${b.astroSeconds.toFixed(1)} 秒，同时 Pagefind ${(b.search.pagefind?.seconds ?? 0).toFixed(1)} 秒`,
    )
    if (options.profile) {
      for (const which of ['export', 'astro'] as const) {
        const summary = await keepProfile(
          path.join(profileDir, which),
          path.join(outDir, reportFileName(startedAt.toISOString()).replace(/\.json$/, `-${which}.cpuprofile`)),
          root,
        )
        if (summary) profiles[which] = summary
        else note(`Profiling was asked for but the ${which} process wrote no .cpuprofile.`)
      }
    }

    const pagefind = { pages: build.search.pagefind?.pages ?? 0, seconds: build.search.pagefind?.seconds ?? 0 }
    const serverIndex = await phase(
      'serverIndex',
      () => measureIndexBuild(snapshotDir, build.dir),
      (i) => `${i.seconds.toFixed(1)} 秒，${(i.bytes / 1024 ** 2).toFixed(0)} MiB，峰值内存 ${(i.peakRssBytes / 1024 ** 2).toFixed(0)} MiB`,
    )
    const goLiveStart = performance.now()
    await publish.goLive(build, dist)
    const goLiveSeconds = (performance.now() - goLiveStart) / 1000
    const liveDir = await fs.realpath(publish.liveDir(dist))

    // The same Astro on the same machine with as many trivial pages: our Astro phase as a ratio to it.
    // After the phases timed on files they write: it deletes its pages at the end, and on ext4
    // without a journal files created in the next half minute are slow (the server index timed
    // right after it took 6.7 s; alone on the same workspace 4.1-5.1 s).
    const bare = await phase(
      'bareAstro',
      () => bareAstroBuild(root, build.pages),
      (b) => `${b.pages} 个页面，${b.pagesPerSecond.toFixed(0)} 页/秒`,
    )

    // ---------------------------------------------------------------- output, page weight
    const measured = await phase(
      'measure',
      async () => {
        const size = await outputSize(liveDir)
        const perImage = plan.images > 0 ? size.mediaBytes / plan.images : 0
        return {
          output: { ...size, estimatedDistinctMediaBytes: Math.round(size.bytes - size.mediaBytes + perImage * imageRefs) },
          page: await articlePageWeight(liveDir, spread(articleSlugs, 30)),
        }
      },
      (m) => `${(m.output.bytes / 1024 ** 2).toFixed(0)} MiB，文章页 ${(m.page.medianGzipBytes / 1000).toFixed(1)} kB`,
    )

    // ---------------------------------------------------------------- first search query, in Chromium
    const searchRuns: SearchTransfer[] = await phase(
      'search',
      async () => {
        const { launchChromium } = await import('../../tests/helpers/browser')
        const { measureSearch } = await import('./measure')
        // The static path, as a plain host serves it: Pagefind in the browser.
        server = await serveSite(0, publish.liveDir(dist), { search: false })
        browser = await launchChromium()
        const list: SearchTransfer[] = []
        for (let i = 0; i < runs; i++) {
          list.push(await measureSearch({ dir: liveDir, query: SEARCH_WORD, server: server!, browser: browser! }))
          emit({ type: 'progress', phase: 'search', done: i + 1, total: runs })
        }
        return list
      },
      (l) => `${(median(l.map((r) => r.transferBytes)) / 1000).toFixed(1)} kB`,
      runs,
    )
    const serverSearch = await phase(
      'serverSearch',
      async () => {
        const latency = await measureLatency(root, publish.liveDir(dist), SERVER_QUERIES)
        const firstSearch = await measureFirstServerSearch(
          root,
          publish.liveDir(dist),
          SEARCH_WORD,
          browser as unknown as import('playwright-core').Browser,
        )
        const recall = await measureRecall(snapshotDir, indexFileOf(liveDir), SERVER_QUERIES)
        // A small run (the harness test's) floods for 2 s a setting; the figure that is judged floods for 10.
        const underAttack = await measureSearchUnderAttack(root, publish.liveDir(dist), SERVER_QUERIES, {
          seconds: plan.articles < 1000 ? 2 : 10,
        })
        return { index: serverIndex, latency, firstSearch, recall, underAttack }
      },
      (s) =>
        `p95 ${s.latency.p95Ms.toFixed(1)} 毫秒，首次 ${(s.firstSearch.totalBytes / 1000).toFixed(1)} kB，召回率 ${s.recall.min.toFixed(3)}`,
    )
    // ---------------------------------------------------------------- Lighthouse, a page of every type
    const lighthouseRuns = options.lighthouseRuns ?? 1
    const lighthouse: LighthousePage[] | null =
      lighthouseRuns > 0
        ? await phase(
            'lighthouse',
            async () => {
              const { measureLighthouse, pageOfEveryType } = await import('./lighthouse')
              // Our own server, as `npm start` serves the site: compressed, with the server search.
              const own = await serveSite(0, publish.liveDir(dist))
              try {
                const { port } = own.address() as { port: number }
                return await measureLighthouse({
                  baseUrl: `http://127.0.0.1:${port}`,
                  pages: await pageOfEveryType(liveDir),
                  runs: lighthouseRuns,
                  log: (m) => note(`Lighthouse ${m}`),
                })
              } finally {
                await new Promise<void>((resolve) => own.close(() => resolve()))
              }
            },
            (l) => `性能最低 ${Math.min(...l.map((p) => p.performance))}，CLS 最高 ${Math.max(...l.map((p) => p.cls)).toFixed(3)}`,
          )
        : null
    const chromiumVersion = browser ? (browser as import('playwright-core').Browser).version() : null
    await (browser as import('playwright-core').Browser | undefined)?.close()
    browser = undefined
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = undefined
    const pickMedian = (key: keyof SearchTransfer) => median(searchRuns.map((r) => r[key] as number))
    const medianRun = [...searchRuns].sort((a, b) => a.transferBytes - b.transferBytes)[searchRuns.length >> 1]!

    // ---------------------------------------------------------------- publish-to-live
    let published: PublishFigures | undefined
    if (options.skipPublish)
      note('Publish-to-live was skipped (--skip-publish): its figures are null, and build memory is the full build alone.')
    else {
      await waitForOtherBuilds(root, (m) => note(m))
      published = await phase(
        'publish',
        async () => {
          // The real path: the collection hook asks the process's rebuilder, which updates the
          // live site incrementally; first as staff see it (over HTTP, the server's own settings),
          // then from the Local API write to the live file, then with incremental updates off.
          configureSettings({ siteAutobuild: true })
          const sampler = sampleDescendants()
          const ticker = setInterval(() => emit({ type: 'progress', phase: 'publish', done: 0, total: 0 }), 1000)
          const publishOne = async (n: number, rebuilder: Rebuilder, skipRebuild = false) => {
            const title = `基准测试：发布后多久上线（第 ${n} 次）`
            const t0 = performance.now()
            const doc = await cms.create({
              collection: 'articles',
              context: { skipRebuild },
              data: {
                title,
                summary: '用于测量从发布到网站上线所需时间的文章。',
                body: blocksToLexical(['这是一篇由基准测试发布的文章，用来测量从点击发布到公众网站出现这篇文章所需的时间。']) as never,
                publishedAt: new Date().toISOString(),
                _status: 'published',
              },
            })
            if (skipRebuild) await rebuilder.request(`基准测试：${title}`)
            await rebuilder.idle()
            const seconds = (performance.now() - t0) / 1000
            const html = await fs.readFile(path.join(publish.liveDir(dist), 'news', String(doc.slug), 'index.html'), 'utf8').catch(() => '')
            if (!html.includes(title)) {
              const last = (await cms.find({ collection: 'site-builds', sort: '-createdAt', limit: 1 })).docs[0] as
                { status?: string; error?: string } | undefined
              throw new Error(
                `the published article is not live after the rebuild (build ${last?.status ?? 'not recorded'}: ${last?.error?.slice(0, 500) ?? ''})`,
              )
            }
            return seconds
          }
          let full: Rebuilder | undefined
          try {
            // A running server starts its resident renderer when it starts (cms/publishing/rebuilder.ts),
            // long before a publish: the publishes are timed once it is up, its start reported apart.
            // With --profile the renderer is profiled too (its profile is written when it exits).
            const nodeOptions = process.env.NODE_OPTIONS
            if (options.profile) process.env.NODE_OPTIONS = profilingNodeOptions(path.join(profileDir, 'renderer'))
            rebuilderFor(cms).start()
            const rendererStartSeconds = settings().residentRenderer
              ? (await sharedRenderer({ snapshotDir: settings().snapshotDir, dist: settings().distDir }).ready).seconds
              : null
            if (nodeOptions === undefined) delete process.env.NODE_OPTIONS
            else process.env.NODE_OPTIONS = nodeOptions
            const staff = await measurePublishOverHttp(cms, {
              runs: 5,
              liveDir: publish.liveDir(dist),
              settled: () => rebuilderFor(cms).idle(),
              lastRendered: () => rebuilderFor(cms).last()?.rendered,
            })
            const incremental: { seconds: number; build: LastBuild }[] = []
            for (let i = 0; i < runs; i++) {
              const seconds = await publishOne(i + 1, rebuilderFor(cms))
              const build = rebuilderFor(cms).last()
              if (build?.mode !== 'incremental')
                throw new Error(`publish ${i + 1} was not an incremental update (${JSON.stringify(build)})`)
              incremental.push({ seconds, build })
            }
            // A queue of its own, so the server's rebuilder does not serve this request incrementally.
            full = createRebuilder(cms, { quietMs: 0, incremental: false, queue: 'bench-full' })
            const fullSeconds = await publishOne(runs + 1, full, true)
            const record = (await cms.find({ collection: 'site-builds', sort: '-createdAt', limit: 1 })).docs[0] as
              { pages?: number } | undefined
            const mid = [...incremental].sort((x, y) => x.seconds - y.seconds)[incremental.length >> 1]!
            return {
              fullSeconds,
              incrementalSeconds: median(incremental.map((r) => r.seconds)),
              incrementalRuns: incremental.map((r) => r.seconds),
              incrementalRendered: mid.build.rendered ?? 0,
              incrementalSearchDelta: incremental.at(-1)!.build.searchDelta ?? 0,
              incrementalPhases: mid.build.phases ?? {},
              incrementalRenderedBy: incremental.map((r) => r.build.renderedBy ?? 'astro'),
              rendererStartSeconds,
              pages: record?.pages ?? 0,
              staff,
            }
          } finally {
            clearInterval(ticker)
            // Both rebuilders stop looking at their queues before the database closes; the
            // renderer is closed first, and waited for.
            await closeSharedRenderer()
            rebuilderFor(cms).stop()
            full?.stop()
            const tree = sampler.stop()
            memory.publishTree = tree.treePeakRssBytes
            memory.renderer = peakOf(tree, /renderer\/child\.ts/)
            memory.processes.push(...tree.processes.slice(0, 3).map((p) => ({ ...p, command: `[publish] ${p.command}` })))
            configureSettings({ siteAutobuild: false })
          }
        },
        (p) =>
          `员工所见 ${p.staff.medianSeconds.toFixed(1)} 秒，增量 ${p.incrementalSeconds.toFixed(1)} 秒，全量 ${p.fullSeconds.toFixed(1)} 秒`,
      )
      if (options.profile && settings().residentRenderer) {
        // The renderer was closed (and wrote its profile as it exited) when the publishes ended.
        const dir = path.join(profileDir, 'renderer')
        const target = path.join(outDir, reportFileName(startedAt.toISOString()).replace(/\.json$/, '-renderer.cpuprofile'))
        profiles.renderer = await keepProfile(dir, target, root)
        if (!profiles.renderer) note('Profiling was asked for but the resident renderer wrote no .cpuprofile.')
      }
    }

    // ---------------------------------------------------------------- archive import
    const archiveDir = path.join(workspace, 'archive')
    const legacy = await writeLegacyPages(archiveDir, importPages, seed)
    const files = legacy.map((p) => p.file)
    // Nothing after this reads the database through the harness's own Payload: closed, its
    // scheduled jobs and idle rebuilder no longer take SQLite's write lock while the import
    // writes (a writer waiting on it waits with its event loop held).
    await payload.destroy()
    payload = undefined
    // The harness's own garbage (gigabytes at 50k by now) is collected before the import is
    // timed: V8 marks a heap that size on helper threads for seconds, on the cores the import's
    // event loop needs. A server staff upload to holds no benchmark's state.
    v8.setFlagsFromString('--expose-gc')
    ;(runInNewContext('gc') as () => void)()
    const imported = await phase(
      'import',
      async () => {
        // In a process of its own, as the CMS server would run it (scripts/bench/importChild.ts says why).
        let result: Extract<ImportMessage, { type: 'done' }>['result'] | undefined
        await runScript(root, 'scripts/bench/importChild.ts', {
          nodeOptions: '--expose-gc',
          env: { BENCH_IMPORT: JSON.stringify({ files }) },
          onMessage: (message: ImportMessage) => {
            if (message.type === 'progress') emit({ type: 'progress', phase: 'import', done: message.done, total: message.total })
            else result = message.result
          },
        })
        if (!result) throw new Error('the import ended without a result')
        return result
      },
      (s) =>
        `${(files.length / (s.totalMs / 1000)).toFixed(1)} 页/秒，事件循环最长阻塞 ${s.longestBlockMs.toFixed(0)} 毫秒（其中占用 CPU ${s.longestCpuBlockMs.toFixed(0)} 毫秒${s.longestWaitMs === undefined ? '' : `，等待 CPU 最长 ${s.longestWaitMs.toFixed(0)} 毫秒`}）`,
      files.length,
    )
    const importBlockMs = imported.longestBlockMs
    const parseRuns: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      for (const file of files) parsePage(fsSync.readFileSync(file), file)
      parseRuns.push(files.length / ((performance.now() - t0) / 1000))
    }
    const wordingCheck = measureWordingCheck()
    if (imported.failed)
      note(`Archive import: ${imported.failed} of ${files.length} generated pages failed (first: ${imported.firstFailure ?? 'unknown'}).`)

    // ---------------------------------------------------------------- report
    const count = (c: string) => loaded.counts[c] ?? 0
    const figures: BenchFigures = {
      generation: {
        documents: loaded.total,
        articles: count('articles'),
        publishedArticles: loaded.publishedArticles,
        seconds: loaded.seconds,
        documentsPerSecond: loaded.total / loaded.seconds,
        articlesPerSecond: count('articles') / (loaded.secondsBy.articles ?? Number.NaN),
        byCollection: Object.fromEntries(
          Object.entries(loaded.counts).map(([c, n]) => [
            c,
            { documents: n, seconds: loaded.secondsBy[c] ?? 0, perSecond: n / (loaded.secondsBy[c] || Number.NaN) },
          ]),
        ),
        databaseBytes: dbBytes,
        slugRetries: loaded.slugRetries,
        writerPeakRssBytes: loaded.peakRssBytes,
      },
      contentLoad,
      astroBuild: {
        // Astro alone, timed inside the full build while the search indexes share the machine.
        seconds: build.astroSeconds,
        pages: build.pages,
        pagesPerSecond: build.pages / build.astroSeconds,
        bare,
        ratioToBare: build.pages / build.astroSeconds / bare.pagesPerSecond,
      },
      pagefind: { seconds: pagefind.seconds, pages: pagefind.pages },
      fullBuild: { seconds: contentLoad.seconds + build.seconds + goLiveSeconds, buildSeconds: build.seconds, goLiveSeconds },
      memory: {
        // `npm run build` exports in a process that exits before the build starts, then runs
        // astro beside the search-index process (and its Pagefind service): the largest of the
        // export, that tree (sampled sum) and the same tree in the publish rebuild.
        buildPeakRssBytes: Math.max(contentLoad.commandPeakRssBytes, memory.buildTree, published ? memory.publishTree : 0),
        buildTreePeakRssBytes: memory.buildTree,
        astroPeakRssBytes: memory.astro,
        pagefindPeakRssBytes: memory.pagefind,
        publishTreePeakRssBytes: memory.publishTree,
        rendererPeakRssBytes: memory.renderer,
        harnessPeakRssBytes: selfPeakRssBytes(),
        processes: memory.processes,
      },
      output: measured.output,
      articlePage: measured.page,
      firstSearch: {
        ...medianRun,
        transferBytes: pickMedian('transferBytes'),
        pagefindTransferBytes: pickMedian('pagefindTransferBytes'),
        transferBytesGzip: pickMedian('transferBytesGzip'),
        pagefindTransferBytesGzip: pickMedian('pagefindTransferBytesGzip'),
        serverBytes: pickMedian('serverBytes'),
        timeToResultsMs: pickMedian('timeToResultsMs'),
        query: SEARCH_WORD,
        runs: searchRuns.length,
        transferBytesRuns: searchRuns.map((r) => r.transferBytes),
      },
      serverSearch,
      publishToLive: {
        fullSeconds: published?.fullSeconds ?? null,
        incrementalSeconds: published?.incrementalSeconds ?? null,
        incrementalRuns: published?.incrementalRuns ?? [],
        incrementalRendered: published?.incrementalRendered ?? null,
        incrementalSearchDelta: published?.incrementalSearchDelta ?? null,
        incrementalPhases: published?.incrementalPhases ?? {},
        incrementalRenderedBy: published?.incrementalRenderedBy ?? [],
        rendererStartSeconds: published?.rendererStartSeconds ?? null,
        pages: published?.pages ?? null,
        staffSeconds: published?.staff.medianSeconds ?? null,
        staffRuns: published?.staff.runs ?? [],
        newServiceSeconds: published?.staff.newService.seconds ?? null,
        newServiceRendered: published?.staff.newService.rendered ?? null,
      },
      lighthouse,
      archiveImport: {
        pages: files.length,
        imported: imported.imported,
        duplicates: imported.duplicates,
        failed: imported.failed,
        seconds: imported.totalMs / 1000,
        pagesPerSecond: files.length / (imported.totalMs / 1000),
        parseOnlyPagesPerSecond: median(parseRuns),
        parseOnlyRuns: parseRuns,
        longestEventLoopBlockMs: importBlockMs,
        longestEventLoopCpuMs: imported.longestCpuBlockMs,
        longestEventLoopWaitMs: imported.longestWaitMs,
        gbkPages: legacy.filter((p) => p.encoding === 'gbk').length,
        formats: legacy.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.format]: (acc[p.format] ?? 0) + 1 }), {}),
      },
      wordingCheck,
      wallClockSeconds: (performance.now() - wallStart) / 1000,
      phases: [...phases],
    }
    if (!canSampleMemory()) note('No /proc on this system: child-process memory could not be sampled (figures are 0).')
    const targets = evaluateTargets(figures, plan.articles)
    for (const t of targets.results) {
      if (t.pass === false)
        note(
          `Target missed: ${t.id} is ${formatValue(t.value!, t.unit)} against ${t.comparison} ${formatValue(t.limit, t.unit)} (${(t.missedBy!.share * 100).toFixed(0)}% past the limit).`,
        )
    }
    const report: BenchReport = {
      kind: 'union-portal-benchmark',
      schemaVersion: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machineAtStart,
      versions: versions(chromiumVersion),
      params: {
        skipPublish: options.skipPublish ?? false,
        lighthouseRuns,
        articles: plan.articles,
        services: plan.services,
        workersHomes: plan.workersHomes,
        laborModels: plan.laborModels,
        images: plan.images,
        runs,
        concurrency,
        bulkArticles,
        seed,
        importPages,
        searchQuery: SEARCH_WORD,
        profile: options.profile ?? false,
      },
      figures,
      targets,
      notes,
      profiles,
      workspace: { dir: workspace, kept: options.keep ?? false },
    }
    const file = await phase(
      'report',
      () => writeReport(report, outDir),
      (f) => path.relative(root, f),
    )
    return { report, file }
  } finally {
    await (browser as import('playwright-core').Browser | undefined)?.close().catch(() => undefined)
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()))
    await payload?.destroy().catch(() => undefined)
    if (!options.keep) await fs.rm(workspace, { recursive: true, force: true }).catch(() => undefined)
  }
}

const formatValue = (value: number, unit: string) =>
  unit === 'bytes'
    ? value >= 1024 ** 3
      ? `${(value / 1024 ** 3).toFixed(2)} GiB`
      : `${(value / 1000).toFixed(1)} kB`
    : unit === 's'
      ? `${value.toFixed(1)} s`
      : `${value.toFixed(1)} ${unit}`

/**
 * Astro builds take turns on a lock (site/publish.ts). Waiting here, before the clock starts,
 * keeps another engineer's build or a test run out of the measured time.
 */
const waitForOtherBuilds = async (root: string, say: (m: string) => void) => {
  const config = path.join(root, 'astro.config.mjs')
  let told = false
  while (await lockfile.check(config, { stale: 120_000 }).catch(() => false)) {
    if (!told) say('Another astro build held the build lock; the benchmark waited for it before timing its own.')
    told = true
    await new Promise((r) => setTimeout(r, 500))
  }
}

/**
 * Runs one of the project's scripts as its command would (`tsx scripts/x.ts`), timing it and
 * sampling its memory; `onMessage` opens an IPC channel for a child that reports back.
 */
const runScript = async <M = never>(
  root: string,
  script: string,
  options: { nodeOptions?: string; env?: Record<string, string>; onMessage?: (message: M) => void } = {},
): Promise<{ seconds: number; peakRssBytes: number }> => {
  const sampler = sampleDescendants()
  const t0 = performance.now()
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      env: childEnv({ ...options.env, ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}) }),
      stdio: ['ignore', 'pipe', 'pipe', ...(options.onMessage ? (['ipc'] as const) : [])],
    })
    child.stdout!.on('data', (d) => output.push(String(d)))
    child.stderr!.on('data', (d) => output.push(String(d)))
    if (options.onMessage) child.on('message', (m) => options.onMessage!(m as M))
    child.on('error', reject)
    child.on('exit', resolve)
  })
  const seconds = (performance.now() - t0) / 1000
  const tree = sampler.stop()
  if (code !== 0) throw new Error(`${script} exited with ${code}:\n${output.join('').slice(-2000)}`)
  return { seconds, peakRssBytes: Math.max(0, ...tree.processes.map((p) => p.peakRssBytes)) }
}

/**
 * Writes the corpus from a child process (scripts/bench/generateChild.ts says why) that
 * exits before anything is timed, so its memory does not stay with the harness.
 */
const generateInChild = async (
  root: string,
  request: { plan: CorpusPlan; seed: string; concurrency: number; bulkArticles: boolean },
  onProgress: (done: number, total: number, collection: string) => void,
): Promise<LoadResult & { peakRssBytes: number }> => {
  let result: LoadResult | undefined
  const { peakRssBytes } = await runScript(root, 'scripts/bench/generateChild.ts', {
    env: { BENCH_GENERATE: JSON.stringify(request) },
    onMessage: (message: GenerateMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total, message.collection)
      else result = message.result
    },
  })
  if (!result) throw new Error('generating the corpus ended without a result')
  return { ...result, peakRssBytes }
}

/** Copies the largest .cpuprofile a profiled process wrote next to the report and summarizes it. */
const keepProfile = async (dir: string, target: string, root: string): Promise<ProfileSummary | undefined> => {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'))
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await fs.stat(path.join(dir, f))).size })))
  const largest = sized.sort((a, b) => b.size - a.size)[0]
  if (!largest) return undefined
  await fs.mkdir(path.dirname(target), { recursive: true })
  await fs.copyFile(path.join(dir, largest.f), target)
  return summarizeProfile(target, root)
}

/** What the steps after the export need from the snapshot, not the whole (large) snapshot. */
type ExportKept = {
  counts: { articles: number; services: number; workersHomes: number; laborModels: number; organizations: number }
  articleSlugs: string[]
  imageRefs: number
}

const keptOf = (s: ContentSnapshot, articles: ContentSnapshot['articles'] = s.articles): ExportKept => ({
  counts: {
    articles: articles.length,
    services: s.services.length,
    workersHomes: s.workersHomes.length,
    laborModels: s.laborModels.length,
    organizations: s.organizations.length,
  },
  articleSlugs: articles.map((a) => a.slug),
  imageRefs:
    articles.filter((a) => a.cover).length +
    s.workersHomes.reduce((n, h) => n + h.photos.length, 0) +
    s.laborModels.filter((m) => m.photo).length,
})

/** The same, read from the snapshot file an article at a time. */
const keptFromFile = (snapshotDir: string): ExportKept => {
  const articles: ContentSnapshot['articles'] = []
  const rest = readSnapshotStreamed(snapshotDir, (a) => articles.push({ ...a, bodyHtml: '', bodyText: '' }))
  return keptOf(rest, articles)
}
