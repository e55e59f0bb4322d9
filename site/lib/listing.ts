import { settings } from '../../content-models/settings'
import type { SnapshotArticle } from '../../content-models/snapshot'
import { archiveUrl, routes } from '../routes'
import { archiveOf } from './archive'

/**
 * Paged listings, numbered from the oldest so that a page's URL keeps showing the same items:
 * numbered pages 1 … total−1 hold twenty items each, oldest first, and never change when news
 * is added; the newest page lives at the listing's base URL and holds the rest (20–39 items).
 * Publishing an article therefore changes a listing's base page and, once in twenty
 * publishes, adds one numbered page — never every page after it.
 */
/** Items on a numbered page (a setting, so tests can make every listing span several pages). */
export const perPage = () => settings().listingPageSize

export interface ListingPage<T> {
  items: T[]
  /** 1 is the oldest page; `total` is the newest, at the listing's base URL. */
  current: number
  total: number
}

/** How many pages a listing of n items has; an empty list still has one (empty) page. */
export const pageCount = (n: number, size = perPage()) => Math.max(1, Math.floor(n / size))

/**
 * A numbered page's links to its neighbours reach this far (components/Pagination.astro):
 * the pages this close to the newest change when a new page appears.
 */
export const PAGINATION_REACH = 2

/**
 * The links of a list read first page first (components/PageLinks.astro): the first page and
 * those around this one, never the last, so they do not depend on how many pages there are
 * except near the end, and an item added at the end changes a few pages, not every one.
 */
export const forwardPageLinks = (current: number, total: number) => ({
  numbers: Array.from({ length: Math.min(total, current + PAGINATION_REACH) }, (_, i) => i + 1).filter(
    (n) => n === 1 || Math.abs(n - current) <= PAGINATION_REACH,
  ),
  more: current + PAGINATION_REACH < total,
  next: current < total,
})

/** Splits items (newest first) into pages, newest page first. */
export const paginate = <T>(items: readonly T[], size = perPage()): ListingPage<T>[] => {
  const n = items.length
  const total = pageCount(n, size)
  return Array.from({ length: total }, (_, i) => {
    const current = total - i
    const end = n - (current - 1) * size
    const start = current === total ? 0 : end - size
    return { items: items.slice(start, end), current, total }
  })
}

/** The URL tail of page `current` below its base: nothing for the newest page, `page/n` for the others. */
export const pageSegment = (page: Pick<ListingPage<unknown>, 'current' | 'total'>): string | undefined =>
  page.current === page.total ? undefined : `page/${page.current}`

/** The URL of a listing's page. */
export const pageHref = (base: string, page: Pick<ListingPage<unknown>, 'current' | 'total'>) => {
  const segment = pageSegment(page)
  return segment ? `${base}${segment}/` : base
}

/** Breadcrumb tail and title suffix for page n of a listing. */
export const pageLabel = (n: number) => `第 ${n} 页`

/** What each page of a listing gets: its slice of items and how many items the listing has. */
export interface PagedListing<T> {
  page: ListingPage<T>
  count: number
}

/**
 * getStaticPaths entries for a listing routed as `…/[...page].astro`: the newest page at the
 * base (`page` param left out), the others at `page/n`; `params` and `props` are shared by every page.
 */
export const pagedPaths = <T, P extends object>(items: readonly T[], params: Record<string, string>, props: P) =>
  paginate(items).map((page) => ({
    params: { ...params, page: pageSegment(page) },
    props: { ...props, page, count: items.length },
  }))

/** The order of every news listing (and of the snapshot's articles). */
export { newestFirst } from '../../content-models/changes'

export const inCategory = (slug: string) => (a: SnapshotArticle) => a.categories.some((c) => c.slug === slug)
/** A region's listing holds the news tagged with exactly that region (a city's page would repeat /news/). */
export const inRegion = (code: string) => (a: SnapshotArticle) => a.region?.code === code

export interface NewsListing {
  base: string
  items: SnapshotArticle[]
}

/**
 * Every paged news listing the site has, with its articles (newest first): all news, each
 * section, each region, each archive year and month. The pages build from the same
 * membership rules, and the incremental plan compares these before and after a change.
 */
export const newsListings = (articles: readonly SnapshotArticle[], categorySlugs: readonly string[]): NewsListing[] => {
  // One pass over the articles, not one per section and region (the plan runs this on every publish).
  const inSection = new Map(categorySlugs.map((slug) => [slug, [] as SnapshotArticle[]]))
  const inRegionCode = new Map<string, SnapshotArticle[]>()
  for (const a of articles) {
    for (const slug of new Set(a.categories.map((c) => c.slug))) inSection.get(slug)?.push(a)
    if (!a.region) continue
    const list = inRegionCode.get(a.region.code)
    if (list) list.push(a)
    else inRegionCode.set(a.region.code, [a])
  }
  return [
    { base: routes.news.url({}), items: [...articles] },
    ...[...inSection].filter(([, items]) => items.length > 0).map(([slug, items]) => ({ base: routes.category.url({ slug }), items })),
    ...[...inRegionCode].map(([code, items]) => ({ base: routes.region.url({ code }), items })),
    ...archiveOf(articles).flatMap((y) => [
      { base: archiveUrl(y.year), items: y.articles },
      ...y.months.map((m) => ({ base: archiveUrl(y.year, m.mm), items: m.articles })),
    ]),
  ]
}

/** Each listing page's URL with the slugs it shows. */
export const listingPages = (listings: readonly NewsListing[]): Map<string, string[]> => {
  const pages = new Map<string, string[]>()
  for (const listing of listings) {
    for (const page of paginate(listing.items))
      pages.set(
        pageHref(listing.base, page),
        page.items.map((a) => a.slug),
      )
  }
  return pages
}
