/**
 * The worker-service directory as open data, shaped after Open Referral HSDS 3.0
 * (https://docs.openreferral.org/en/latest/hsds/schema_reference.html): the body is the
 * `GET /services` answer of the HSDS API — a one-page Page object whose `contents` are
 * compiled service records, each with its organization, phones, service areas, documents,
 * costs, attributes and service_at_locations → location → addresses / schedules nested.
 *
 * Mapping from the snapshot (content-models/snapshot.ts → HSDS field):
 *   id, slug                  → id: a UUID derived from the slug (HSDS ids are UUIDs; stable
 *                               across exports because slugs are)
 *   name, summary             → name, description
 *   status                    → status: active → "active", temporarily-closed →
 *                               "temporarily closed", ended → "defunct"
 *   alert                     → alert
 *   eligibility, audiences    → eligibility_description; audiences also as attributes
 *   howToApply (steps)        → application_process (numbered lines)
 *   documents                 → required_documents[].document
 *   cost.kind + cost.note     → fees_description; cost_options[] (free → amount 0 CNY)
 *   category                  → attributes[] with a taxonomy_term {code, name, description}
 *                               in this portal's own vocabulary (content-models/options.ts)
 *   provider (+ organizations)→ organization {id, name, description (kind, region, address),
 *                               website, parent_organization_id,
 *                               phones}; organization_id
 *   phones                    → phones[] {number, extension, type: voice/text, description:
 *                               label · hours · 热线}; hotline numbers first
 *   website                   → url when the service has its own site; otherwise url is the
 *                               service's page on this portal
 *   serviceArea               → service_areas[] {name, description: level, uri: division code}
 *   locations                 → service_at_locations[] {schedules[], location: {name,
 *                               location_type "physical", latitude/longitude (WGS84),
 *                               addresses[] {address_1, city, region (district),
 *                               state_province, postal_code "" (not kept), country "CN",
 *                               address_type "physical"}}};
 *                               amenities go into location.description as labels. The hours
 *                               are this service's at that place, so they sit on the
 *                               service_at_location, not on the location
 *   openingHours              → schedules[] {freq WEEKLY, wkst MO, byday "MO,TU", opens_at,
 *                               closes_at (HH:MM+08:00: HSDS asks times to carry their UTC
 *                               offset; 24:00 is 23:59), timezone 8, description}; 24-hour days are
 *                               00:00–23:59 with description "24 小时"
 *   hoursExceptions           → schedules[] {valid_from = valid_to = the date, description
 *                               "闭馆" or special hours, notes}
 *   lastVerified, updatedAt   → assured_date, last_modified
 *   (language)                → languages[] {name 中文, code zh}
 */
import { createHash } from 'node:crypto'

import { amenities, audiences, costKinds, labelOf, organizationKinds, regionLevels, serviceCategories } from '../../content-models/options'
import type {
  SnapshotHours,
  SnapshotHoursException,
  SnapshotOrganization,
  SnapshotPhone,
  SnapshotRegion,
  SnapshotService,
} from '../../content-models/snapshot'
import { routes } from '../routes'
import { timeText } from './hours'
import { phonesHotlineFirst } from './services'
import { directoryOrder } from './serviceDirectory'

