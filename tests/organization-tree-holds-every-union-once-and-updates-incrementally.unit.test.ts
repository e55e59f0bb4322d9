import { describe, expect, it } from 'vitest'

import { organizations as sampleOrgs } from '../cms/seed/data/organizations'
import type { SnapshotOrganization } from '../content-models/snapshot'
import type { Change } from '../content-models/changes'
import { touchedPages } from '../site/incremental/plan'
import { serviceWith, snapshotWith } from './helpers/snapshots'
import { ancestors, flattenTree, organizationJsonLd, organizationTree } from '../site/lib/organizations'
import { recordUrl } from '../site/routes'

/** The sample tree as the snapshot carries it. */
const orgs: SnapshotOrganization[] = sampleOrgs.map((o) => ({
  id: o.key,
  slug: `org-${o.key}`,
  name: o.name,
  kind: o.kind,
  parentSlug: o.parentKey ? `org-${o.parentKey}` : undefined,
  address: o.address,
  phones: (o.phones ?? []).map((p) => ({
    number: p.number,
    label: p.label,
    hours: p.hours,
    kind: 'voice' as const,
    hotline: Boolean(p.hotline),
  })),
}))
const bySlug = new Map(orgs.map((o) => [o.slug, o]))
const touched = (changes: Change[]) => touchedPages(changes, snapshotWith({})).urls

describe('organizationTree', () => {
  it('holds every organization exactly once, each under its own parent, at its depth', () => {
    const nodes = flattenTree(organizationTree(orgs))
    expect(nodes.map((n) => n.org.slug).sort()).toEqual(orgs.map((o) => o.slug).sort())
    const walk = (list: ReturnType<typeof organizationTree>, parent?: SnapshotOrganization) => {
      for (const n of list) {
        expect(n.org.parentSlug, n.org.name).toBe(parent?.slug)
        expect(n.depth, n.org.name).toBe(ancestors(n.org, bySlug).length)
        walk(n.children, n.org)
      }
    }
    walk(organizationTree(orgs))
    expect(Math.max(...nodes.map((n) => n.depth))).toBe(3)
  })

  it('lists federations before grassroots unions among siblings, whatever the input order', () => {
    const tree = organizationTree([...orgs].reverse())
    expect(JSON.stringify(tree)).toBe(JSON.stringify(organizationTree(orgs)))
    for (const n of flattenTree(tree)) {
      const kinds = n.children.map((c) => c.org.kind)
      if (kinds.includes('enterprise') && kinds.includes('federation'))
        expect(kinds.indexOf('federation')).toBeLessThan(kinds.indexOf('enterprise'))
    }
  })

  it('makes an organization with a missing parent, or in a loop, a root instead of losing it', () => {
    const a: SnapshotOrganization = { id: 'a', slug: 'a', name: '甲工会', kind: 'enterprise', parentSlug: 'b', phones: [] }
    const b: SnapshotOrganization = { id: 'b', slug: 'b', name: '乙工会', kind: 'enterprise', parentSlug: 'a', phones: [] }
    const orphan: SnapshotOrganization = { id: 'c', slug: 'c', name: '丙工会', kind: 'community', parentSlug: 'gone', phones: [] }
    const nodes = flattenTree(organizationTree([a, b, orphan]))
    expect(nodes.map((n) => n.org.slug).sort()).toEqual(['a', 'b', 'c'])
    expect(ancestors(a, new Map([a, b].map((o) => [o.slug, o]))).map((o) => o.slug)).toEqual(['b'])
  })
})

describe('organizationJsonLd', () => {
  it('names the parent and the children, with phones and address', () => {
    const street = orgs.find((o) => o.kind === 'subdistrict')!
    const parent = bySlug.get(street.parentSlug!)!
    const children = orgs.filter((o) => o.parentSlug === street.slug)
    const ld = organizationJsonLd(street, 'https://example.org', parent, children)
    expect(ld.parentOrganization).toEqual({
      '@type': 'Organization',
      '@id': `https://example.org${recordUrl('organizations', parent.slug)}`,
      name: parent.name,
    })
    expect(ld.subOrganization?.map((c) => c.name)).toEqual(children.map((c) => c.name))
    expect(ld.contactPoint?.map((c) => c.telephone)).toEqual(street.phones.map((p) => p.number))
    expect(ld.address?.streetAddress).toBe(street.address)
    expect(organizationJsonLd(bySlug.get('org-city-fed')!, 'https://example.org').parentOrganization).toBeUndefined()
  })
})

describe('the incremental plan for organizations', () => {
  const street = orgs.find((o) => o.kind === 'subdistrict')!

  it('renders the changed organization and its parent (which lists it), old and new', () => {
    const moved = { ...street, phones: [], parentSlug: 'org-city-fed' }
    expect(touched([{ kind: 'organizations', before: street, after: moved }])).toEqual(
      [
        recordUrl('organizations', street.slug),
        recordUrl('organizations', street.parentSlug!),
        recordUrl('organizations', 'org-city-fed'),
      ].sort(),
    )
  })

  it('renders the organization page a service, home or article appears on', () => {
    const service = serviceWith({
      slug: 'svc-x',
      name: '某服务',
      category: 'legal-aid',
      provider: { slug: street.slug, name: street.name },
    })
    const moved = { ...service, provider: { slug: 'org-city-fed', name: '江南市总工会' } }
    const prefixes = touched([{ kind: 'services', before: service, after: moved }])
    expect(prefixes).toContain(recordUrl('organizations', street.slug))
    expect(prefixes).toContain(recordUrl('organizations', 'org-city-fed'))
    expect(prefixes).toContain('/services/svc-x/')
  })
})
