import { DatabaseSync } from 'node:sqlite'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bulkArticleWriter } from '../scripts/bench/bulkArticles'
import { benchOrganizations } from '../scripts/bench/corpus'
import { loadCorpus } from '../scripts/bench/load'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

const SEED = 'bulk-writer-test'
// Enough for drafts, covers, two categories, up to three tags and no summary to occur.
const ARTICLES = 40

/** Every row of the article tables, keyed by table, as SQLite holds them. */
const rowsOf = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const tables = ['articles', 'articles_rels', 'articles_texts', '_articles_v', '_articles_v_rels', '_articles_v_texts']
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY id`).all() as Record<string, unknown>[]]))
  } finally {
    db.close()
  }
}

describe("the benchmark's bulk article writer", () => {
  it('writes for each generated article the rows the Local API writes for it', async () => {
    const plan = { articles: ARTICLES, services: 0, workersHomes: 0, laborModels: 0, images: 2 }
    await loadCorpus(cms.payload, plan, { seed: SEED, concurrency: 1 })

    // The references the Local API run created, looked up as the bulk writer is handed them.
    const all = async (collection: 'regions' | 'categories' | 'organizations' | 'media') =>
      (await cms.payload.find({ collection, pagination: false, sort: 'id', depth: 0 })).docs as Record<string, any>[]
    const orgIdByName = new Map((await all('organizations')).map((o) => [o.name, o.id]))
    const write = await bulkArticleWriter(cms.payload, SEED, {
      regionIds: new Map((await all('regions')).map((r) => [r.code, r.id])),
      categoryIds: new Map((await all('categories')).map((c) => [c.slug, c.id])),
      orgIds: new Map(benchOrganizations(SEED).map((o) => [o.key, orgIdByName.get(o.name)])),
      imageIds: (await all('media')).map((m) => m.id),
    })
    // In two parts, as the benchmark writes them.
    const first = await write(0, ARTICLES / 2)
    const second = await write(ARTICLES / 2, ARTICLES)
    const bulkIds = [...first.ids, ...second.ids]
    expect(new Set(bulkIds).size).toBe(ARTICLES)

    const rows = rowsOf(cms.databaseUri.replace(/^file:/, ''))
    const articleRows = rows.articles!
    expect(articleRows).toHaveLength(2 * ARTICLES)
    const local = articleRows.slice(0, ARTICLES)
    const bulk = articleRows.slice(ARTICLES)
    expect(bulk.map((r) => r.id)).toEqual(bulkIds)
    expect(local.some((r) => r._status === 'draft')).toBe(true)
    expect(local.some((r) => r.cover_id !== null)).toBe(true)

    // The same article written twice takes the next numbered slug, as the hook gives it.
    const bulkIdOf = new Map(local.map((r, k) => [r.id, bulk[k]!.id]))
    const versionOf = (id: unknown) => rows._articles_v!.find((v) => v.parent_id === id)!
    const same = (row: Record<string, unknown>) => {
      const { id: _id, parent_id: _parent, created_at: _c, updated_at: _u, version_created_at: _vc, version_updated_at: _vu, ...rest } = row
      for (const key of ['slug', 'version_slug']) if (typeof rest[key] === 'string') rest[key] = String(rest[key]).replace(/-2$/, '')
      return rest
    }
    const children = (table: string, parent: unknown) => rows[table]!.filter((r) => r.parent_id === parent).map(same)
    for (const [k, row] of local.entries()) {
      const twin = bulk[k]!
      expect(twin.slug, `article ${k}`).toBe(`${String(row.slug)}-2`)
      expect(same(twin), `article ${k}`).toEqual(same(row))
      expect(same(versionOf(twin.id)), `version of article ${k}`).toEqual(same(versionOf(row.id)))
      expect(versionOf(twin.id).parent_id).toBe(bulkIdOf.get(row.id))
      for (const table of ['articles_rels', 'articles_texts'])
        expect(children(table, twin.id), `${table} of article ${k}`).toEqual(children(table, row.id))
      for (const table of ['_articles_v_rels', '_articles_v_texts'])
        expect(children(table, versionOf(twin.id).id), `${table} of article ${k}`).toEqual(children(table, versionOf(row.id).id))
    }
    expect(first.published + second.published).toBe(local.filter((r) => r._status === 'published').length)

    // And Payload reads a bulk-written article as it reads the Local API's.
    const read = async (id: unknown) => {
      const {
        id: _id,
        slug: _s,
        createdAt: _c,
        updatedAt: _u,
        ...rest
      } = (await cms.payload.findByID({
        collection: 'articles',
        id: id as number,
        depth: 1,
        draft: true,
      })) as unknown as Record<string, unknown>
      return rest
    }
    expect(await read(bulk[0]!.id)).toEqual(await read(local[0]!.id))
  })
})
