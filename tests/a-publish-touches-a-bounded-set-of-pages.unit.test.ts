import { describe, expect, it } from 'vitest'

import type { SnapshotArticle, SnapshotCategory, SnapshotService } from '../content-models/snapshot'
import type { Change } from '../content-models/changes'
import { touchedPages } from '../site/incremental/plan'
import { categoryPages, directoryOf, hubCategoryPages, hubPages } from '../site/lib/directoryPages'
import type { ServicePage } from '../site/lib/serviceDirectory'
import { relatedIndex } from '../site/lib/related'
import { routes } from '../site/routes'
import { serviceWith, snapshotWith } from './helpers/snapshots'
import { forwardPageLinks, listingPages, newestFirst, newsListings, paginate, perPage } from '../site/lib/listing'

/**
 * The plan of an incremental update: which pages a change touches. Expected sets come from
 * rendering the listings before and after (listingPages), never from a hand-made list, and the
 * plan must name every page whose items differ while staying small at any archive size.
 */
const categories: SnapshotCategory[] = ['union-news', 'rights', 'culture'].map((slug, order) => ({ slug, name: slug, order }))
const regions = [
  { code: '330702', name: '东港区', level: 'district' },
  { code: '330703', name: '西湖区', level: 'district' },
]

const article = (i: number, overrides: Partial<SnapshotArticle> = {}): SnapshotArticle => ({
  id: String(i),
  slug: `a${String(i).padStart(6, '0')}`,
  title: `第 ${i} 篇新闻`,
  bodyHtml: '<p>正文</p>',
  bodyText: '正文',
  // One article every 7 hours from 2016 on: several years, every month, many pages per listing.
  publishedAt: new Date(Date.UTC(2016, 0, 1) + i * 7 * 3600_000).toISOString(),
  updatedAt: '2026-01-01T00:00:00.000Z',
  categories: [categories[i % 3]!],
  region: regions[i % 2],
  tags: [],
  featured: false,
  script: 'simplified',
  ...overrides,
})

const archive = (n: number) => Array.from({ length: n }, (_, i) => article(i)).sort(newestFirst)

/** Every listing page whose items differ between two article lists. */
const differingPages = (before: SnapshotArticle[], after: SnapshotArticle[]) => {
  const [b, a] = [
    listingPages(
      newsListings(
        before,
        categories.map((c) => c.slug),
      ),
    ),
    listingPages(
      newsListings(
        after,
        categories.map((c) => c.slug),
      ),
    ),
  ]
  return [...new Set([...b.keys(), ...a.keys()])].filter((url) => b.get(url)?.join() !== a.get(url)?.join())
}

describe('stable listing pages', () => {
  it('keeps every numbered page’s items when news is added, and adds one page in twenty publishes', () => {
    const items = Array.from({ length: 1234 }, (_, i) => i).reverse() // newest first
    const before = paginate(items)
    const after = paginate([1234, ...items])
    expect(before.every((p, i) => p.items.length === (i === 0 ? items.length - (p.total - 1) * perPage() : perPage()))).toBe(true)
    for (const page of before.slice(1)) expect(after.find((p) => p.current === page.current)?.items).toEqual(page.items)
    expect(paginate([...Array(40).keys()]).length).toBe(paginate([...Array(39).keys()]).length + 1)
    // Every item is on exactly one page.
    expect(after.flatMap((p) => p.items).sort((x, y) => x - y)).toEqual([...items, 1234].sort((x, y) => x - y))
  })
})

