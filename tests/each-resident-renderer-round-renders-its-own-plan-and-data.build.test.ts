import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SnapshotUpdate } from '../content-models/changes'
import type { PartialPlan } from '../site/lib/partial'
import { startRenderer, type ResidentRenderer } from '../site/renderer'
import { snapshotFile, writeSnapshot } from '../site/snapshot'
import { articleWith, snapshotWith } from './helpers/snapshots'

/**
 * The resident renderer renders many rounds with the same loaded pages. Each round reads only
 * its own render context (site/lib/renderContext.ts): the pages its plan names, and the data of
 * its snapshot. A plan or a computed list left over from the round before would render pages
 * nobody asked for, or show what the site held before the update.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-rounds-'))
const snapshotDir = path.join(root, 'snapshot')
let renderer: ResidentRenderer

const first = articleWith({
  slug: 'first',
  title: '职工书屋周末开放',
  bodyHtml: '<p>职工书屋周末开放</p>',
  publishedAt: '2026-11-02T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
})
const second = articleWith({
  slug: 'second',
  title: '法律援助进园区',
  bodyHtml: '<p>法律援助进园区</p>',
  publishedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
})
const before = snapshotWith({ generatedAt: '2026-12-01T00:00:00.000Z', articles: [first, second] })

const plan = (urls: string[]): PartialPlan => ({ urls, prefixes: [], sitemapPages: [] })
const out = (name: string) => path.join(root, name)
const page = (dir: string, url: string) => fs.readFileSync(path.join(dir, url, 'index.html'), 'utf8')
/** The article pages a round wrote. */
const articlePages = (dir: string) =>
  before.articles.map((a) => a.slug).filter((slug) => fs.existsSync(path.join(dir, 'news', slug, 'index.html')))

beforeAll(async () => {
  fs.mkdirSync(snapshotDir, { recursive: true })
  await writeSnapshot(snapshotDir, structuredClone(before))
  renderer = startRenderer({ snapshotDir, dist: path.join(root, 'dist') })
  await renderer.ready
}, 240_000)
afterAll(async () => {
  await renderer?.close()
  fs.rmSync(root, { recursive: true, force: true })
})

describe('rounds of one resident renderer', () => {
  it('renders the pages each round names, and no page the round before named', async () => {
    await renderer.render(plan(['/news/first/']), out('one'))
    await renderer.render(plan(['/news/second/']), out('two'))
    await renderer.render(plan([]), out('three'))
    expect(articlePages(out('one'))).toEqual(['first'])
    expect(articlePages(out('two'))).toEqual(['second'])
    expect(articlePages(out('three'))).toEqual([])
  })

  it('shows the data of its own snapshot, not lists computed in the round before', async () => {
    const edited = { ...second, title: '法律援助进园区（更新）', publishedAt: '2026-11-03T00:00:00.000Z' }
    const after = { ...before, generatedAt: '2026-12-01T00:05:00.000Z', articles: [edited, first] }
    const update: SnapshotUpdate = {
      from: before.generatedAt,
      to: after.generatedAt,
      changes: [{ kind: 'articles', before: second, after: edited }],
    }
    // Written as the publishing process writes it, beside the update the renderer replays.
    fs.writeFileSync(snapshotFile(snapshotDir), JSON.stringify(after))
    await renderer.render(plan(['/news/second/']), out('four'), update)
    expect(page(out('four'), 'news/second')).toContain(edited.title)
    // The home page lists the newest news: the sorted list of this round, not the last one's.
    const home = page(out('four'), '')
    expect(home).toContain(edited.title)
    expect(home.indexOf(edited.title)).toBeLessThan(home.indexOf(first.title))
  })
})
