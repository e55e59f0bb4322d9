import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CustomRecord } from 'pagefind'
import { afterAll, describe, expect, it } from 'vitest'

import type { SearchDocument } from '../site/search/documents'
import { indexFold, planShards, shardTiers, type ShardManifest } from '../site/search/pagefind'
import { documentRecord } from '../site/search/pagefindWrite'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shards-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const TEXT = '各级工会组织开展送温暖活动，为困难职工家庭送去慰问金和生活用品，职工书屋同时开放借阅。'

/** News pages of very different lengths on different days, a few services without a date. */
const documents = (): SearchDocument[] =>
  Array.from({ length: 60 }, (_, i): SearchDocument => {
    const dated = i % 10 !== 3
    const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`
    return {
      url: `/news/n-${i}/`,
      type: dated ? '新闻' : '服务',
      title: `第${i}号通知`,
      summary: '',
      body: `${TEXT}编号${i}。`.repeat(1 + ((i * 7) % 23)),
      ...(dated ? { date: day, sortDate: day } : {}),
      filters: {},
    }
  })

const words = (r: CustomRecord) => r.content.split(' ').length

const plan = async (name: string, options: { pagesPerShard?: number; wordsPerShard?: number; tierPages?: number }) => {
  const docs = documents()
  const outDir = path.join(tmp, name)
  const planned = await planShards(docs, outDir, path.join(tmp, `${name}.records`), options)
  const shards = planned.map((s) =>
    fs
      .readFileSync(s.records, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CustomRecord),
  )
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest
  return { planned, shards, manifest }
}

describe('the static search index, split into shards', () => {
  it('puts every page in one shard, and no shard over its words unless one page alone is', async () => {
    const byUrl = new Map(documents().map((d) => [d.url, d]))
    const limit = 400
    const { shards } = await plan('words', { wordsPerShard: limit })
    const urls = shards.flat().map((r) => r.url)
    expect(urls.sort()).toEqual([...byUrl.keys()].sort())
    expect(shards.length).toBeGreaterThan(3)
    for (const shard of shards) {
      const total = shard.reduce((n, r) => n + words(r), 0)
      if (shard.length > 1) expect(total).toBeLessThanOrEqual(limit)
    }
    // A shard closes only when the next page would not fit.
    for (let i = 0; i + 1 < shards.length; i++) {
      const total = shards[i]!.reduce((n, r) => n + words(r), 0)
      expect(total + words(shards[i + 1]![0]!)).toBeGreaterThan(limit)
    }
    // The records are the documents' own: what the delta index would hold for the same page.
    const fold = indexFold()
    for (const r of shards.flat()) expect(r).toEqual(documentRecord(byUrl.get(r.url)!, fold))
  })

  it('holds the newest pages first, undated last, as its manifest says', async () => {
    const { shards, manifest } = await plan('dates', { wordsPerShard: 400 })
    const dates = shards.map((s) => s.map((r) => r.sort?.date ?? ''))
    const flat = dates.flat()
    expect(flat).toEqual([...flat].sort().reverse())
    expect(manifest.shards.map((s) => s.pages)).toEqual(shards.map((s) => s.length))
    expect(manifest.shards.map((s) => s.path)).toEqual(shards.map((_, i) => (i ? `/pagefind/shard-${i}/` : '/pagefind/')))
    manifest.shards.forEach((s, i) => {
      const known = dates[i]!.filter(Boolean)
      expect(s.newest).toBe(known[0])
      expect(s.oldest).toBe(known.at(-1))
    })
  })

  it('holds at most the pages asked for, and an empty index still has its one shard', async () => {
    const { shards } = await plan('pages', { pagesPerShard: 7 })
    // 54 dated pages, then the 6 undated ones in a shard of their own.
    expect(shards.map((s) => s.length)).toEqual([...Array(7).fill(7), 5, 6])
    const empty = await planShards([], path.join(tmp, 'empty'), path.join(tmp, 'empty.records'))
    expect(empty.map((s) => [s.folder, s.pages])).toEqual([['pagefind', 0]])
  })

  it('puts the newest pages and every undated one in the first tier, older pages in tiers of bounded size', async () => {
    const { shards, manifest } = await plan('tiers', { pagesPerShard: 7, tierPages: 15 })
    const tiers = manifest.shards.map((s) => s.tier)
    // Dated shards of 7, 7, 7, …, 5 in pairs (14 pages ≤ 15), the undated shard with the newest.
    expect(tiers).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 0])
    expect(manifest.shards.at(-1)!.newest).toBeUndefined()
    expect(shards.at(-1)!.every((r) => !r.sort?.date)).toBe(true)
    // Every dated page of tier 0 is newer than every page of later tiers.
    const datesOf = (tier: number) => shards.filter((_, i) => tiers[i] === tier).flatMap((s) => s.map((r) => r.sort?.date ?? ''))
    const first = datesOf(0).filter(Boolean)
    expect(first.length).toBe(14)
    for (const tier of [1, 2, 3]) for (const d of datesOf(tier)) expect(d <= first.at(-1)!).toBe(true)
    // Without the option, a small site is one tier.
    expect((await plan('one-tier', { pagesPerShard: 7 })).manifest.shards.every((s) => s.tier === 0)).toBe(true)
  })

  it('gives a shard larger than a tier a tier of its own', () => {
    const d = '2024-01-01'
    expect(shardTiers([{ pages: 9, newest: d }, { pages: 3, newest: d }, { pages: 3, newest: d }, { pages: 20 }], 6)).toEqual([0, 1, 1, 0])
  })
})
