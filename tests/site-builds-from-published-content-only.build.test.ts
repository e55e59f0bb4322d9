import fs from 'node:fs/promises'
import path from 'node:path'

import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { publicTypes } from '../content-models/publicTypes'
import type { ContentSnapshot } from '../content-models/snapshot'
import { seedSampleContent } from '../cms/seed'
import { MODELS_PER_PAGE } from '../site/lib/facets'
import { hsdsId } from '../site/lib/openData'
import { buildSite, goLive, liveDir } from '../site/publish'
import { servicePage, type HsdsService } from './helpers/hsds'
import { startTestCms, type TestCms } from './helpers/payload'
import { addFixtureContent, allOutputText, DRAFT_MARKERS, htmlFiles } from './helpers/site'

let cms: TestCms
let out: string
let texts: Map<string, string>
let articleSlug: string
/** One detail page of every public type, from the snapshot: `<section>/<slug>/index.html`. */
let detailPages: string[]

beforeAll(async () => {
  cms = await startTestCms()
  await seedSampleContent(cms.payload)
  await addFixtureContent(cms)
  // More labor models than /models/ lists on its first view, so the rest must be reached through the filters.
  const sampleModels = (await cms.payload.count({ collection: 'labor-models', where: { _status: { equals: 'published' } } })).totalDocs
  for (let i = sampleModels; i <= MODELS_PER_PAGE; i++)
    await cms.payload.create({
      collection: 'labor-models',
      data: {
        name: `测试劳模${i}号`,
        kind: 'individual',
        honors: [{ title: '市劳动模范', level: 'city', year: 2020 }],
        _status: 'published',
      },
    })
  const snapshotDir = path.join(cms.dir, 'snapshot')
  const snapshot = await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotDir)
  articleSlug = snapshot.articles[0]!.slug
  detailPages = publicTypes.map((t) => {
    const [first] = snapshot[t.key] as ContentSnapshot[typeof t.key]
    if (!first) throw new Error(`the sample content has no published ${t.slug}: every public type needs one here`)
    return `${t.section}/${first.slug}/index.html`
  })
  const dist = path.join(cms.dir, 'dist')
  await goLive(await buildSite({ snapshotDir, dist }), dist)
  out = await fs.realpath(liveDir(dist))
  texts = await allOutputText(out)
}, 240_000)
afterAll(() => cms?.close())

const exists = (rel: string) =>
  fs.access(path.join(out, rel)).then(
    () => true,
    () => false,
  )

