import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CustomRecord } from 'pagefind'
import { afterAll, describe, expect, it } from 'vitest'

import { runNode } from '../site/lib/runNode'
import { recordUrl } from '../site/routes'
import type { HandedShards } from '../site/search/pagefind'
import { writeSnapshot } from '../site/snapshot'
import { snapshotWith, wordArticle } from './helpers/snapshots'

/**
 * A full build's search process (site/search/indexChild.ts `all`) hands the static index's
 * shards over first, complete, and only then writes the server index: the build starts
 * Pagefind on the shards meanwhile (site/search/build.ts), instead of after both.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hand-over-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('the search index process of a full build', () => {
  it('hands over every shard, its records complete, before its server index, which follows on the last line', async () => {
    const articles = Array.from({ length: 40 }, (_, i) => wordArticle(i, `a-${i}`))
    const snapshotDir = path.join(tmp, 'snapshot')
    fs.mkdirSync(snapshotDir)
    await writeSnapshot(snapshotDir, snapshotWith({ articles }))
    const file = path.join(tmp, 'build.search.sqlite')
    const lines: { line: string; records?: CustomRecord[][] }[] = []
    const script = path.resolve('site', 'search', 'indexChild.ts')
    const args = ['all', snapshotDir, file, path.join(tmp, 'static'), path.join(tmp, 'records'), '15', '0']
    const { code, output } = await runNode(['--import', 'tsx', script, ...args], {
      onLine: (line) => {
        const seen: (typeof lines)[number] = { line }
        // The records as they are when the line arrives: what the build's Pagefind runs would read.
        if (line.startsWith('{"shards":'))
          seen.records = (JSON.parse(line) as HandedShards).shards.map((s) =>
            fs
              .readFileSync(s.records, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as CustomRecord),
          )
        lines.push(seen)
      },
    })
    expect(code, output).toBe(0)
    expect(lines).toHaveLength(2)
    const [handed, last] = lines as [(typeof lines)[number], (typeof lines)[number]]
    const shards = (JSON.parse(handed.line) as HandedShards).shards
    expect(shards.length).toBeGreaterThanOrEqual(3)
    expect(shards.map((s) => s.pages)).toEqual(handed.records!.map((r) => r.length))
    const urls = handed.records!.flat().map((r) => r.url)
    expect(urls).toEqual(expect.arrayContaining(articles.map((a) => recordUrl('articles', a.slug))))
    // The server index holds the same pages, and was written after the shards' records.
    expect(JSON.parse(last.line)).toMatchObject({ server: { documents: urls.length } })
    const recordsWritten = Math.max(...shards.map((s) => fs.statSync(s.records).mtimeMs))
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(recordsWritten)
  })
})
