/**
 * The service directory's item model and filter rules. Pure: the /services/ page builds the
 * items at build time, the ServiceDirectory island filters them in the browser, tests run both.
 *
 * An item carries only what the list shows and the filters read, not the whole service:
 * the island's props are serialised into the page, and the page must stay light on a phone.
 */
import type { SnapshotHours, SnapshotHoursException, SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { audiences, labelOf, serviceCategories } from '../../content-models/options'
import { isPlace } from './nearby'
import { hoursFromText, openState } from './openNow'
import type { OpenState } from './openNow'

export interface DirectorySchedule {
  hours: SnapshotHours[]
  exceptions: SnapshotHoursException[]
}

export interface DirectoryItem {
  id: string
  slug: string
  name: string
  category: string
  status: SnapshotService['status']
  eligibility?: string
  /** Codes of the districts (区县) where the service has a location or that its area covers. */
  districts: string[]
  /** Serves the whole city (or wider): matches every district filter. */
  citywide: boolean
  audiences: string[]
  /** The first phone, shown as the tap-to-call link. */
  phone?: { number: string; label?: string; sms?: boolean }
  /** Other words the free-text filter searches: summary, provider, other numbers. */
  keywords: string
  /** Location hours, and phone hours read from their text; "open now" if any is open. */
  schedules: DirectorySchedule[]
  /** Locations with coordinates, for "nearest first" and the map-app links. */
  places: DirectoryPlace[]
}

export interface DirectoryPlace {
  lat: number
  lng: number
  /** The location's own name, when it has one; map links fall back to the service name. */
  name?: string
  address: string
}

export interface DirectoryFilters {
  category: string
  district: string
  audience: string
  openNow: boolean
  q: string
}

export const noFilters: DirectoryFilters = { category: '', district: '', audience: '', openNow: false, q: '' }

export const hasFilters = (f: DirectoryFilters) => Boolean(f.category || f.district || f.audience || f.openNow || f.q.trim())

const DISTRICT_LEVEL = 'district'
const WIDE_LEVELS = new Set(['city', 'province'])

/** The district (区县) a region belongs to: itself, or its parent for a 街道/乡镇. */
export const districtOf = (region: SnapshotRegion | undefined, regions: readonly SnapshotRegion[]): SnapshotRegion | undefined => {
  if (!region) return undefined
  if (region.level === DISTRICT_LEVEL) return region
  if (region.level === 'subdistrict' && region.parentCode) return regions.find((r) => r.code === region.parentCode)
  return undefined
}

/** District codes of a service (locations first, then its service area), and whether it is city-wide. */
export const serviceReach = (service: SnapshotService, regions: readonly SnapshotRegion[]) => {
  const codes = new Set<string>()
  for (const l of service.locations) {
    const d = districtOf(l.district, regions)
    if (d) codes.add(d.code)
  }
  for (const area of service.serviceArea) {
    const d = districtOf(area, regions)
    if (d) codes.add(d.code)
  }
  const citywide = service.serviceArea.some((a) => WIDE_LEVELS.has(a.level)) || codes.size === 0
  return { districts: [...codes], citywide }
}

/**
 * The directory item of a service. "Open now" reads each location's hours and each phone's
 * hours, except the national hotline when a service only lists it as a fallback: 12351 answers
 * around the clock, and a legal-aid office that mentions it is still closed at night.
 */
export const toDirectoryItem = (service: SnapshotService, regions: readonly SnapshotRegion[], nationalHotline = '12351'): DirectoryItem => {
  const first = service.phones[0]
  const schedules: DirectorySchedule[] = service.locations
    .filter((l) => l.openingHours.length > 0 || l.hoursExceptions.length > 0)
    .map((l) => ({ hours: l.openingHours, exceptions: l.hoursExceptions }))
  for (const p of service.phones) {
    if (p.number === nationalHotline && p !== first) continue
    const hours = p.kind === 'voice' ? hoursFromText(p.hours) : undefined
    // One schedule per distinct text: a service listing 12351 twice gains nothing.
    if (hours && !schedules.some((s) => JSON.stringify(s.hours) === JSON.stringify(hours))) schedules.push({ hours, exceptions: [] })
  }
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    category: service.category,
    status: service.status,
    eligibility: service.eligibility,
    ...serviceReach(service, regions),
    audiences: service.audiences,
    phone: first ? { number: first.number, label: first.label, ...(first.kind === 'sms' ? { sms: true } : {}) } : undefined,
    keywords: [
      service.summary,
      service.provider?.name,
      ...service.phones.slice(1).map((p) => p.number),
      ...service.locations.map((l) => `${l.name ?? ''} ${l.address}`),
    ]
      .filter(Boolean)
      .join(' '),
    schedules,
    places: service.locations.flatMap((l) =>
      isPlace(l.coordinates)
        ? [{ lat: l.coordinates.lat, lng: l.coordinates.lng, ...(l.name ? { name: l.name } : {}), address: l.address }]
        : [],
    ),
  }
}

/**
 * What of a service `toDirectoryItem` reads, as one string: when an edit leaves it equal, the
 * directory's pages and data files are as they were (an incremental publish renders none).
 * Kept beside toDirectoryItem so the two change together.
 */
export const directoryView = (service: SnapshotService): string =>
  JSON.stringify([
    service.id,
    service.slug,
    service.name,
    service.category,
    service.status,
    service.eligibility,
    service.audiences,
    service.phones,
    service.locations,
    service.serviceArea,
    service.summary,
    service.provider?.name,
  ])

const STATUS_ORDER: Record<string, number> = { active: 0, 'temporarily-closed': 1, ended: 2 }