/** Name-based (version 5 style) UUID: the same key gives the same id in every export. */
export const hsdsId = (key: string): string => {
  const h = createHash('sha1').update(`union-portal:${key}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

const HSDS_STATUS: Record<SnapshotService['status'], string> = {
  active: 'active',
  'temporarily-closed': 'temporarily closed',
  ended: 'defunct',
}
/**
 * Opening hours are China time (site/lib/openNow.ts); HSDS wants the offset on each time, and
 * an hour of 00–23 (the CMS also accepts 24:00 for "until midnight").
 */
const chinaTime = (hhmm: string | undefined) => (hhmm ? `${hhmm === '24:00' ? '23:59' : hhmm}+08:00` : undefined)

const BYDAY: Record<string, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' }

const phone = (p: SnapshotPhone, owner: Record<string, string>, key: string) => {
  const [number, extension] = p.number.split(/转|ext\.?|#/i)
  return {
    id: hsdsId(`phone:${key}:${p.number}`),
    ...owner,
    number: number!.trim(),
    extension: extension && /^\d+$/.test(extension.trim()) ? Number(extension.trim()) : undefined,
    type: p.kind === 'sms' ? 'text' : 'voice',
    description: [p.label, p.hours, p.hotline ? '热线' : undefined].filter(Boolean).join(' · ') || undefined,
    languages: [],
  }
}

const schedules = (hours: SnapshotHours[], exceptions: SnapshotHoursException[], owner: Record<string, string>, key: string) => [
  ...hours.map((h, i) => ({
    id: hsdsId(`schedule:${key}:${i}`),
    ...owner,
    timezone: 8,
    freq: 'WEEKLY',
    wkst: 'MO',
    interval: 1,
    byday: h.days
      .map((d) => BYDAY[d])
      .filter(Boolean)
      .join(','),
    opens_at: chinaTime(h.allDay ? '00:00' : h.opens),
    closes_at: chinaTime(h.allDay ? '23:59' : h.closes),
    description: h.allDay ? '24 小时' : h.opens && h.closes ? timeText(h.opens, h.closes) : undefined,
    attending_type: 'in person',
  })),
  ...exceptions.map((e) => ({
    id: hsdsId(`schedule:${key}:${e.date}`),
    ...owner,
    timezone: 8,
    valid_from: e.date,
    valid_to: e.date,
    opens_at: e.closed ? undefined : chinaTime(e.opens),
    closes_at: e.closed ? undefined : chinaTime(e.closes),
    description: e.closed ? '闭馆' : e.opens && e.closes ? `特殊开放时间 ${timeText(e.opens, e.closes)}` : '照常开放',
    notes: e.note,
  })),
]

const organization = (ref: SnapshotService['provider'], orgs: Map<string, SnapshotOrganization>) => {
  if (!ref) return undefined
  const o = orgs.get(ref.slug)
  const id = hsdsId(`organization:${ref.slug}`)
  return {
    id,
    name: ref.name,
    // Required by HSDS 3.0: what kind of union it is, where, and its address when known.
    description: o
      ? [labelOf(organizationKinds, o.kind), o.region?.name, o.address ? `地址：${o.address}` : undefined].filter(Boolean).join('，')
      : ref.name,
    website: o?.website,
    parent_organization_id: o?.parentSlug ? hsdsId(`organization:${o.parentSlug}`) : undefined,
    phones: (o?.phones ?? []).map((p) => phone(p, { organization_id: id }, `organization:${ref.slug}`)),
  }
}

const zh = (key: string, owner: Record<string, string>) => [{ id: hsdsId(`language:${key}`), ...owner, name: '中文', code: 'zh' }]

export interface OpenDataInput {
  services: SnapshotService[]
  regions: SnapshotRegion[]
  organizations: SnapshotOrganization[]
  /** Public address of the site, without a trailing slash: a service without a website links to its page here. */
  siteUrl: string
}

/** The `GET /services` Page of every published service; the id of service `slug` is `hsdsId(\`service:${slug}\`)`. */
export const hsdsServicePage = ({ services, regions, organizations, siteUrl }: OpenDataInput) => {
  const orgs = new Map(organizations.map((o) => [o.slug, o]))
  // Same order as the directory's pages.
  const sorted = directoryOrder(services)

  const contents = sorted.map((s) => {
    const id = hsdsId(`service:${s.slug}`)
    const org = organization(s.provider, orgs)
    const term = (taxonomy: string, code: string, name: string, description: string) => ({
      id: hsdsId(`attribute:${s.slug}:${taxonomy}:${code}`),
      link_id: id,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: hsdsId(`taxonomy_term:${taxonomy}:${code}`),
      taxonomy_term: { id: hsdsId(`taxonomy_term:${taxonomy}:${code}`), code, name, description, taxonomy, language: 'zh' },
    })
    return {
      id,
      organization_id: org?.id,
      name: s.name,
      description: s.summary,
      url: s.website ?? `${siteUrl}${routes.service.url({ slug: s.slug })}`,
      status: HSDS_STATUS[s.status],
      alert: s.alert,
      eligibility_description: s.eligibility,
      application_process: s.howToApply.length ? s.howToApply.map((step, i) => `${i + 1}. ${step}`).join('\n') : undefined,
      fees_description: [labelOf(costKinds, s.cost.kind), s.cost.note].filter(Boolean).join('：'),
      assured_date: s.lastVerified,
      last_modified: s.updatedAt,
      organization: org,
      phones: phonesHotlineFirst(s.phones).map((p) => phone(p, { service_id: id }, `service:${s.slug}`)),
      schedules: [],
      service_areas: s.serviceArea.map((r) => ({
        id: hsdsId(`service_area:${s.slug}:${r.code}`),
        service_id: id,
        name: r.name,
        description: labelOf(regionLevels, r.level),
        uri: `urn:cn-division:${r.code}`,
      })),
      required_documents: s.documents.map((d, i) => ({ id: hsdsId(`required_document:${s.slug}:${i}`), service_id: id, document: d })),
      cost_options: [
        {
          id: hsdsId(`cost_option:${s.slug}`),
          service_id: id,
          option: labelOf(costKinds, s.cost.kind),
          currency: 'CNY',
          amount: s.cost.kind === 'free' ? 0 : undefined,
          amount_description: s.cost.note,
        },
      ],
      languages: zh(`service:${s.slug}`, { service_id: id }),
      attributes: [
        term(
          'union-portal:service-category',
          s.category,
          labelOf(serviceCategories, s.category),
          `服务类别：${labelOf(serviceCategories, s.category)}`,
        ),
        ...s.audiences.map((a) => term('union-portal:audience', a, labelOf(audiences, a), `适用人群：${labelOf(audiences, a)}`)),
      ],
      service_at_locations: s.locations.map((l, i) => {
        const locationId = hsdsId(`location:${s.slug}:${i}`)
        const salId = hsdsId(`service_at_location:${s.slug}:${i}`)
        const amenityLabels = l.amenities.map((a) => labelOf(amenities, a))
        return {
          id: salId,
          service_id: id,
          location_id: locationId,
          schedules: schedules(l.openingHours, l.hoursExceptions, { service_at_location_id: salId }, `service_at_location:${s.slug}:${i}`),
          location: {
            id: locationId,
            location_type: 'physical',
            organization_id: org?.id,
            name: l.name ?? s.name,
            description: amenityLabels.length ? `设施：${amenityLabels.join('、')}` : undefined,
            latitude: l.coordinates?.lat,
            longitude: l.coordinates?.lng,
            addresses: [
              {
                id: hsdsId(`address:${s.slug}:${i}`),
                location_id: locationId,
                address_1: l.address,
                city: regions.find((r) => r.level === 'city')?.name,
                region: l.district?.name,
                state_province: regions.find((r) => r.level === 'province')?.name,
                // Required by HSDS 3.0; the CMS keeps no postcodes, so it is present and empty.
                postal_code: '',
                country: 'CN',
                address_type: 'physical',
              },
            ],
            languages: zh(`location:${s.slug}:${i}`, { location_id: locationId }),
          },
        }
      }),
    }
  })

  const page = {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  }
  return page
}