describe('the pages a change touches', () => {
  for (const size of [2_000, 20_000]) {
    it(`names every listing page whose items differ, and stays small, for a new article among ${size}`, () => {
      const before = archive(size)
      const fresh = article(size + 1)
      const after = [fresh, ...before].sort(newestFirst)
      const change: Change = { kind: 'articles', after: fresh }
      const { urls, prefixes } = touchedPages([change], snapshotWith({ articles: after, categories }))
      const differing = differingPages(before, after)
      expect(differing.length).toBeGreaterThan(0)
      expect(urls).toEqual(expect.arrayContaining(differing))
      expect(urls).toContain(`/news/${fresh.slug}/`)
      expect(prefixes).toEqual([])
      expect(urls.length).toBeLessThanOrEqual(60)
    })
  }

  it('stays small however many regions news is tagged with', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ code: String(331000 + i), name: `第${i}街道`, level: 'subdistrict' }))
    const before = Array.from({ length: 6000 }, (_, i) => article(i, { region: many[i % many.length] })).sort(newestFirst)
    const fresh = article(6001, { region: many[17] })
    const after = [fresh, ...before].sort(newestFirst)
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], snapshotWith({ articles: after, categories }))
    expect(urls).toEqual(expect.arrayContaining(differingPages(before, after)))
    expect(urls.length).toBeLessThanOrEqual(60)
  })

  it('renders only the newest page of the neighbouring year and month when a new year begins', () => {
    // The new article is the first of the year after the archive's last: a year and a month appear.
    const before = archive(20_000)
    const last = new Date(before[0]!.publishedAt)
    const fresh = article(20_001, { publishedAt: `${last.getUTCFullYear() + 1}-01-05T02:00:00.000Z` })
    const after = [fresh, ...before].sort(newestFirst)
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], snapshotWith({ articles: after, categories }))
    const previousYear = `/news/archive/${last.getUTCFullYear()}/`
    const previousMonth = `/news/archive/${last.getUTCFullYear()}/${String(last.getUTCMonth() + 1).padStart(2, '0')}/`
    expect(urls).toEqual(expect.arrayContaining([...differingPages(before, after), previousYear, previousMonth]))
    // The older numbered pages of the previous year do not link to the next one: not rendered.
    expect(urls.filter((u) => u.startsWith(previousYear) && u !== previousYear && u !== previousMonth)).toEqual([])
    expect(urls.length).toBeLessThanOrEqual(60)
  })

  it('renders every page that links to the sections and regions when a region gets its first article', () => {
    const before = archive(2000)
    const fresh = article(2001, { region: { code: '330799', name: '新设区', level: 'district' } })
    const after = [fresh, ...before].sort(newestFirst)
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], snapshotWith({ articles: after, categories }))
    const linking = [
      ...listingPages(
        newsListings(
          after,
          categories.map((c) => c.slug),
        ),
      ).keys(),
    ].filter((u) => !u.startsWith('/news/archive/'))
    expect(linking.length).toBeGreaterThan(100)
    expect(urls).toEqual(expect.arrayContaining(linking))
  })

  it('re-renders the pages that show an article edited in place, its related news among them, and no other page', () => {
    const list = archive(3000)
    const target = list[700]!
    const edited = { ...target, title: '改过的标题' }
    const after = list.map((a) => (a.id === target.id ? edited : a))
    const { urls } = touchedPages([{ kind: 'articles', before: target, after: edited }], snapshotWith({ articles: after, categories }))
    const showing = [
      ...listingPages(
        newsListings(
          after,
          categories.map((c) => c.slug),
        ),
      ),
    ]
      .filter(([, slugs]) => slugs.includes(target.slug))
      .map(([u]) => u)
    expect(showing.length).toBeGreaterThanOrEqual(4) // all news, its section, its region, its year and month
    // Article pages whose related news show it, found over every article (not only its neighbours).
    const relatedTo = relatedIndex(after)
    const asides = after.filter((a) => relatedTo(a).some((r) => r.slug === target.slug)).map((a) => `/news/${a.slug}/`)
    expect(asides.length).toBeGreaterThan(0)
    expect(urls.sort()).toEqual([...showing, ...asides, `/news/${target.slug}/`].sort())
  })

  it('names the pages that disappear and those whose items shift when an old article is removed', () => {
    const before = archive(1000)
    const removed = before[900]!
    const after = before.filter((a) => a.id !== removed.id)
    const { urls } = touchedPages([{ kind: 'articles', before: removed }], snapshotWith({ articles: after, categories }))
    expect(urls).toEqual(expect.arrayContaining(differingPages(before, after)))
    expect(urls).toContain(`/news/${removed.slug}/`)
  })

  it('renders a workers’ home’s own page, its directory and facet pages, not the other homes', () => {
    const home = { slug: 'h1', name: '港务职工之家' } as never
    const { urls, prefixes } = touchedPages([{ kind: 'workersHomes', after: home }], snapshotWith({ articles: [], categories }))
    expect(urls).toEqual(['/homes/', '/homes/h1/'])
    expect(prefixes.length).toBeGreaterThan(0)
    expect(prefixes.every((p) => /^\/homes\/[a-z]+\/$/.test(p))).toBe(true)
  })

  it('leaves the directory alone when an edit changes nothing it shows or filters by', () => {
    const services = directory(1000)
    const before = services[7]!
    const steps = { ...before, howToApply: ['电话预约'], documents: ['身份证'], alert: '春节期间暂停' }
    const after = services.map((s) => (s.id === before.id ? steps : s))
    expect(touchedPages([{ kind: 'services', before, after: steps }], snapshotWith({ services: after, regions: districts })).urls).toEqual([
      `/services/${before.slug}/`,
    ])
  })
})