/**
 * Directory order: by category as the vocabulary lists them, active first, then in the order
 * the services were first saved. Not by name: a new service then lands at the end of its
 * category's lists, so publishing it renders their last pages, not every page after the
 * place its name sorts to (issue 25's bound on pages per publish).
 */
export const directoryOrder = <S extends Pick<SnapshotService, 'category' | 'status' | 'createdAt' | 'id'>>(services: readonly S[]): S[] =>
  [...services].sort(
    (a, b) =>
      serviceCategories.findIndex((c) => c.value === a.category) - serviceCategories.findIndex((c) => c.value === b.category) ||
      (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
      a.createdAt.localeCompare(b.createdAt) ||
      olderId(a.id, b.id),
  )

/** Saved in the same millisecond: SQLite's ids are integers (the shorter is older), MongoDB's ObjectIds one length, time first. */
const olderId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)

/** Every service as the directory shows it, in directory order. */
export const directoryItems = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) =>
  directoryOrder(services).map((s) => toDirectoryItem(s, regions, nationalHotline))

/** Open now: an active service with any location or phone open at `now` (China time). */
export const isItemOpen = (item: DirectoryItem, now: Date) =>
  item.status === 'active' && item.schedules.some((s) => openState(s.hours, s.exceptions, now) === 'open')

/** Open if any location or phone is open, closed if every one with known hours is closed, else unknown. */
export const itemOpenState = (item: DirectoryItem, now: Date): OpenState => {
  if (item.status !== 'active') return 'closed'
  const states = item.schedules.map((s) => openState(s.hours, s.exceptions, now))
  if (states.includes('open')) return 'open'
  return states.includes('closed') ? 'closed' : 'unknown'
}

const haystack = (item: DirectoryItem, districtNames: Record<string, string>) =>
  [
    item.name,
    labelOf(serviceCategories, item.category),
    item.eligibility,
    item.phone?.number,
    item.phone?.label,
    item.keywords,
    ...item.districts.map((d) => districtNames[d]),
    item.citywide ? '全市' : '',
    ...item.audiences.map((a) => labelOf(audiences, a)),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()

/**
 * Whether an item passes the filters. A district matches services located in it or serving
 * it, including city-wide ones; an audience matches services for that group or for everyone;
 * free text matches when every space-separated word appears somewhere in the item.
 */
export const matches = (
  item: DirectoryItem,
  f: DirectoryFilters,
  now: Date | undefined,
  districtNames: Record<string, string> = {},
): boolean => {
  if (f.category && item.category !== f.category) return false
  if (f.district && !item.citywide && !item.districts.includes(f.district)) return false
  if (f.audience && !item.audiences.includes(f.audience) && !item.audiences.includes('everyone')) return false
  if (f.openNow && (!now || !isItemOpen(item, now))) return false
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length) {
    const text = haystack(item, districtNames)
    if (!words.every((w) => text.includes(w))) return false
  }
  return true
}

/**
 * The directory's static pages (GOV.UK finder style, lib/directoryPages.ts): a category's list,
 * and a district's or an audience's lists a category at a time. A list holds the items
 * `matches` keeps for its filters, so the page a worker reaches with JavaScript off holds what
 * the island shows for the same choice.
 */
export type ServiceFacetKey = 'category' | 'district' | 'audience'

export interface ServiceFacetValue {
  value: string
  label: string
  count: number
}

export interface ServiceFacet {
  key: ServiceFacetKey
  label: string
  values: ServiceFacetValue[]
}

const FACET_LABELS: Record<ServiceFacetKey, string> = { category: '类别', district: '地区', audience: '适用人群' }

/** The filters a facet page stands for. */
export const facetFilters = (key: ServiceFacetKey, value: string): DirectoryFilters => ({ ...noFilters, [key]: value })

/** The facets with the values that have at least one item, in vocabulary (or region list) order. */
export const serviceFacets = (items: readonly DirectoryItem[], districts: readonly { value: string; label: string }[]): ServiceFacet[] => {
  const count = (key: ServiceFacetKey, value: string) => items.filter((i) => matches(i, facetFilters(key, value), undefined)).length
  const values = (key: ServiceFacetKey, pairs: readonly { value: string; label: string }[]) =>
    pairs.map((p) => ({ value: p.value, label: p.label, count: count(key, p.value) })).filter((v) => v.count > 0)
  return [
    { key: 'category', label: FACET_LABELS.category, values: values('category', serviceCategories) },
    { key: 'district', label: FACET_LABELS.district, values: values('district', districts) },
    // Services for everyone are on every audience's page, so an audience is offered when some service names it.
    {
      key: 'audience',
      label: FACET_LABELS.audience,
      values: values(
        'audience',
        audiences.filter((a) => a.value !== 'everyone' && items.some((i) => i.audiences.includes(a.value))),
      ),
    },
  ]
}

/** Services on one page of a filter page; a phone shows a page without scrolling for ages. */
export const SERVICES_PER_PAGE = 20

export interface ServicePage<T = DirectoryItem> {
  items: T[]
  /** 1-based; page 1 lives at the filter's own URL, page n at `page/n/`. */
  current: number
  total: number
}

/** Splits a directory list into pages, first page first: the directory runs in the order services were saved, not newest first. */
export const servicePages = <T = DirectoryItem>(items: readonly T[], size = SERVICES_PER_PAGE): ServicePage<T>[] => {
  const total = Math.max(1, Math.ceil(items.length / size))
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), current: i + 1, total }))
}

/** The URL tail of a page below its filter's URL: nothing for page 1. */
export const servicePageSegment = (current: number) => (current === 1 ? undefined : `page/${current}`)
