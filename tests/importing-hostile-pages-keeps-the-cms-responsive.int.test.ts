import fs from 'node:fs'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportSummary } from '../cms/importer/importArchive'
import { binaryFile, hostileLines, hugePage, nestedDivs } from './helpers/hostile'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let importArchive: typeof import('../cms/importer/importArchive').importArchive

beforeAll(async () => {
  cms = await startTestCms()
  ;({ importArchive } = await import('../cms/importer/importArchive'))
})
afterAll(() => cms?.close())

describe('importing an archive of hostile pages', () => {
  it('keeps the event loop free (no block of a second) and reports every page, parsed or failed', { timeout: 180_000 }, async () => {
    const dir = path.join(cms.dir, 'hostile')
    fs.mkdirSync(dir, { recursive: true })
    const pages = [...hostileLines(3000), ...hostileLines(10_000), nestedDivs(100_000), hugePage(6 * 1024 * 1024), binaryFile()]
    const files = pages.map((p) => {
      const file = path.join(dir, p.name)
      fs.writeFileSync(file, p.bytes)
      return file
    })
    // A clean page at the end: the batch goes on past every hostile one.
    const clean = path.join(dir, 'zz-clean.txt')
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'legacy', 'forum-post.txt'), clean)
    files.push(clean)

    // A first import warms what every server has warm after its first one (Payload's first
    // write, the conversion dictionaries), so what is measured is the hostile batch itself.
    const warm = path.join(dir, 'warm.txt')
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'legacy', 'annual-report.txt'), warm)
    await importArchive(cms.payload, [warm], { batch: 'warm-up' })

    // Both a histogram of the loop's delay and a probe that sees each late tick.
    const histogram = monitorEventLoopDelay({ resolution: 10 })
    let longest = 0
    let last = performance.now()
    const probe = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last - 10)
      last = now
    }, 10)
    histogram.enable()
    let summary: ImportSummary
    try {
      summary = await importArchive(cms.payload, files, { batch: 'hostile' })
    } finally {
      histogram.disable()
      clearInterval(probe)
    }

    expect(summary.outcomes).toHaveLength(files.length)
    const byName = new Map(summary.outcomes.map((o) => [path.basename(o.file), o]))
    // They share a title and date, so all but the first are reported as its duplicates: parsed all the same.
    for (const p of hostileLines(3000)) expect(['imported', 'duplicate'], p.name).toContain(byName.get(p.name)?.status)
    expect(byName.get('nested-100000.html')).toMatchObject({ status: 'failed', reason: expect.stringContaining('嵌套过深') })
    expect(byName.get(`huge-${6 * 1024 * 1024}.html`)).toMatchObject({ status: 'failed', reason: expect.stringContaining('文件太大') })
    expect(byName.get('binary.html')).toMatchObject({ status: 'failed' })
    expect(byName.get('zz-clean.txt')).toMatchObject({ status: 'imported' })
    expect(summary.outcomes.filter((o) => o.status === 'failed' && /解析超时/.test(o.reason))).toEqual([])

    console.log(
      `longest event-loop block during the import: probe ${longest.toFixed(0)} ms, histogram ${(histogram.max / 1e6).toFixed(0)} ms`,
    )
    // Parsed on the loop, each of these pages held it for 5 s to minutes. The 100 ms target is
    // the benchmark's to judge (archiveImport.longestEventLoopBlockMs); a test on a machine shared
    // with other tests saw 185 ms from SQLite's synchronous writes and the collector, so here the
    // bound only separates "never blocked by a page" from "blocked by one".
    expect(longest).toBeLessThan(1000)
    expect(histogram.max / 1e6).toBeLessThan(1000)
  })
})