/**
 * The service directory at a provincial federation's size: 1,000 services over the categories,
 * eight districts and the audiences, a third of them for everyone (so in every audience's
 * lists), saved one after another. Expected pages come from the pages' own builders
 * (lib/directoryPages.ts), never from the plan.
 */
const districts = Array.from({ length: 8 }, (_, i) => ({
  code: `3307${String(i + 1).padStart(2, '0')}`,
  name: `第${i + 1}区`,
  level: 'district',
}))
const categoryValues = ['legal-aid', 'hardship-aid', 'employment', 'rest-station', 'book-house', 'member-perks', 'counselling']
const audienceValues = ['member', 'migrant-worker', 'gig-worker', 'hardship', 'women', 'outdoor', 'young']
const savedAt = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString()
const directory = (n: number): SnapshotService[] =>
  Array.from({ length: n }, (_, i) => {
    const district = districts[(i * 5) % districts.length]!
    return serviceWith({
      slug: `s${String(i).padStart(5, '0')}`,
      name: `服务点${String((i * 7919) % n).padStart(5, '0')}`,
      category: categoryValues[i % categoryValues.length]!,
      audiences: i % 3 === 0 ? ['everyone'] : [audienceValues[i % audienceValues.length]!],
      serviceArea: [district],
      locations: [{ address: `${district.name}某路${i}号`, district, openingHours: [], hoursExceptions: [], amenities: [] }] as never,
      createdAt: savedAt(i),
    })
  })

/**
 * What each directory page shows, by URL, as its builder makes it: a list page's slugs and its
 * page links, a district's or an audience's first page its counts.
 */
const pageContents = (services: SnapshotService[]) => {
  const dir = directoryOf(services, districts, '12351')
  const listed = (page: ServicePage) => JSON.stringify([page.items.map((i) => i.slug), forwardPageLinks(page.current, page.total)])
  return new Map([
    ...categoryPages(dir).map(({ params, props }) => [routes.servicesCategory.url(params), listed(props.page)] as const),
    ...hubCategoryPages(dir).map(({ params, props }) => [routes.servicesFacetCategory.url(params), listed(props.page)] as const),
    ...hubPages(dir).map(
      ({ params, props }) => [routes.servicesFacet.url(params), JSON.stringify([props.value, props.categories])] as const,
    ),
  ])
}
const differing = (was: Map<string, string>, is: Map<string, string>) =>
  [...new Set([...was.keys(), ...is.keys()])].filter((url) => was.get(url) !== is.get(url)).sort()

