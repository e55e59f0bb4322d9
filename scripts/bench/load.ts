import type { CollectionSlug, Payload } from 'payload'

import { categories } from '../../cms/seed/data/categories'
import { drawSampleImage } from '../../cms/seed/images'
import { blocksToLexical } from '../../cms/seed/richText'
import { bulkArticleWriter } from './bulkArticles'
import { weekdaySet } from '../../content-models/fields/hours'
import type { SampleHours } from '../../cms/seed/types'
import {
  benchArticle,
  benchImages,
  benchLaborModel,
  benchOrganizations,
  benchRegions,
  benchService,
  benchWorkersHome,
  type CorpusPlan,
} from './corpus'

type Id = number | string

/** Articles per bulk transaction: big enough that the statements dominate, small enough to hold a part's rows in memory. */
export const BULK_PART = 2000

export interface LoadResult {
  /** Documents written, by collection. */
  counts: Record<string, number>
  total: number
  seconds: number
  /** Seconds per collection, for the rate of each. */
  secondsBy: Record<string, number>
  /** Published articles (drafts are written too, but stay out of the site). */
  publishedArticles: number
  /** Creates saved again because a concurrent write of the same name took the slug first. */
  slugRetries: number
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; stops on the first error. */
export const pool = async (count: number, concurrency: number, task: (i: number) => Promise<void>) => {
  let next = 0
  let failed: unknown
  const worker = async () => {
    while (next < count && failed === undefined) {
      const i = next++
      try {
        await task(i)
      } catch (error) {
        failed ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  if (failed !== undefined) throw failed
}

const hours = (list: SampleHours[]) => list.map((h) => ({ allDay: false, ...h, days: weekdaySet(h.days) }))

/**
 * Writes the synthetic corpus through the Local API, exactly as staff content is stored
 * (validation, slug hooks, drafts and versions tables), with `context: { seeding: true }`
 * so no rebuild is requested per document.
 */
export const loadCorpus = async (
  payload: Payload,
  plan: CorpusPlan,
  options: {
    seed: string
    concurrency: number
    /** Write the articles in parts straight through the database adapter (scripts/bench/bulkArticles.ts) instead of the Local API. */
    bulkArticles?: boolean
    onProgress?: (done: number, total: number, collection: string) => void
  },
): Promise<LoadResult> => {
  const context = { seeding: true }
  const { seed, concurrency } = options
  const regions = benchRegions()
  const organizations = benchOrganizations(seed)
  const images = benchImages(plan.images)
  const total =
    regions.length +
    categories.length +
    organizations.length +
    images.length +
    plan.articles +
    plan.services +
    plan.workersHomes +
    plan.laborModels
  const counts: Record<string, number> = {}
  const secondsBy: Record<string, number> = {}
  let done = 0
  const wrote = (collection: string) => {
    counts[collection] = (counts[collection] ?? 0) + 1
    options.onProgress?.(++done, total, collection)
  }
  let slugRetries = 0
  const create = async (collection: CollectionSlug, data: Record<string, unknown>, draft?: boolean): Promise<Id> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const doc = await payload.create({
          collection,
          data: { ...data, ...(draft === undefined ? {} : { _status: draft ? 'draft' : 'published' }) } as never,
          draft: draft === true,
          context,
        })
        wrote(collection)
        return doc.id as Id
      } catch (error) {
        // Two writes of the same name in flight can both find the same slug free (the slug hook
        // counts, then inserts); the unique index refuses the second. Saving again picks the
        // next suffix, as an editor pressing save again would.
        const fields = (error as { data?: { errors?: { path?: string }[] } }).data?.errors ?? []
        const slugTaken = error instanceof Error && error.name === 'ValidationError' && fields.some((f) => f.path === 'slug')
        if (!slugTaken || attempt >= 5) throw error
        slugRetries++
      }
    }
  }
  const timed = async (collection: string, run: () => Promise<void>) => {
    const t0 = performance.now()
    await run()
    secondsBy[collection] = (secondsBy[collection] ?? 0) + (performance.now() - t0) / 1000
  }
  const started = performance.now()

  // Reference data first, in order: parents before children.
  const regionIds = new Map<string, Id>()
  await timed('regions', async () => {
    for (const r of regions)
      regionIds.set(
        r.code,
        await create('regions', {
          name: r.name,
          code: r.code,
          level: r.level,
          parent: r.parentCode ? regionIds.get(r.parentCode) : undefined,
        }),
      )
  })
  const categoryIds = new Map<string, Id>()
  await timed('categories', async () => {
    for (const c of categories) categoryIds.set(c.slug, await create('categories', { ...c }))
  })
  const orgIds = new Map<string, Id>()
  await timed('organizations', async () => {
    for (const o of organizations) {
      orgIds.set(
        o.key,
        await create('organizations', {
          name: o.name,
          kind: o.kind,
          parent: o.parentKey ? orgIds.get(o.parentKey) : undefined,
          region: regionIds.get(o.regionCode),
          address: o.address,
          phones: [{ number: o.phone, label: '办公室', hours: '工作日 8:30-17:00', kind: 'voice', hotline: false }],
          memberCount: o.memberCount,
        }),
      )
    }
  })
  const imageIds: Id[] = []
  await timed('media', async () => {
    for (const image of images) {
      const data = await drawSampleImage(image)
      const doc = await payload.create({
        collection: 'media',
        data: { alt: image.alt, caption: image.caption, credit: image.credit },
        file: { data, mimetype: 'image/jpeg', name: `${image.key}.jpg`, size: data.length },
        context,
      })
      imageIds.push(doc.id as Id)
      wrote('media')
    }
  })
  const image = (index: number | undefined) => (index === undefined ? undefined : imageIds[index])

  const articleIds: Id[] = new Array(plan.articles)
  let publishedArticles = 0
  if (options.bulkArticles) {
    const write = await bulkArticleWriter(payload, seed, { regionIds, orgIds, categoryIds, imageIds })
    await timed('articles', async () => {
      for (let from = 0; from < plan.articles; from += BULK_PART) {
        const to = Math.min(plan.articles, from + BULK_PART)
        const part = await write(from, to)
        part.ids.forEach((id, k) => (articleIds[from + k] = id))
        publishedArticles += part.published
        for (let k = from; k < to; k++) wrote('articles')
      }
    })
  } else {
    await timed('articles', () =>
      pool(plan.articles, concurrency, async (i) => {
        const a = benchArticle(seed, i, images.length)
        if (!a.draft) publishedArticles++
        articleIds[i] = await create(
          'articles',
          {
            title: a.title,
            summary: a.summary,
            body: blocksToLexical(a.body),
            cover: image(a.cover),
            publishedAt: a.publishedAt,
            source: a.source,
            author: a.author,
            responsibleEditor: a.responsibleEditor,
            region: a.regionCode ? regionIds.get(a.regionCode) : undefined,
            organization: a.organizationKey ? orgIds.get(a.organizationKey) : undefined,
            categories: a.categorySlugs.map((s) => categoryIds.get(s)),
            tags: a.tags,
            featured: a.featured,
          },
          a.draft,
        )
      }),
    )
  }

  await timed('services', () =>
    pool(plan.services, concurrency, async (i) => {
      const s = benchService(seed, i)
      await create(
        'services',
        {
          name: s.name,
          category: s.category,
          status: s.status,
          alert: s.alert,
          provider: orgIds.get(s.providerKey),
          audiences: s.audiences,
          summary: s.summary,
          eligibility: s.eligibility,
          howToApply: s.howToApply.map((step) => ({ step })),
          documents: s.documents.map((name) => ({ name })),
          cost: s.cost,
          phones: s.phones,
          locations: s.locations.map((l) => ({
            name: l.name,
            address: l.address,
            district: regionIds.get(l.districtCode),
            coordinates: l.coordinates,
            openingHours: hours(l.openingHours),
            amenities: l.amenities,
          })),
          serviceArea: s.serviceAreaCodes.map((c) => regionIds.get(c)),
          lastVerified: new Date(`${s.lastVerified}T00:00:00+08:00`).toISOString(),
        },
        s.draft,
      )
    }),
  )

  await timed('workers-homes', () =>
    pool(plan.workersHomes, concurrency, async (i) => {
      const h = benchWorkersHome(seed, i, images.length)
      await create(
        'workers-homes',
        {
          name: h.name,
          organization: orgIds.get(h.organizationKey),
          awardLevel: h.awardLevel,
          yearAwarded: h.yearAwarded,
          awardingBody: h.awardingBody,
          region: regionIds.get(h.regionCode),
          address: h.address,
          coordinates: h.coordinates,
          facilities: h.facilities,
          memberCount: h.memberCount,
          enterpriseCount: h.enterpriseCount,
          description: blocksToLexical(h.description),
          photos: h.photo === undefined ? [] : [image(h.photo)],
          phone: h.phone,
          openingHours: hours(h.openingHours),
        },
        h.draft,
      )
    }),
  )

  await timed('labor-models', () =>
    pool(plan.laborModels, concurrency, async (i) => {
      const m = benchLaborModel(seed, i, images.length, articleIds.length)
      await create(
        'labor-models',
        {
          kind: m.kind,
          name: m.name,
          photo: image(m.photo),
          employer: m.employer,
          jobTitle: m.jobTitle,
          industry: m.industry,
          region: regionIds.get(m.regionCode),
          honors: m.honors,
          studio: m.studio,
          biography: blocksToLexical(m.biography),
          relatedArticles: [...new Set(m.relatedArticles.map((k) => articleIds[k]))],
        },
        m.draft,
      )
    }),
  )

  return { counts, total: done, seconds: (performance.now() - started) / 1000, secondsBy, publishedArticles, slugRetries }
}