describe('the site built from a snapshot, with no CMS server running', () => {
  it('has every page type', async () => {
    const home = texts.get('index.html')!
    const first = (prefix: string) => home.match(new RegExp(`href="(/${prefix}/[a-z0-9-]+/)"`))?.[1]
    const pages = [
      'index.html',
      'news/index.html',
      `news/${articleSlug}/index.html`,
      'news/archive/index.html',
      'homes/index.html',
      'models/index.html',
      'services/index.html',
      'hotlines/index.html',
      'organizations/index.html',
      'search/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
      'robots.txt',
      'open-data/services.json',
      'pagefind/pagefind.js',
    ]
    for (const page of [...pages, ...detailPages]) expect(await exists(page), page).toBe(true)
    expect(first('news'), 'the home page links to a news article').toBeDefined()
  })

  it('contains no unpublished content anywhere: pages, feed, sitemap, open data or search index', () => {
    expect(texts.size).toBeGreaterThan(50)
    for (const [file, text] of texts) {
      for (const marker of Object.values(DRAFT_MARKERS)) expect(text.includes(marker), `${marker} in ${file}`).toBe(false)
    }
    // The published version of a document with a pending draft revision is there.
    expect([...texts.values()].some((t) => t.includes('已发布的港区安全生产月报道'))).toBe(true)
    // The scan reads the search records as text (they hold Han text as character pairs): the published title is found there too.
    expect([...texts].some(([file, t]) => file.endsWith('.pf_fragment') && t.includes('已发布的港区安全生产月报道'))).toBe(true)
  })

  it('lists the first page of labor models on /models/ and every model on its filter pages', () => {
    const cards = (html: string) => [...html.matchAll(/<a href="\/models\/([^/"]+)\/"/g)].map((m) => m[1]!)
    const index = cards(texts.get('models/index.html')!)
    expect(index).toHaveLength(MODELS_PER_PAGE)
    expect(texts.get('models/index.html')).toContain(`这里列出前 ${MODELS_PER_PAGE} 个`)
    // Each model is an individual or a collective, so the two kind filters' pages list them all.
    const listed = new Set(
      [...texts].filter(([file]) => /^models\/kind\/[^/]+\/(page\/\d+\/)?index\.html$/.test(file)).flatMap(([, html]) => cards(html)),
    )
    const details = [...texts.keys()].filter((f) => /^models\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]!)
    expect(details.length).toBeGreaterThan(MODELS_PER_PAGE)
    expect([...listed].sort()).toEqual(details.sort())
  })

  it('lists in the feed and sitemap only pages that exist', async () => {
    const rss = texts.get('rss.xml')!
    const feedLinks = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname).filter((p) => p !== '/')
    expect(feedLinks.length).toBeGreaterThan(10)
    for (const link of feedLinks) expect(await exists(path.join(link, 'index.html')), link).toBe(true)
    const sitemaps = [...texts.entries()]
      .filter(([f]) => /^sitemap-\d+\.xml$/.test(f))
      .map(([, t]) => t)
      .join('')
    const urls = [...sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    expect(urls).toContain(`/news/${articleSlug}/`)
    for (const url of urls) expect(await exists(path.join(url, 'index.html')), url).toBe(true)
  })

  it('has no internal link that leads nowhere', async () => {
    const broken: string[] = []
    for (const file of await htmlFiles(out)) {
      const html = texts.get(file)!
      for (const [, href] of html.matchAll(/href="(\/[^"#?]*)(?:[#?][^"]*)?"/g)) {
        const target = href!.endsWith('/') ? path.join(href!, 'index.html') : href!
        if (!(await exists(decodeURI(target)))) broken.push(`${file} → ${href}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('produces valid HTML on every page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro output style and Chinese typography, not defects:
        'no-trailing-whitespace': 'off',
        'void-style': 'off',
        'no-inline-style': 'off',
        'attribute-boolean-style': 'off',
        'attribute-empty-style': 'off',
        'no-redundant-role': 'off',
        'long-title': 'off',
        // HTML attribute names are case-insensitive; React's server renderer writes some in
        // camelCase (autoComplete, enterKeyHint) in the service directory's form, read the same.
        'attr-case': 'off',
        'element-permitted-content': 'error',
        // Phone links are styled white-space: nowrap through these classes.
        'tel-non-breaking': ['error', { ignoreClasses: ['tel', 'nowrap'] }],
      },
    })
    const sample = new Set([
      'index.html',
      'news/index.html',
      `news/${articleSlug}/index.html`,
      'news/archive/index.html',
      'homes/index.html',
      'models/index.html',
      'services/index.html',
      'hotlines/index.html',
      'organizations/index.html',
      'search/index.html',
      '404.html',
      'preview/index.html',
      ...detailPages,
    ])
    const problems: string[] = []
    for (const file of sample) {
      const html = texts.get(file)
      if (html === undefined) throw new Error(`${file} is not in the build`)
      const report = await validator.validateString(html, file)
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line} ${m.ruleId} ${m.message}`)
    }
    expect(problems).toEqual([])
  })

  it('keeps the staff preview page out of search engines and the search index', async () => {
    const preview = texts.get('preview/index.html')!
    expect(preview).toContain('<meta name="robots" content="noindex"')
    const indexed = Object.keys(JSON.parse(texts.get('pagefind/fragments-by-url.json')!) as Record<string, string>)
    expect(indexed).toContain('/hotlines/')
    expect(indexed).not.toContain('/preview/')
    expect(
      [...texts]
        .filter(([f]) => /^sitemap-\d+\.xml$/.test(f))
        .map(([, t]) => t)
        .join(''),
    ).not.toContain('/preview/')
    expect(texts.get('robots.txt')).toContain('Disallow: /preview/')
  })

  it('declares Chinese on every page, which Pagefind needs to segment words', async () => {
    for (const file of await htmlFiles(out)) expect(texts.get(file)!.includes('<html lang="zh-CN"'), file).toBe(true)
  })

  it('publishes every published service, and only those, as HSDS 3.0 open data', async () => {
    const json: unknown = JSON.parse(texts.get('open-data/services.json')!)
    const parsed = servicePage.safeParse(json)
    // Every violation at once, each with the service it is in.
    const where = (p: PropertyKey[]) =>
      p[0] === 'contents'
        ? `${(json as { contents: { name?: string }[] }).contents[Number(p[1])]?.name}: ${p.slice(2).join('.')}`
        : p.join('.')
    expect(parsed.error?.issues.map((i) => `${where(i.path)} ${i.message}`) ?? []).toEqual([])
    const page = parsed.data!
    const services = page.contents

    // The same set as the CMS's published services (drafts and draft revisions left out).
    const published = (
      await cms.payload.find({ collection: 'services', where: { _status: { equals: 'published' } }, limit: 0, pagination: false, depth: 0 })
    ).docs
    expect(published.length).toBeGreaterThan(5)
    expect(services.map((s) => s.id).sort()).toEqual(published.map((d) => hsdsId(`service:${d.slug}`)).sort())
    expect(page).toMatchObject({ total_items: published.length, size: published.length, total_pages: 1, page_number: 1, empty: false })

    const HSDS_STATUS = { active: 'active', 'temporarily-closed': 'temporarily closed', ended: 'defunct' } as const
    const byId = new Map(services.map((s) => [s.id, s]))
    for (const doc of published) {
      const s = byId.get(hsdsId(`service:${doc.slug}`))!
      expect(s, doc.name).toMatchObject({ name: doc.name, status: HSDS_STATUS[doc.status] })
      expect(s.phones?.length ?? 0, `${doc.name} phones`).toBe(doc.phones?.length ?? 0)
      expect(Boolean(s.organization), `${doc.name} organization`).toBe(Boolean(doc.provider))
      const locations = doc.locations ?? []
      expect(s.service_at_locations?.length ?? 0, `${doc.name} locations`).toBe(locations.length)
      locations.forEach((l, i) =>
        expect(s.service_at_locations![i]!.schedules?.length ?? 0, `${doc.name} location ${i} schedules`).toBe(
          (l.openingHours?.length ?? 0) + (l.hoursExceptions?.length ?? 0),
        ),
      )
    }
    expect(new Set(services.map((s) => s.status)).size, 'the sample has services of several statuses').toBeGreaterThan(1)

    // HSDS links records by id: each link names the record it sits in or next to.
    const links = (s: HsdsService) => {
      const wrong: string[] = []
      const check = (what: string, got: unknown, want: unknown) =>
        got === want || wrong.push(`${s.name}: ${what} is ${String(got)}, not ${String(want)}`)
      check('organization_id', s.organization_id, s.organization?.id)
      for (const p of s.phones ?? []) check('phone.service_id', p.service_id, s.id)
      for (const p of s.organization?.phones ?? []) check('organization phone.organization_id', p.organization_id, s.organization!.id)
      for (const a of s.service_areas ?? []) check('service_area.service_id', a.service_id, s.id)
      for (const d of s.required_documents ?? []) check('required_document.service_id', d.service_id, s.id)
      for (const c of s.cost_options ?? []) check('cost_option.service_id', c.service_id, s.id)
      for (const l of s.languages ?? []) check('language.service_id', l.service_id, s.id)
      for (const a of s.attributes ?? []) {
        check('attribute.link_id', a.link_id, s.id)
        check('attribute.taxonomy_term_id', a.taxonomy_term_id, a.taxonomy_term?.id)
      }
      for (const sal of s.service_at_locations ?? []) {
        check('service_at_location.service_id', sal.service_id, s.id)
        check('service_at_location.location_id', sal.location_id, sal.location?.id)
        for (const sc of sal.schedules ?? []) check('schedule.service_at_location_id', sc.service_at_location_id, sal.id)
        for (const a of sal.location?.addresses ?? []) check('address.location_id', a.location_id, sal.location!.id)
        for (const l of sal.location?.languages ?? []) check('location language.location_id', l.location_id, sal.location!.id)
      }
      return wrong
    }
    expect(services.flatMap(links)).toEqual([])

    // An id is one record: the same id twice is the same organization embedded in two services,
    // never two different phones, schedules or places.
    const records = new Map<string, string>()
    const clashes: string[] = []
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit)
      if (!value || typeof value !== 'object') return
      const record = value as Record<string, unknown>
      if (typeof record.id === 'string') {
        const seen = records.get(record.id)
        const now = JSON.stringify(record)
        if (seen !== undefined && seen !== now) clashes.push(`${record.id}: ${seen.slice(0, 80)} ≠ ${now.slice(0, 80)}`)
        records.set(record.id, now)
      }
      Object.values(record).forEach(visit)
    }
    visit(services)
    expect(clashes).toEqual([])
  })
})
