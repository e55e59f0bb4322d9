import type { SnapshotArticle, SnapshotLaborModel, SnapshotOrganization, SnapshotService, SnapshotWorkersHome } from '../../content-models/snapshot'
import { year } from '../lib/format'

/**
 * Which URLs a change touches. The site owns its URL scheme, so the CMS hands over the
 * records as they were and as they are now (either may be missing: published for the first
 * time, or unpublished/deleted) and the site answers with URL prefixes to render again.
 */
export type Change =
  | { kind: 'articles'; before?: SnapshotArticle; after?: SnapshotArticle }
  | { kind: 'services'; before?: SnapshotService; after?: SnapshotService }
  | { kind: 'workersHomes'; before?: SnapshotWorkersHome; after?: SnapshotWorkersHome }
  | { kind: 'laborModels'; before?: SnapshotLaborModel; after?: SnapshotLaborModel }
  | { kind: 'organizations'; before?: SnapshotOrganization; after?: SnapshotOrganization }

const SECTION = { articles: 'news', services: 'services', workersHomes: 'homes', laborModels: 'models', organizations: 'organizations' } as const

/** The detail page of a record. */
export const detailUrl = (kind: Change['kind'], slug: string) => `/${SECTION[kind]}/${slug}/`

/** A union organization's page (工会组织); the tree at /organizations/ always renders. */
export const organizationUrl = (slug: string) => detailUrl('organizations', slug)

/** The organization page a record appears on: a service's provider, a home's or an article's union. */
const organizationOf = (change: Change, r: NonNullable<Change['before']>): string | undefined => {
  if (change.kind === 'services') return (r as SnapshotService).provider?.slug
  if (change.kind === 'workersHomes' || change.kind === 'articles') return (r as SnapshotWorkersHome | SnapshotArticle).organization?.slug
  return undefined
}

const listingsOf = (article: SnapshotArticle): string[] => [
  ...article.categories.map((c) => `/news/category/${c.slug}/`),
  ...(article.region ? [`/news/region/${article.region.code}/`] : []),
  `/news/archive/${year(article.publishedAt)}/`,
]

/** A labor model whose only change is its list of related news keeps its place in the gallery. */
const onlyRelatedNewsChanged = (a: SnapshotLaborModel, b: SnapshotLaborModel) =>
  JSON.stringify({ ...a, relatedArticles: [] }) === JSON.stringify({ ...b, relatedArticles: [] })

/** Same URL, date, sections and region: the article keeps its place in every listing. */
export const editedInPlace = (before: SnapshotArticle | undefined, after: SnapshotArticle | undefined): after is SnapshotArticle =>
  before !== undefined &&
  after !== undefined &&
  before.slug === after.slug &&
  before.publishedAt === after.publishedAt &&
  before.region?.code === after.region?.code &&
  listingsOf(before).join() === listingsOf(after).join()

export const touchedPrefixes = (changes: readonly Change[]): string[] => {
  const prefixes = new Set<string>()
  for (const change of changes) {
    const records = [change.before, change.after].filter((r): r is NonNullable<typeof r> => r !== undefined)
    for (const r of records) prefixes.add(detailUrl(change.kind, r.slug))
    for (const r of records) {
      const org = organizationOf(change, r)
      if (org) prefixes.add(organizationUrl(org))
    }
    if (change.kind === 'organizations') {
      // The parent lists its children (name, kind, region); the children name their parent.
      for (const o of records as SnapshotOrganization[]) if (o.parentSlug) prefixes.add(organizationUrl(o.parentSlug))
      continue
    }
    if (change.kind === 'articles') {
      if (editedInPlace(change.before, change.after)) continue
      // Every later page of the news list shifts by one when an article comes or goes.
      prefixes.add('/news/page/')
      for (const a of [change.before, change.after]) if (a) for (const p of listingsOf(a)) prefixes.add(p)
    } else if (change.kind === 'workersHomes') {
      prefixes.add('/homes/')
    } else if (change.kind === 'laborModels') {
      if (!(change.before && change.after && onlyRelatedNewsChanged(change.before, change.after))) prefixes.add('/models/')
    }
  }
  return [...prefixes].sort()
}

/** News edited in place: only the listing pages that show them are rendered again. */
export const editedInPlaceSlugs = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => (c.kind === 'articles' && editedInPlace(c.before, c.after) ? [c.after.slug] : []))

/** Detail pages that no longer exist after the changes (unpublished, deleted, or renamed). */
export const removedUrls = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => (c.before && c.before.slug !== c.after?.slug ? [detailUrl(c.kind, c.before.slug)] : []))

/**
 * Detail URLs whose title changed or went away: other pages may link to them (related news,
 * a labor model's news), and those links must be found and rendered again.
 */
export const relinkedUrls = (changes: readonly Change[]): string[] =>
  changes.flatMap((c) => {
    if (!c.before) return []
    const before = c.before as { slug: string; title?: string; name?: string }
    const after = c.after as { slug: string; title?: string; name?: string } | undefined
    const gone = !after || after.slug !== before.slug
    return gone || (before.title ?? before.name) !== (after.title ?? after.name) ? [detailUrl(c.kind, before.slug)] : []
  })
