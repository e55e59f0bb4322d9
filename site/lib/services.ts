/**
 * Build-time helpers for the service pages, the hotline page and the open-data export:
 * phone order and links, map links, hotline groups, schema.org JSON-LD. Opening hours as
 * text and as schema.org come from hours.ts.
 */
import type { SnapshotLocation, SnapshotPhone, SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { amenities, audiences, costKinds, labelOf, serviceCategories } from '../../content-models/options'
import { smsHref, telHref } from './format'
import { amapLink, baiduLink } from './mapLinks'
import { hoursAvailable, openingHoursSpecification, upcomingExceptions } from './hours'
import { districtOf } from './serviceDirectory'

/** Hotline numbers first, otherwise in the order staff entered them. */
export const phonesHotlineFirst = (phones: readonly SnapshotPhone[]) => [
  ...phones.filter((p) => p.hotline),
  ...phones.filter((p) => !p.hotline),
]

export const phoneHref = (p: Pick<SnapshotPhone, 'number' | 'kind'>) => (p.kind === 'sms' ? smsHref(p.number) : telHref(p.number))

/** Map apps open from a plain link (no tiles, no script); see mapLinks.ts. */
export const amapHref = (l: SnapshotLocation, name: string) =>
  l.coordinates ? amapLink({ ...l.coordinates, name, address: l.address }) : undefined

export const baiduHref = (l: SnapshotLocation, name: string) =>
  l.coordinates ? baiduLink({ ...l.coordinates, name, address: l.address }) : undefined

export const statusBadge = (status: SnapshotService['status']) =>
  status === 'active' ? undefined : { text: status === 'ended' ? '已停止' : '暂停服务', tone: 'warn' as const }

/** District names for search filters; a city-wide service also carries the city's name. */
export const regionNames = (s: SnapshotService, regions: readonly SnapshotRegion[]): string[] => {
  const names = new Set<string>()
  for (const l of s.locations) {
    const d = districtOf(l.district, regions)
    if (d) names.add(d.name)
  }
  for (const a of s.serviceArea) names.add((districtOf(a, regions) ?? a).name)
  return [...names]
}

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined)

/** schema.org Service with its phones (ContactPoint) and places as channels. */
export const serviceJsonLd = (s: SnapshotService, url: string) => ({
  '@context': 'https://schema.org',
  '@type': 'Service',
  '@id': url,
  url,
  name: s.name,
  description: s.summary,
  serviceType: labelOf(serviceCategories, s.category),
  inLanguage: 'zh-CN',
  provider: s.provider ? { '@type': 'Organization', name: s.provider.name } : undefined,
  areaServed: nonEmpty(s.serviceArea.map((r) => ({ '@type': 'AdministrativeArea', name: r.name, identifier: r.code }))),
  audience: s.audiences.length
    ? { '@type': 'Audience', audienceType: s.audiences.map((a) => labelOf(audiences, a)).join('、') }
    : undefined,
  offers: {
    '@type': 'Offer',
    ...(s.cost.kind === 'free' ? { price: '0', priceCurrency: 'CNY' } : {}),
    description: [labelOf(costKinds, s.cost.kind), s.cost.note].filter(Boolean).join('：'),
  },
  availableChannel: nonEmpty([
    ...phonesHotlineFirst(s.phones).map((p) => {
      return {
        '@type': 'ServiceChannel',
        name: p.label ?? (p.hotline ? '热线' : '电话'),
        servicePhone: {
          '@type': 'ContactPoint',
          telephone: p.number,
          contactType: p.label ?? (p.hotline ? '热线' : '咨询电话'),
          availableLanguage: 'zh-CN',
          hoursAvailable: hoursAvailable(p.hours),
          description: p.hours,
        },
      }
    }),
    ...(s.website ? [{ '@type': 'ServiceChannel', name: '网站', serviceUrl: s.website }] : []),
    ...s.locations.map((l) => ({
      '@type': 'ServiceChannel',
      name: l.name ?? l.address,
      serviceLocation: {
        '@type': 'Place',
        name: l.name ?? s.name,
        address: { '@type': 'PostalAddress', streetAddress: l.address, addressLocality: l.district?.name, addressCountry: 'CN' },
        geo: l.coordinates ? { '@type': 'GeoCoordinates', latitude: l.coordinates.lat, longitude: l.coordinates.lng } : undefined,
        openingHoursSpecification: nonEmpty(openingHoursSpecification(l.openingHours, upcomingExceptions(l.hoursExceptions))),
        amenityFeature: nonEmpty(
          l.amenities.map((a) => ({ '@type': 'LocationFeatureSpecification', name: labelOf(amenities, a), value: true })),
        ),
      },
    })),
  ]),
})