describe('the pages a service change touches', () => {
  const services = directory(1000)
  const plan = (change: Change, after: SnapshotService[]) => touchedPages([change], snapshotWith({ services: after, regions: districts }))
  const directoryUrls = (urls: string[], pages: Map<string, string>) => urls.filter((u) => pages.has(u)).sort()

  it('renders the list pages a renamed service is on, and no count-bearing page, since no count moved', () => {
    const target = services.find((s) => s.audiences.includes('everyone') && s.category === 'legal-aid')!
    const renamed = { ...target, name: `${target.name}（新址）` }
    const after = services.map((s) => (s.id === target.id ? renamed : s))
    const is = pageContents(after)
    const showing = [...is].filter(([, shown]) => shown.includes(`"${target.slug}"`)).map(([url]) => url)
    // On every audience's legal-aid list (it is for everyone), its category's and its district's.
    expect(showing.length).toBe(audienceValues.length + 2)
    const { urls, prefixes } = plan({ kind: 'services', before: target, after: renamed }, after)
    expect(prefixes).toEqual([])
    expect(urls).toContain(`/services/${target.slug}/`)
    expect(directoryUrls(urls, is)).toEqual(showing.sort())
  })

  // Issue 25: at most 60 pages per publish. The worst case is a city-wide service for every
  // worker, which joins its category's list and that category's list in every district and audience.
  it.each([1000, 5000])(
    'renders at most 60 pages for a new city-wide service for everyone among %i services, each one whose content changed',
    (n) => {
      const before = directory(n)
      const fresh = serviceWith({
        slug: 'new-one',
        name: '爱心法律咨询点',
        category: 'legal-aid',
        audiences: ['everyone'],
        createdAt: savedAt(n),
      })
      const after = [...before, fresh]
      const [was, is] = [pageContents(before), pageContents(after)]
      const { urls, prefixes } = plan({ kind: 'services', after: fresh }, after)
      expect(prefixes).toEqual([])
      // Its own page, its category's data file, and exactly the directory pages whose content changed.
      expect(urls).toEqual(expect.arrayContaining(['/services/new-one/', '/services/data/legal-aid.json']))
      const changed = differing(was, is)
      expect(directoryUrls(urls, is)).toEqual(changed)
      // It is on a page of its category and of legal aid in every district and audience (17 lists).
      expect([...is].filter(([, shown]) => shown.includes('"new-one"')).length).toBe(1 + districts.length + audienceValues.length)
      expect(is.size).toBeGreaterThan(n / 10)
      expect(urls.length).toBeLessThanOrEqual(60)
    },
  )

  it('renders the data files and rest-station pages of a moved station, and of the directory only the pages whose content changed', () => {
    const target = services.find((s) => s.category === 'rest-station')!
    const moved = { ...target, category: 'legal-aid', phones: [{ number: '12351', kind: 'voice', hotline: true }] } as SnapshotService
    const after = services.map((s) => (s.id === target.id ? moved : s))
    const { urls } = plan({ kind: 'services', before: target, after: moved }, after)
    expect(urls).toEqual(expect.arrayContaining(['/services/data/rest-station.json', '/services/data/legal-aid.json']))
    expect(urls.some((u) => u.startsWith('/services/rest-stations/'))).toBe(true)
    const [was, is] = [pageContents(services), pageContents(after)]
    const changed = differing(was, is)
    expect(directoryUrls(urls, is)).toEqual(changed.filter((u) => is.has(u)))
    expect(changed.length).toBeLessThan(is.size / 2)
  })

  it('renders the pages of a new service and of one that goes', () => {
    const fresh = serviceWith({
      slug: 'new-one',
      name: '新开的服务点',
      category: 'legal-aid',
      audiences: ['women'],
      serviceArea: [districts[2]!],
      createdAt: savedAt(1000),
    })
    const added = plan({ kind: 'services', after: fresh }, [...services, fresh]).urls
    const addedPages = [...pageContents([...services, fresh])].filter(([, shown]) => shown.includes('"new-one"')).map(([u]) => u)
    expect(addedPages.length).toBe(3)
    expect(added).toEqual(expect.arrayContaining(addedPages))
    const gone = services[10]!
    const removed = plan(
      { kind: 'services', before: gone },
      services.filter((s) => s !== gone),
    ).urls
    const removedPages = [...pageContents(services)].filter(([, shown]) => shown.includes(`"${gone.slug}"`)).map(([u]) => u)
    expect(removedPages.length).toBeGreaterThan(0)
    expect(removed).toEqual(expect.arrayContaining(removedPages))
  })
})
