import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BenchEvent } from '../scripts/bench/index'
import type { BenchReport } from '../scripts/bench/report'

/**
 * The benchmark harness end to end on a small corpus: generation through the Local API, the
 * production export and build, Pagefind, Chromium's first search, a publish through the
 * rebuilder and an archive import. It checks that the report holds every figure with a sane
 * value; it never asserts a time, because timings belong to the machine, not the code.
 */
let report: BenchReport
let file: string
let outDir: string
const events: BenchEvent[] = []

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-report-'))
  const { runBenchmark } = await import('../scripts/bench/index')
  ;({ report, file } = await runBenchmark({ articles: 120, runs: 2, outDir, importPages: 30, onEvent: (e) => events.push(e) }))
}, 600_000)
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

const f0 = () => report.figures
const positive = (value: unknown) => {
  expect(typeof value).toBe('number')
  expect(Number.isFinite(value)).toBe(true)
  expect(value as number).toBeGreaterThan(0)
}

describe('npm run bench', () => {
  it('writes the JSON report it returns, named by its start time', () => {
    expect(path.dirname(file)).toBe(outDir)
    expect(path.basename(file)).toMatch(/^bench-\d{8}T\d{6}Z\.json$/)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  it('records the machine, the versions and the parameters', () => {
    positive(report.machine.cpus)
    positive(report.machine.memoryGiB)
    expect(report.machine.node).toMatch(/^v\d+/)
    for (const pkg of ['payload', 'astro', 'pagefind', 'next'] as const) expect(report.versions[pkg]).toMatch(/^\d+\.\d+\.\d+/)
    expect(report.params).toMatchObject({ articles: 120, runs: 2, importPages: 30 })
    // Other content in proportion, at least a few of each.
    expect(report.params.services).toBeGreaterThanOrEqual(5)
    expect(report.params.workersHomes).toBeGreaterThanOrEqual(3)
    expect(report.params.laborModels).toBeGreaterThanOrEqual(5)
  })

  it('holds every figure with a sane value', () => {
    const f = report.figures
    expect(f.generation.articles).toBe(120)
    expect(f.generation.publishedArticles).toBeLessThanOrEqual(120)
    for (const v of [
      f.generation.documents,
      f.generation.seconds,
      f.generation.documentsPerSecond,
      f.generation.articlesPerSecond,
      f.generation.databaseBytes,
      f.generation.writerPeakRssBytes,
    ])
      positive(v)
    expect(f.generation.byCollection.articles?.documents).toBe(120)

    for (const v of [
      f.contentLoad.seconds,
      f.contentLoad.snapshotBytes,
      f.contentLoad.articles,
      f.contentLoad.services,
      f.contentLoad.workersHomes,
      f.contentLoad.laborModels,
    ])
      positive(v)
    expect(f.contentLoad.articles).toBe(f.generation.publishedArticles)
    expect(f.contentLoad.runs.length).toBeGreaterThanOrEqual(1)

    for (const v of [f.astroBuild.seconds, f.astroBuild.pages, f.pagefind.seconds, f.pagefind.pages, f.fullBuild.seconds]) positive(v)
    // Plain Astro is timed on as many pages, and the ratio is the two rates.
    expect(f.astroBuild.bare.pages).toBe(f.astroBuild.pages)
    positive(f.astroBuild.bare.seconds)
    expect(f.astroBuild.ratioToBare).toBeCloseTo(f.astroBuild.pagesPerSecond / f.astroBuild.bare.pagesPerSecond, 6)
    // Astro and the search indexes run side by side: the build takes at least as long as either.
    expect(f.fullBuild.buildSeconds).toBeGreaterThanOrEqual(Math.max(f.astroBuild.seconds, f.pagefind.seconds))
    expect(f.fullBuild.seconds).toBeGreaterThanOrEqual(f.contentLoad.seconds + f.fullBuild.buildSeconds)
    expect(f.pagefind.pages).toBeGreaterThan(f.contentLoad.articles)

    for (const v of [
      f.memory.buildPeakRssBytes,
      f.memory.astroPeakRssBytes,
      f.memory.pagefindPeakRssBytes,
      f.memory.publishTreePeakRssBytes,
      f.memory.buildTreePeakRssBytes,
      f.memory.harnessPeakRssBytes,
    ])
      positive(v)
    expect(f.memory.buildPeakRssBytes).toBeGreaterThanOrEqual(f.memory.buildTreePeakRssBytes)
    // The tree is sampled every 200 ms; astro's peak is its own high-water mark, so allow a sample's drift.
    expect(f.memory.buildTreePeakRssBytes).toBeGreaterThanOrEqual(f.memory.astroPeakRssBytes * 0.9)

    for (const v of [f.output.bytes, f.output.files, f.output.htmlFiles, f.output.pagefindBytes, f.output.estimatedDistinctMediaBytes])
      positive(v)

    expect(f.articlePage.sampled).toBeGreaterThan(10)
    for (const v of [f.articlePage.medianGzipBytes, f.articlePage.medianHtmlGzipBytes, f.articlePage.medianCssGzipBytes]) positive(v)
    // Article pages load no external script: only the inline larger-text toggle.
    expect(f.articlePage.medianExternalJsBytes).toBe(0)

    expect(f.firstSearch.query).toBeTruthy()
    expect(f.firstSearch.results).toBeGreaterThan(0)
    for (const v of [
      f.firstSearch.transferBytes,
      f.firstSearch.pagefindTransferBytes,
      f.firstSearch.transferBytesGzip,
      f.firstSearch.timeToResultsMs,
    ])
      positive(v)
    expect(f.firstSearch.pagefindTransferBytes).toBeLessThan(f.firstSearch.transferBytes)
    expect(f.firstSearch.transferBytesRuns).toHaveLength(2)
    // The browser's count and the server's agree: nothing (such as Pagefind's worker) is missed.
    expect(Math.abs(f.firstSearch.transferBytes - f.firstSearch.serverBytes)).toBeLessThan(f.firstSearch.transferBytes * 0.02)

    const ss = f.serverSearch
    for (const v of [
      ss.index.seconds,
      ss.index.peakRssBytes,
      ss.index.bytes,
      ss.latency.p50Ms,
      ss.latency.p95Ms,
      ss.firstSearch.pageBytes,
      ss.firstSearch.jsonBytes,
      ss.firstSearch.timeToResultsMs,
    ])
      positive(v)
    // Every searchable page is a document: news, services, homes, models, organizations and the hotlines page.
    expect(ss.index.documents).toBe(
      f.contentLoad.articles +
        f.contentLoad.services +
        f.contentLoad.workersHomes +
        f.contentLoad.laborModels +
        f.contentLoad.organizations +
        1,
    )
    // Under attack: ordinary searches all answered, with the limit on and off; the flood mostly refused.
    expect(ss.underAttack?.runs.map((r) => r.rateLimit)).toEqual([true, false])
    for (const run of ss.underAttack?.runs ?? []) {
      expect(run.normal.errors).toBe(0)
      positive(run.normal.requests)
    }
    // Each flooding address is past its burst of 40 within the first second.
    positive(ss.underAttack?.runs[0]?.attack.limited)
    positive(ss.underAttack?.throughput.staticRps)
    positive(ss.underAttack?.throughput.searchRps)
    expect(ss.latency).toMatchObject({ queries: 50, clients: 8, errors: 0 })
    expect(ss.latency.requests).toBe(50 * 8 * 2)
    expect(ss.latency.p95Ms).toBeGreaterThanOrEqual(ss.latency.p50Ms)
    expect(ss.firstSearch.totalBytes).toBe(ss.firstSearch.pageBytes + ss.firstSearch.jsonBytes)
    expect(ss.firstSearch.results).toBeGreaterThan(0)
    // Server-rendered: no Pagefind file is fetched.
    expect(ss.firstSearch.requests).toBeLessThan(f.firstSearch.requests)
    expect(ss.recall.queries).toBeGreaterThanOrEqual(25)
    expect(ss.recall.min).toBe(1)

    positive(f.publishToLive.fullSeconds)
    positive(f.publishToLive.pages)

    expect(f.archiveImport.pages).toBe(30)
    expect(f.archiveImport.imported).toBe(30)
    expect(f.archiveImport.failed).toBe(0)
    positive(f.archiveImport.gbkPages)
    for (const v of [f.archiveImport.seconds, f.archiveImport.pagesPerSecond, f.archiveImport.parseOnlyPagesPerSecond]) positive(v)
    expect(f.archiveImport.longestEventLoopBlockMs).toBeGreaterThanOrEqual(0)
    // The CPU part of a block cannot exceed the block it was measured in, plus one tick of the sampler.
    positive(f.archiveImport.longestEventLoopCpuMs)
    expect(f.archiveImport.longestEventLoopCpuMs).toBeLessThanOrEqual(f.archiveImport.longestEventLoopBlockMs + 10)
    // On Linux the wait for a core is read from schedstat (a maximum of its own, not bounded by the histogram's).
    if (process.platform === 'linux') expect(f.archiveImport.longestEventLoopWaitMs).toBeGreaterThanOrEqual(0)
    expect(f.wordingCheck).toMatchObject({ rules: 1000 })
    expect(f.wordingCheck.chars).toBeGreaterThanOrEqual(20_000)
    for (const v of [f.wordingCheck.medianMs, f.wordingCheck.buildMs, f.wordingCheck.findings]) positive(v)
    positive(f.wallClockSeconds)
  })

  it('measures publishing through the incremental path, once per run, rendering only part of the site', () => {
    const p = report.figures.publishToLive
    expect(p.incrementalRuns).toHaveLength(2)
    positive(p.incrementalSeconds)
    positive(p.incrementalRendered)
    expect(p.incrementalRendered!).toBeLessThan(f0().astroBuild.pages)
    for (const step of ['plan', 'astro', 'merge', 'search']) expect(typeof p.incrementalPhases[step]).toBe('number')
    // Timed once the server's resident renderer is up, which renders every run.
    positive(p.rendererStartSeconds)
    positive(f0().memory.rendererPeakRssBytes)
    expect(p.incrementalRenderedBy).toEqual(['resident', 'resident'])
    // As staff see it: five publishes over HTTP, each timed until the site server serves the page.
    expect(p.staffRuns).toHaveLength(5)
    positive(p.staffSeconds)
    // A new service for every worker, the same way: its own page and the lists it joins.
    positive(p.newServiceSeconds)
    expect(p.newServiceRendered).toBeGreaterThan(1)
    // After the runs, every article the bench published incrementally is in the search delta.
    expect(p.incrementalSearchDelta).toBeGreaterThanOrEqual(2)
  })

  it('runs Lighthouse on one page of every type, as our server sends it', () => {
    const pages = report.figures.lighthouse!
    expect(pages.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['front', 'article', 'services', 'servicesFilter', 'service', 'search']),
    )
    for (const p of pages) {
      for (const score of [p.performance, p.accessibility, p.bestPractices, p.seo]) expect(score, p.kind).toBeGreaterThan(0)
      for (const v of [p.lcpMs, p.documentBytes, p.totalBytes]) positive(v)
      expect(p.cls, p.kind).toBeGreaterThanOrEqual(0)
      expect(p.tbtMs, p.kind).toBeGreaterThanOrEqual(0)
      expect(p.documentBytes, p.kind).toBeLessThan(p.totalBytes)
    }
  })

  it('judges every target and says by how much a missed one is missed', () => {
    const ids = report.targets.results.map((t) => t.id)
    expect(ids).toEqual([
      'full-build-time',
      'full-build-rss',
      'server-search-recall',
      'server-search-p95',
      'server-search-index-time',
      'search-under-attack-p95',
      'publish-to-live',
      'publish-to-live-as-staff-see-it',
      'pages-per-publish',
      'server-search-index-rss',
      'wording-check',
      'server-first-search',
      'first-query',
      'article-page',
      'article-js',
      'import-rate',
      'import-block',
      'lighthouse-performance',
      'lighthouse-cls',
      'services-first-view',
    ])
    for (const t of report.targets.results) {
      expect(typeof t.pass).toBe('boolean')
      if (t.pass === false) positive(t.missedBy?.share)
      else expect(t.missedBy).toBeNull()
    }
    expect(report.targets.allPass).toBe(report.targets.results.every((t) => t.pass))
  })

  it('reports progress for every phase and removes its workspace', () => {
    const ended = events.filter((e) => e.type === 'phase-end').map((e) => e.type === 'phase-end' && e.phase)
    expect(ended).toEqual([
      'open',
      'generate',
      'export',
      'astro',
      'serverIndex',
      'bareAstro',
      'measure',
      'search',
      'serverSearch',
      'lighthouse',
      'publish',
      'import',
      'report',
    ])
    expect(events.some((e) => e.type === 'progress' && e.phase === 'generate' && e.done === e.total)).toBe(true)
    expect(fs.existsSync(report.workspace.dir)).toBe(false)
  })
})
