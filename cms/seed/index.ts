import type { CollectionSlug, Payload } from 'payload'

import { articles } from './data/articles'
import { categories } from './data/categories'
import { laborModels } from './data/laborModels'
import { organizations } from './data/organizations'
import { regions } from './data/regions'
import { services } from './data/services'
import { workersHomes } from './data/workersHomes'
import { weekdaySet } from '../../content-models/fields/hours'
import { seedWordingRules } from '../wording/seed'
import { drawSampleImage } from './images'
import { blocksToLexical } from './richText'
import type { SampleHours, SampleImage, SampleLocation, SamplePhone } from './types'

type Log = (message: string) => void
type Id = number | string

export interface SeedResult {
  created: number
  skipped: number
}

/**
 * Loads the sample content. Every document has a natural key (code, slug, filename), and one
 * that exists already is left alone, so running the seed again changes nothing.
 */
export const seedSampleContent = async (payload: Payload, log: Log = () => {}): Promise<SeedResult> => {
  const result: SeedResult = { created: 0, skipped: 0 }
  const context = { seeding: true }

  const findId = async (collection: CollectionSlug, field: string, value: string): Promise<Id | undefined> => {
    const found = await payload.find({
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
    })
    return found.docs[0]?.id as Id | undefined
  }

  /**
   * Creates unless a document with this natural key exists; returns its id either way.
   * `draft` is undefined for collections without drafts, true/false for public content.
   */
  const ensure = async (
    collection: CollectionSlug,
    field: string,
    value: string,
    data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
    draft?: boolean,
  ): Promise<Id> => {
    const existing = await findId(collection, field, value)
    if (existing !== undefined) {
      result.skipped++
      return existing
    }
    const doc = await payload.create({
      collection,
      data: { ...(await data()), ...(draft === undefined ? {} : { _status: draft ? 'draft' : 'published' }) } as never,
      draft: draft === true,
      context,
    })
    result.created++
    return doc.id as Id
  }

  const image = async (key: string, spec: SampleImage | undefined): Promise<Id | undefined> => {
    if (!spec) return undefined
    const name = `sample-${key}.jpg`
    const existing = await findId('media', 'filename', name)
    if (existing !== undefined) {
      result.skipped++
      return existing
    }
    const data = await drawSampleImage(spec)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: spec.alt, caption: spec.caption, credit: spec.credit ?? '示例配图' },
      file: { data, mimetype: 'image/jpeg', name, size: data.length },
      context,
    })
    result.created++
    return doc.id as Id
  }

  // The wording rules first: the sample content is published through the same wording check.
  const rules = await seedWordingRules(payload)
  if (rules > 0) log(`规范用语 ${rules} 条`)

  const regionIds = new Map<string, Id>()
  const region = (code: string | undefined) => (code ? regionIds.get(code) : undefined)
  for (const r of regions) {
    regionIds.set(
      r.code,
      await ensure('regions', 'code', r.code, () => ({ name: r.name, code: r.code, level: r.level, parent: region(r.parentCode) })),
    )
  }
  log(`地区 ${regions.length} 个`)

  const categoryIds = new Map<string, Id>()
  for (const c of categories) categoryIds.set(c.slug, await ensure('categories', 'slug', c.slug, () => ({ ...c })))
  log(`栏目 ${categories.length} 个`)

  const orgIds = new Map<string, Id>()
  const org = (key: string | undefined) => (key ? orgIds.get(key) : undefined)
  const phones = (list: SamplePhone[] | undefined) => list?.map((p) => ({ kind: 'voice', hotline: false, ...p }))
  for (const o of organizations) {
    const slug = `org-${o.key}`
    orgIds.set(
      o.key,
      await ensure('organizations', 'slug', slug, () => ({
        name: o.name,
        slug,
        kind: o.kind,
        parent: org(o.parentKey),
        region: region(o.regionCode),
        address: o.address,
        phones: phones(o.phones),
        website: o.website,
        memberCount: o.memberCount,
        enterpriseCount: o.enterpriseCount,
      })),
    )
  }
  log(`工会组织 ${organizations.length} 个`)

  const articleIds = new Map<string, Id>()
  for (const a of articles) {
    articleIds.set(
      a.key,
      await ensure(
        'articles',
        'slug',
        a.key,
        async () => ({
          title: a.title,
          slug: a.key,
          summary: a.summary,
          body: blocksToLexical(a.body),
          cover: await image(a.key, a.cover),
          publishedAt: new Date(a.publishedAt.length === 10 ? `${a.publishedAt}T09:00:00+08:00` : a.publishedAt).toISOString(),
          source: a.source,
          author: a.author,
          responsibleEditor: a.responsibleEditor,
          region: region(a.regionCode),
          organization: org(a.organizationKey),
          categories: a.categorySlugs.map((s) => categoryIds.get(s)).filter(Boolean),
          tags: a.tags,
          featured: a.featured ?? false,
        }),
        a.draft ?? false,
      ),
    )
  }
  log(`新闻 ${articles.length} 篇`)

  const hours = (list: SampleHours[] | undefined) => list?.map((h) => ({ allDay: false, ...h, days: weekdaySet(h.days) }))
  for (const h of workersHomes) {
    await ensure(
      'workers-homes',
      'slug',
      h.key,
      async () => ({
        name: h.name,
        slug: h.key,
        organization: org(h.organizationKey),
        awardLevel: h.awardLevel,
        yearAwarded: h.yearAwarded,
        awardingBody: h.awardingBody,
        region: region(h.regionCode),
        address: h.address,
        coordinates: h.coordinates,
        facilities: h.facilities,
        memberCount: h.memberCount,
        enterpriseCount: h.enterpriseCount,
        description: blocksToLexical(h.description),
        photos: [await image(h.key, h.photo)].filter(Boolean),
        phone: h.phone,
        openingHours: hours(h.openingHours),
      }),
      h.draft ?? false,
    )
  }
  log(`职工之家 ${workersHomes.length} 个`)

  for (const m of laborModels) {
    await ensure(
      'labor-models',
      'slug',
      m.key,
      async () => ({
        kind: m.kind,
        name: m.name,
        slug: m.key,
        photo: await image(m.key, m.photo),
        employer: m.employer,
        jobTitle: m.jobTitle,
        industry: m.industry,
        region: region(m.regionCode),
        honors: m.honors,
        studio: m.studio,
        biography: blocksToLexical(m.biography),
        relatedArticles: m.relatedArticleKeys?.map((k) => articleIds.get(k)).filter(Boolean),
      }),
      m.draft ?? false,
    )
  }
  log(`劳模与先进集体 ${laborModels.length} 个`)

  const location = (l: SampleLocation) => ({
    ...l,
    district: region(l.districtCode),
    districtCode: undefined,
    openingHours: hours(l.openingHours),
  })
  for (const s of services) {
    await ensure(
      'services',
      'slug',
      s.key,
      () => ({
        name: s.name,
        slug: s.key,
        category: s.category,
        status: s.status ?? 'active',
        alert: s.alert,
        provider: org(s.providerKey),
        audiences: s.audiences,
        summary: s.summary,
        eligibility: s.eligibility,
        howToApply: s.howToApply.map((step) => ({ step })),
        documents: s.documents?.map((name) => ({ name })),
        cost: s.cost,
        phones: phones(s.phones),
        website: s.website,
        locations: s.locations?.map(location),
        serviceArea: s.serviceAreaCodes?.map(region).filter(Boolean),
        lastVerified: new Date(`${s.lastVerified}T00:00:00+08:00`).toISOString(),
      }),
      s.draft ?? false,
    )
  }
  log(`服务 ${services.length} 项`)

  return result
}
