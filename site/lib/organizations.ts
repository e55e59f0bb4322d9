/**
 * The union organization tree (工会组织): 总工会 → 区县/产业工会 → 街道/乡镇 → 社区、楼宇、园区、企业工会,
 * built from each organization's parent, and what hangs off each node (services it provides,
 * workers' homes it runs, its news). Pure: pages and tests call it with snapshot records.
 */
import type { SnapshotArticle, SnapshotOrganization, SnapshotService, SnapshotWorkersHome } from '../../content-models/snapshot'
import { labelOf, organizationKinds } from '../../content-models/options'
import { routes } from '../routes'

export interface OrgNode {
  org: SnapshotOrganization
  children: OrgNode[]
  /** 0 for a root (the city federation), 1 for its children, … */
  depth: number
}

/** Siblings in the order the tree reads: federations and industry unions before grassroots ones. */
const KIND_ORDER = ['federation', 'industry', 'trade', 'subdistrict', 'park', 'building', 'community', 'enterprise']
const kindRank = (kind: string) => {
  const i = KIND_ORDER.indexOf(kind)
  return i < 0 ? KIND_ORDER.length : i
}
const bySiblingOrder = (a: SnapshotOrganization, b: SnapshotOrganization) =>
  kindRank(a.kind) - kindRank(b.kind) || (a.region?.code ?? '').localeCompare(b.region?.code ?? '') || a.name.localeCompare(b.name, 'zh-CN')

/**
 * The forest of organizations. An organization whose parent is not in the snapshot (or that
 * would close a loop) becomes a root, so every organization appears exactly once.
 */
export const organizationTree = (orgs: readonly SnapshotOrganization[]): OrgNode[] => {
  const bySlug = new Map(orgs.map((o) => [o.slug, o]))
  const childrenOf = new Map<string, SnapshotOrganization[]>()
  const roots: SnapshotOrganization[] = []
  for (const o of orgs) {
    const parent = o.parentSlug ? bySlug.get(o.parentSlug) : undefined
    if (parent && !inLoop(o, bySlug)) childrenOf.set(parent.slug, [...(childrenOf.get(parent.slug) ?? []), o])
    else roots.push(o)
  }
  const grow = (o: SnapshotOrganization, depth: number): OrgNode => ({
    org: o,
    depth,
    children: (childrenOf.get(o.slug) ?? []).sort(bySiblingOrder).map((c) => grow(c, depth + 1)),
  })
  return roots.sort(bySiblingOrder).map((o) => grow(o, 0))
}

/** Whether following parents from `org` comes back to it. */
const inLoop = (org: SnapshotOrganization, bySlug: ReadonlyMap<string, SnapshotOrganization>) => {
  const seen = new Set<string>()
  let next = org.parentSlug ? bySlug.get(org.parentSlug) : undefined
  while (next && !seen.has(next.slug)) {
    if (next.slug === org.slug) return true
    seen.add(next.slug)
    next = next.parentSlug ? bySlug.get(next.parentSlug) : undefined
  }
  return false
}

/** Every node of the tree, parents before children. */
export const flattenTree = (nodes: readonly OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flattenTree(n.children)])

/** Parent, grandparent, … up to the root; stops at a loop or a parent missing from the snapshot. */
export const ancestors = (org: SnapshotOrganization, bySlug: ReadonlyMap<string, SnapshotOrganization>): SnapshotOrganization[] => {
  const chain: SnapshotOrganization[] = []
  const seen = new Set([org.slug])
  let next = org.parentSlug ? bySlug.get(org.parentSlug) : undefined
  while (next && !seen.has(next.slug)) {
    chain.push(next)
    seen.add(next.slug)
    next = next.parentSlug ? bySlug.get(next.parentSlug) : undefined
  }
  return chain
}

export const kindLabel = (org: SnapshotOrganization) => labelOf(organizationKinds, org.kind)

/** How many news items an organization page lists; the rest are in the news archive. */
export const ORG_NEWS_LIMIT = 10

/** What an organization runs and reports, for its page. Ended services are left out. */
export const organizationHoldings = (
  org: SnapshotOrganization,
  content: { services: readonly SnapshotService[]; homes: readonly SnapshotWorkersHome[]; articles: readonly SnapshotArticle[] },
) => ({
  services: content.services
    .filter((s) => s.provider?.slug === org.slug && s.status !== 'ended')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  homes: content.homes.filter((h) => h.organization?.slug === org.slug).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  /** Newest first (the articles arrive sorted). */
  articles: content.articles.filter((a) => a.organization?.slug === org.slug).slice(0, ORG_NEWS_LIMIT),
})

/** schema.org Organization with its parent and children, phones and address. */
export const organizationJsonLd = (
  org: SnapshotOrganization,
  siteUrl: string,
  parent?: SnapshotOrganization,
  children: readonly SnapshotOrganization[] = [],
) => {
  const url = `${siteUrl}${routes.organization.url({ slug: org.slug })}`
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    url,
    name: org.name,
    description: kindLabel(org),
    address: org.address
      ? { '@type': 'PostalAddress', streetAddress: org.address, addressLocality: org.region?.name, addressCountry: 'CN' }
      : undefined,
    telephone: org.phones[0]?.number,
    contactPoint: org.phones.length
      ? org.phones.map((p) => ({
          '@type': 'ContactPoint',
          telephone: p.number,
          contactType: p.label ?? '电话',
          description: p.hours,
          availableLanguage: 'zh-CN',
        }))
      : undefined,
    sameAs: org.website,
    parentOrganization: parent
      ? { '@type': 'Organization', '@id': `${siteUrl}${routes.organization.url({ slug: parent.slug })}`, name: parent.name }
      : undefined,
    subOrganization: children.length
      ? children.map((c) => ({ '@type': 'Organization', '@id': `${siteUrl}${routes.organization.url({ slug: c.slug })}`, name: c.name }))
      : undefined,
  }
}
