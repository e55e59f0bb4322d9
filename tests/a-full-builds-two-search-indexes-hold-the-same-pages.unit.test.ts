import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { afterAll, describe, expect, it } from 'vitest'

import { recordUrl } from '../site/routes'
import { buildSearchIndexes } from '../site/search/build'
import { writeSnapshot } from '../site/snapshot'
import { snapshotWith, wordArticle } from './helpers/snapshots'

/**
 * A full build's search indexes come from two processes (site/search/build.ts): one plans the
 * static index's shards and exits, then Pagefind indexes them while another writes the server
 * index from the same snapshot. Both must hold every page.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'two-indexes-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe("a full build's search indexes", () => {
  it('hold the same pages, every article in both, in several static shards', async () => {
    const articles = Array.from({ length: 40 }, (_, i) => wordArticle(i, `a-${i}`))
    const snapshotDir = path.join(tmp, 'snapshot')
    fs.mkdirSync(snapshotDir)
    await writeSnapshot(snapshotDir, snapshotWith({ articles }))
    fs.mkdirSync(path.join(tmp, 'builds'))
    const buildDir = path.join(tmp, 'builds', 'b1')
    const staticDir = path.join(tmp, 'static')
    fs.mkdirSync(staticDir, { recursive: true })

    const built = await buildSearchIndexes({ snapshotDir, buildDir, staticDir, pagesPerShard: 15 })

    expect(built.pagefind!.shards).toBeGreaterThanOrEqual(3)
    const db = new DatabaseSync(built.server.file, { readOnly: true })
    const urls = (db.prepare('SELECT url FROM docs').all() as { url: string }[]).map((r) => r.url)
    db.close()
    expect(urls).toEqual(expect.arrayContaining(articles.map((a) => recordUrl('articles', a.slug))))
    expect(built.pagefind!.pages).toBe(urls.length)
    // The planner's records are gone once Pagefind has read them; the shards' indexes are there.
    expect(fs.existsSync(`${staticDir}.records`)).toBe(false)
    expect(fs.readdirSync(staticDir).length).toBeGreaterThan(0)
  })
})