export interface HotlineEntry {
  number: string
  label?: string
  hours?: string
  sms: boolean
  services: { slug: string; name: string }[]
  /** A 街道 the number serves, shown beside it when the group is its district. */
  area?: string
}

export interface HotlineGroup {
  region: SnapshotRegion
  topics: { category: string; label: string; entries: HotlineEntry[] }[]
}

/**
 * Hotline-flagged numbers other than the national one, grouped by the region they serve (the
 * city first, then districts by code; a 街道 goes under its district) and within it by topic
 * (service category). Ended services are left out; a number listed by several services of
 * one group and topic appears once.
 */
export const hotlineGroups = (
  services: readonly SnapshotService[],
  regions: readonly SnapshotRegion[],
  national: string,
): HotlineGroup[] => {
  const groups = new Map<string, HotlineGroup>()
  const city = regions.find((r) => r.level === 'city')
  for (const s of services) {
    if (s.status === 'ended') continue
    const areas = s.serviceArea.length ? s.serviceArea : s.locations.flatMap((l) => (l.district ? [l.district] : []))
    const targets = (areas.length ? areas : city ? [city] : []).map((a) => ({
      group: districtOf(a, regions) ?? a,
      area: a.level === 'subdistrict' ? a.name : undefined,
    }))
    for (const p of s.phones) {
      if (!p.hotline || p.number === national) continue
      for (const { group: region, area } of targets) {
        const group = groups.get(region.code) ?? { region, topics: [] }
        groups.set(region.code, group)
        let topic = group.topics.find((t) => t.category === s.category)
        if (!topic) group.topics.push((topic = { category: s.category, label: labelOf(serviceCategories, s.category), entries: [] }))
        const existing = topic.entries.find((e) => e.number === p.number)
        if (existing) {
          if (!existing.services.some((x) => x.slug === s.slug)) existing.services.push({ slug: s.slug, name: s.name })
        } else
          topic.entries.push({
            number: p.number,
            label: p.label,
            hours: p.hours,
            sms: p.kind === 'sms',
            services: [{ slug: s.slug, name: s.name }],
            area,
          })
      }
    }
  }
  const rank = (r: SnapshotRegion) => (r.level === 'province' ? 0 : r.level === 'city' ? 1 : 2)
  const catIndex = (c: string) => serviceCategories.findIndex((x) => x.value === c)
  return [...groups.values()]
    .sort((a, b) => rank(a.region) - rank(b.region) || a.region.code.localeCompare(b.region.code))
    .map((g) => ({ ...g, topics: g.topics.sort((a, b) => catIndex(a.category) - catIndex(b.category)) }))
}

/**
 * National public-service short numbers (123xx) that services list without the hotline flag,
 * e.g. 12348 public legal services or 12333 social security: workers ask for them by topic.
 */
export const publicShortNumbers = (services: readonly SnapshotService[], national: string) => {
  const found = new Map<string, HotlineEntry>()
  for (const s of services) {
    if (s.status === 'ended') continue
    for (const p of s.phones) {
      if (p.hotline || p.number === national || !/^12\d{3}$/.test(p.number)) continue
      const e = found.get(p.number) ?? { number: p.number, label: p.label, hours: p.hours, sms: false, services: [] }
      if (!e.services.some((x) => x.slug === s.slug)) e.services.push({ slug: s.slug, name: s.name })
      found.set(p.number, e)
    }
  }
  return [...found.values()].sort((a, b) => a.number.localeCompare(b.number))
}
