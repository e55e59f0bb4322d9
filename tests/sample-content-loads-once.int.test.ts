import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serviceCategories } from '../content-models/options'
import { seedSampleContent } from '../cms/seed'
import { articles } from '../cms/seed/data/articles'
import { categories } from '../cms/seed/data/categories'
import { laborModels } from '../cms/seed/data/laborModels'
import { organizations } from '../cms/seed/data/organizations'
import { regions } from '../cms/seed/data/regions'
import { services as sampleServices } from '../cms/seed/data/services'
import { workersHomes } from '../cms/seed/data/workersHomes'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('the sample content', () => {
  it('loads every content type, publishes all but the drafts, and a second run changes nothing', async () => {
    const first = await seedSampleContent(cms.payload)

    const count = async (collection: 'articles' | 'workers-homes' | 'labor-models' | 'services', published: boolean) =>
      (await cms.payload.count({ collection, where: published ? { _status: { equals: 'published' } } : {} })).totalDocs
    const drafts = articles.filter((a) => a.draft).length
    expect(drafts).toBeGreaterThan(0)
    // Every sample record of each drafted type is there, and exactly those not marked draft are live.
    const sample = { articles, 'workers-homes': workersHomes, 'labor-models': laborModels, services: sampleServices } as const
    for (const [collection, records] of Object.entries(sample) as [keyof typeof sample, readonly { draft?: boolean }[]][]) {
      expect(await count(collection, false), collection).toBe(records.length)
      expect(await count(collection, true), collection).toBe(records.filter((r) => !r.draft).length)
    }
    const reference = { regions, categories, organizations }
    for (const [collection, records] of Object.entries(reference))
      expect((await cms.payload.count({ collection: collection as keyof typeof reference })).totalDocs, collection).toBe(records.length)
    // What the seed reports having created is what the database now holds (on an empty database).
    const held = await Promise.all(
      [...Object.keys(sample), ...Object.keys(reference), 'media'].map(
        async (collection) => (await cms.payload.count({ collection: collection as 'media' })).totalDocs,
      ),
    )
    expect(first.created).toBe(held.reduce((a, b) => a + b, 0))

    // Anonymous REST sees the published articles and none of the drafts.
    const res = await cms.rest('GET', '/articles?limit=200&depth=0')
    expect(res.body.totalDocs).toBe(articles.length - drafts)
    const titles = res.body.docs.map((d: { title: string }) => d.title)
    for (const draft of articles.filter((a) => a.draft)) expect(titles).not.toContain(draft.title)

    // Every service category has at least one published service; 12351 is a hotline.
    const services = await cms.payload.find({ collection: 'services', where: { _status: { equals: 'published' } }, limit: 200 })
    for (const { value } of serviceCategories) expect(services.docs.some((s) => s.category === value)).toBe(true)
    expect(services.docs.some((s) => s.phones?.[0]?.number === '12351' && s.phones[0].hotline)).toBe(true)

    // News spans five years.
    const years = new Set(res.body.docs.map((d: { publishedAt: string }) => d.publishedAt.slice(0, 4)))
    expect(years.size).toBeGreaterThanOrEqual(5)

    const media = await cms.payload.find({ collection: 'media', limit: 1 })
    expect(media.docs[0]?.sizes?.card?.mimeType).toBe('image/webp')

    const mediaAfterFirst = (await cms.payload.count({ collection: 'media' })).totalDocs
    expect(mediaAfterFirst).toBeGreaterThan(20)
    const second = await seedSampleContent(cms.payload)
    expect(second.created).toBe(0)
    expect(await count('articles', false)).toBe(articles.length)
    expect((await cms.payload.count({ collection: 'media' })).totalDocs).toBe(mediaAfterFirst)
  })
})
