import { newestFirst, recordsBefore, type Change } from '../../content-models/changes'
import type {
  ContentSnapshot,
  SnapshotArticle,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import { homeFacets, modelFacets } from '../lib/facets'
import { listingPages, newsListings, PAGINATION_REACH, pageCount, pageHref, paginate, type NewsListing } from '../lib/listing'
import { recordUrl, routes } from '../routes'
import { pagesListingArticles } from './relatedPages'
import { serviceDirectoryPages } from './servicePages'

/**
 * Which pages a change (content-models/changes.ts) touches: the site owns its URL scheme, so it
 * answers with the pages to render again — exact URLs, and URL prefixes where a whole family of
 * pages depends on every record.
 */
export interface TouchedPages {
  /** Pages to render, by exact URL. */
  urls: string[]
  /** Every page under these is rendered. */
  prefixes: string[]
}

/** The detail page of a record. */
const detailUrl = recordUrl

/** The organization page a record appears on: a service's provider, a home's or an article's union. */
const organizationOf = (change: Change, r: NonNullable<Change['before']>): string | undefined => {
  if (change.kind === 'services') return (r as SnapshotService).provider?.slug
  if (change.kind === 'workersHomes' || change.kind === 'articles') return (r as SnapshotWorkersHome | SnapshotArticle).organization?.slug
  return undefined
}

/** A labor model whose only change is its list of related news keeps its place in the gallery. */
const onlyRelatedNewsChanged = (a: SnapshotLaborModel, b: SnapshotLaborModel) =>
  JSON.stringify({ ...a, relatedArticles: [] }) === JSON.stringify({ ...b, relatedArticles: [] })

const isSectionBase = (base: string) =>
  base.startsWith(routes.category.url({ slug: '' })) || base.startsWith(routes.region.url({ code: '' }))

/** Where an article sits matters to the section and region counts /news/ shows at its top. */
const countsChanged = (c: Change & { kind: 'articles' }) =>
  !c.before ||
  !c.after ||
  c.before.region?.code !== c.after.region?.code ||
  c.before.categories.map((x) => x.slug).join() !== c.after.categories.map((x) => x.slug).join()

/** Archive listings (years, months) next to one that appeared or went, in either list. */
const archiveNeighbours = (before: readonly NewsListing[], after: readonly NewsListing[]): NewsListing[] => {
  const archiveRoot = routes.archive.url({})
  const periods = (list: readonly NewsListing[], depth: number) =>
    list.filter((l) => l.base.startsWith(archiveRoot) && l.base.slice(archiveRoot.length).split('/').filter(Boolean).length === depth)
  const found: NewsListing[] = []
  for (const depth of [1, 2]) {
    const [was, is] = [periods(before, depth), periods(after, depth)]
    const [wasBases, isBases] = [new Set(was.map((l) => l.base)), new Set(is.map((l) => l.base))]
    // Listings are newest first, so a period's neighbours are the entries beside it.
    for (const [list, other] of [
      [is, wasBases],
      [was, isBases],
    ] as const) {
      list.forEach((l, i) => {
        if (other.has(l.base)) return
        for (const n of [list[i - 1], list[i + 1]]) if (n && isBases.has(n.base)) found.push(is.find((x) => x.base === n.base)!)
      })
    }
  }
  return found
}

/** The articles newest first before and after the changes. */
interface ArticlesBeforeAndAfter {
  before: SnapshotArticle[]
  after: SnapshotArticle[]
}

/**
 * News listings: every listing page whose items differ before and after the change, or that
 * shows a changed article (its title or summary), and, when section counts change, /news/. Pages are numbered from the oldest (lib/listing.ts),
 * so a new article changes the newest pages only.
 */
const newsPages = (
  articleChanges: readonly (Change & { kind: 'articles' })[],
  { before, after }: ArticlesBeforeAndAfter,
  categories: readonly string[],
): string[] => {
  const listingsAfter = newsListings(after, categories)
  const listingsBefore = newsListings(before, categories)
  // Only the listings a changed article is in, before or after, can differ: the rest are not compared.
  const versions = articleChanges.flatMap((c) => [c.before, c.after]).filter((a): a is SnapshotArticle => a !== undefined)
  const affected = new Set(newsListings(versions, categories).map((l) => l.base))
  const [pagesBefore, pagesAfter] = [listingsBefore, listingsAfter].map((ls) => listingPages(ls.filter((l) => affected.has(l.base))))
  const changed = new Set(versions.map((a) => a.slug))
  const urls = new Set<string>()
  for (const [url, slugs] of pagesAfter) {
    const was = pagesBefore.get(url)
    if (!was || was.join() !== slugs.join() || slugs.some((s) => changed.has(s))) urls.add(url)
  }
  for (const url of pagesBefore.keys()) if (!pagesAfter.has(url)) urls.add(url)
  // When a listing gains or loses a page, the numbered pages near the newest link differently.
  const totalsBefore = new Map(listingsBefore.map((l) => [l.base, pageCount(l.items.length)]))
  for (const l of listingsAfter) {
    const [was, is] = [totalsBefore.get(l.base), pageCount(l.items.length)]
    if (was === undefined || was === is) continue
    for (let n = Math.max(1, Math.min(was, is) - PAGINATION_REACH - 1); n < Math.max(was, is); n++)
      urls.add(pageHref(l.base, { current: n, total: is }))
  }
  // A year's or month's newest page (at its own address) links to the neighbouring year or
  // month that has news: when one appears or goes, that page of its neighbours links elsewhere.
  for (const neighbour of archiveNeighbours(listingsBefore, listingsAfter)) urls.add(neighbour.base)
  // Section and region counts are shown on /news/ only (components/NewsSections.astro).
  if (articleChanges.some(countsChanged)) urls.add(routes.news.url({}))
  // Every page of the news, section and region listings links to each section and region that
  // has news: when one gains its first article or loses its last, all of those pages change.
  // (Rare: a new region or section. Archive pages carry no such links.)
  const withLinks = (base: string) => base === routes.news.url({}) || isSectionBase(base)
  const linked = (ls: readonly NewsListing[]) =>
    ls
      .map((l) => l.base)
      .filter(isSectionBase)
      .sort()
      .join()
  if (linked(listingsBefore) !== linked(listingsAfter))
    for (const l of listingsAfter) if (withLinks(l.base)) for (const page of paginate(l.items)) urls.add(pageHref(l.base, page))
  return [...urls]
}

/** Facet pages list every record of their directory with counts, so a change there renders them all (their number is bounded by the vocabulary, not the archive). */
const facetPrefixes = (kind: 'workersHomes' | 'laborModels') =>
  kind === 'workersHomes'
    ? homeFacets([], []).map((f) => routes.homesFacet.url({ facet: f.key, value: '' }))
    : modelFacets([], []).map((f) => routes.modelsFacet.url({ facet: f.key, value: '' }))

/** What the plan reads of the snapshot (after the changes). */
export type PlanSnapshot = Pick<ContentSnapshot, 'articles' | 'categories' | 'services' | 'regions' | 'laborModels'>

/** The pages that list changed articles: news listings, related news, labor models' news. */
const articlePages = (changes: readonly Change[], snapshot: PlanSnapshot): string[] => {
  const articleChanges = changes.filter((c): c is Change & { kind: 'articles' } => c.kind === 'articles')
  if (!articleChanges.length) return []
  const after = [...snapshot.articles].sort(newestFirst)
  const versions = { before: recordsBefore('articles', after, articleChanges).sort(newestFirst), after }
  return [
    ...newsPages(
      articleChanges,
      versions,
      snapshot.categories.map((c) => c.slug),
    ),
    ...pagesListingArticles(articleChanges, versions.before, versions.after, snapshot.laborModels),
  ]
}

/**
 * Every page a publish renders again, found from the route table and the snapshot before and
 * after the changes (never from the built pages): each record's own page, the listings,
 * filters and lists of other pages it is on, and the pages whose counts or paging it moves.
 */
export const touchedPages = (changes: readonly Change[], snapshot: PlanSnapshot): TouchedPages => {
  const urls = new Set<string>([...articlePages(changes, snapshot), ...serviceDirectoryPages(changes, snapshot)])
  const prefixes = new Set<string>()
  for (const change of changes) {
    const records = [change.before, change.after].filter((r): r is NonNullable<typeof r> => r !== undefined)
    for (const r of records) {
      urls.add(detailUrl(change.kind, r.slug))
      const org = organizationOf(change, r)
      if (org) urls.add(detailUrl('organizations', org))
    }
    if (change.kind === 'organizations') {
      // The parent lists its children (name, kind, region); the children name their parent.
      for (const o of records as SnapshotOrganization[]) if (o.parentSlug) urls.add(detailUrl('organizations', o.parentSlug))
    } else if (change.kind === 'workersHomes') {
      urls.add(routes.homes.url({}))
      for (const p of facetPrefixes('workersHomes')) prefixes.add(p)
    } else if (change.kind === 'laborModels' && !(change.before && change.after && onlyRelatedNewsChanged(change.before, change.after))) {
      urls.add(routes.models.url({}))
      for (const p of facetPrefixes('laborModels')) prefixes.add(p)
    }
  }
  return { urls: [...urls].sort(), prefixes: [...prefixes].sort() }
}

/** Detail pages that no longer exist after the changes (unpublished, deleted, or renamed). */
export const removedUrls = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => (c.before && c.before.slug !== c.after?.slug ? [detailUrl(c.kind, c.before.slug)] : []))
