import { describe, expect, it } from 'vitest'

import type { SnapshotArticle, SnapshotCategory } from '../content-models/snapshot'
import type { Change } from '../content-models/changes'
import { touchedPages } from '../site/incremental/plan'
import { serviceWith } from './helpers/snapshots'
import { listingPages, newestFirst, newsListings, paginate, perPage } from '../site/lib/listing'

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
      const { urls, prefixes } = touchedPages([change], { articles: after, categories })
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
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], { articles: after, categories })
    expect(urls).toEqual(expect.arrayContaining(differingPages(before, after)))
    expect(urls.length).toBeLessThanOrEqual(60)
  })

  it('renders only the newest page of the neighbouring year and month when a new year begins', () => {
    // The new article is the first of the year after the archive's last: a year and a month appear.
    const before = archive(20_000)
    const last = new Date(before[0]!.publishedAt)
    const fresh = article(20_001, { publishedAt: `${last.getUTCFullYear() + 1}-01-05T02:00:00.000Z` })
    const after = [fresh, ...before].sort(newestFirst)
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], { articles: after, categories })
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
    const { urls } = touchedPages([{ kind: 'articles', after: fresh }], { articles: after, categories })
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

  it('re-renders the pages that show an article edited in place, and no other listing page', () => {
    const list = archive(3000)
    const target = list[700]!
    const edited = { ...target, title: '改过的标题' }
    const after = list.map((a) => (a.id === target.id ? edited : a))
    const { urls } = touchedPages([{ kind: 'articles', before: target, after: edited }], { articles: after, categories })
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
    expect(urls.sort()).toEqual([...showing, `/news/${target.slug}/`].sort())
  })

  it('names the pages that disappear and those whose items shift when an old article is removed', () => {
    const before = archive(1000)
    const removed = before[900]!
    const after = before.filter((a) => a.id !== removed.id)
    const { urls } = touchedPages([{ kind: 'articles', before: removed }], { articles: after, categories })
    expect(urls).toEqual(expect.arrayContaining(differingPages(before, after)))
    expect(urls).toContain(`/news/${removed.slug}/`)
  })

  it('renders a workers’ home’s own page, its directory and facet pages, not the other homes', () => {
    const home = { slug: 'h1', name: '港务职工之家' } as never
    const { urls, prefixes } = touchedPages([{ kind: 'workersHomes', after: home }], { articles: [], categories })
    expect(urls).toEqual(['/homes/', '/homes/h1/'])
    expect(prefixes.length).toBeGreaterThan(0)
    expect(prefixes.every((p) => /^\/homes\/[a-z]+\/$/.test(p))).toBe(true)
  })

  it('renders a service’s own page and every page of the directory’s filters, data files and rest-station districts, not the other services', () => {
    const service = serviceWith({ slug: 's1', name: '法律援助站', category: 'legal-aid' })
    const { urls, prefixes } = touchedPages([{ kind: 'services', after: service }], { articles: [], categories })
    expect(urls).toEqual(['/services/s1/'])
    // Each filter page shows every filter's count, so the whole family renders; no prefix reaches a service's own page.
    expect(prefixes).toEqual([
      '/services/audience/',
      '/services/category/',
      '/services/data/',
      '/services/district/',
      '/services/rest-stations/',
    ])
  })

  it('leaves the directory alone when an edit changes nothing it shows or filters by', () => {
    const before = serviceWith({ slug: 's1', name: '法律援助站', category: 'legal-aid' })
    const steps = { ...before, howToApply: ['电话预约'], documents: [{ name: '身份证' }], alert: '春节期间暂停' } as never
    expect(touchedPages([{ kind: 'services', before, after: steps }], { articles: [], categories }).prefixes).toEqual([])
    const phone = { ...before, phones: [{ number: '12351', kind: 'voice', hotline: true }] } as never
    expect(touchedPages([{ kind: 'services', before, after: phone }], { articles: [], categories }).prefixes).toHaveLength(5)
  })
})
