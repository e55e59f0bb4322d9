import type {
  SnapshotArticle,
  SnapshotCategory,
  SnapshotHours,
  SnapshotHoursException,
  SnapshotImage,
  SnapshotImageFile,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotPhone,
  SnapshotRef,
  SnapshotRegion,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import type { ChangeKind } from '../../content-models/changes'
import { weekdays } from '../../content-models/options'
import { richTextToHtml, richTextToText } from './richText'
import type { RawDoc } from './source'

/**
 * Raw Payload documents → snapshot records. Relationships arrive populated one level deep;
 * anything unpopulated (an id) or unpublished is dropped rather than guessed at.
 */
const obj = (value: unknown): RawDoc | undefined => (value && typeof value === 'object' ? (value as RawDoc) : undefined)
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined)
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)
const list = <T>(value: unknown, map: (item: any) => T | undefined): T[] =>
  Array.isArray(value) ? value.map(map).filter((x): x is T => x !== undefined) : []

/** China has one time zone; dates are shown and compared as Beijing dates. */
export const chinaDate = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

export const region = (value: unknown): SnapshotRegion | undefined => {
  const r = obj(value)
  if (!r || !str(r.code)) return undefined
  const parent = obj(r.parent)
  return { code: r.code, name: r.name, level: r.level, parentCode: parent ? str(parent.code) : undefined }
}

const ref = (value: unknown): SnapshotRef | undefined => {
  const r = obj(value)
  return r && str(r.slug) && str(r.name) ? { slug: r.slug, name: r.name } : undefined
}

const coordinates = (value: unknown) => {
  const c = obj(value)
  return c && num(c.lat) !== undefined && num(c.lng) !== undefined ? { lat: c.lat as number, lng: c.lng as number } : undefined
}

const phone = (p: RawDoc): SnapshotPhone | undefined =>
  str(p?.number)
    ? {
        number: p.number.trim(),
        label: str(p.label),
        kind: p.kind === 'sms' ? 'sms' : 'voice',
        hours: str(p.hours),
        hotline: Boolean(p.hotline),
      }
    : undefined

const hours = (h: RawDoc): SnapshotHours | undefined => {
  const days = weekdays.map((d) => d.value).filter((d) => h?.days?.[d])
  return days.length ? { days, allDay: Boolean(h.allDay), opens: str(h.opens), closes: str(h.closes) } : undefined
}

const exception = (e: RawDoc): SnapshotHoursException | undefined =>
  str(e?.date)
    ? { date: chinaDate(e.date), closed: Boolean(e.closed), opens: str(e.opens), closes: str(e.closes), note: str(e.note) }
    : undefined

export interface MediaCollector {
  /** Registers a media document's files for copying and returns its snapshot form. */
  (value: unknown): SnapshotImage | undefined
}

export const mediaCollector =
  (register: (file: string, url?: string) => void): MediaCollector =>
  (value) => {
    const m = obj(value)
    if (!m || !str(m.filename) || !str(m.alt)) return undefined
    const file = (f: RawDoc | undefined): SnapshotImageFile | undefined => {
      if (!f || !str(f.filename) || !num(f.width) || !num(f.height)) return undefined
      register(f.filename, str(f.url))
      return { file: f.filename, width: f.width, height: f.height, mimeType: f.mimeType }
    }
    const original = file(m)
    if (!original) return undefined
    const sizes: SnapshotImage['sizes'] = {}
    for (const size of ['thumbnail', 'card', 'hero'] as const) {
      const sized = file(obj(m.sizes?.[size]))
      if (sized) sizes[size] = sized
    }
    return { alt: m.alt, caption: str(m.caption), credit: str(m.credit), original, sizes, focalX: num(m.focalX), focalY: num(m.focalY) }
  }

export const article = (d: RawDoc, image: MediaCollector): SnapshotArticle => ({
  id: String(d.id),
  slug: d.slug,
  title: d.title,
  summary: str(d.summary),
  bodyHtml: richTextToHtml(d.body, image),
  bodyText: richTextToText(d.body),
  cover: image(d.cover),
  publishedAt: d.publishedAt ?? d.createdAt,
  updatedAt: d.updatedAt,
  source: str(d.source),
  author: str(d.author),
  responsibleEditor: str(d.responsibleEditor),
  region: region(d.region),
  organization: ref(d.organization),
  categories: list(d.categories, ref),
  tags: list(d.tags, str),
  featured: Boolean(d.featured),
  originalUrl: str(d.originalUrl),
  script: d.script === 'traditional' ? 'traditional' : 'simplified',
  ...correctionsOf(d.corrections),
})

/** 更新说明 oldest first, left out when there are none (older snapshots have none either). */
const correctionsOf = (value: unknown): Pick<SnapshotArticle, 'corrections'> => {
  const notes = list(value, (c) =>
    str(c?.note)?.trim() && str(c?.date) ? { date: c.date as string, note: (c.note as string).trim() } : undefined,
  )
  return notes.length ? { corrections: notes.sort((a, b) => a.date.localeCompare(b.date)) } : {}
}

export const workersHome = (d: RawDoc, image: MediaCollector): SnapshotWorkersHome => ({
  id: String(d.id),
  slug: d.slug,
  name: d.name,
  organization: ref(d.organization),
  awardLevel: d.awardLevel,
  yearAwarded: num(d.yearAwarded),
  awardingBody: str(d.awardingBody),
  region: region(d.region),
  address: str(d.address),
  coordinates: coordinates(d.coordinates),
  facilities: list(d.facilities, str),
  memberCount: num(d.memberCount),
  enterpriseCount: num(d.enterpriseCount),
  descriptionHtml: richTextToHtml(d.description),
  photos: list(d.photos, image),
  phone: str(d.phone),
  openingHours: list(d.openingHours, hours),
  hoursExceptions: list(d.hoursExceptions, exception),
  updatedAt: d.updatedAt,
})

export const laborModel = (d: RawDoc, image: MediaCollector, publishedArticles: Set<string>): SnapshotLaborModel => ({
  id: String(d.id),
  slug: d.slug,
  kind: d.kind === 'collective' ? 'collective' : 'individual',
  name: d.name,
  photo: image(d.photo),
  employer: str(d.employer),
  jobTitle: str(d.jobTitle),
  industry: str(d.industry),
  region: region(d.region),
  honors: list(d.honors, (h: RawDoc) =>
    str(h?.title) ? { title: h.title, level: str(h.level), year: num(h.year), awardingBody: str(h.awardingBody) } : undefined,
  ),
  studio: str(d.studio?.name) ? { name: d.studio.name, description: str(d.studio.description) } : undefined,
  biographyHtml: richTextToHtml(d.biography),
  relatedArticles: list(d.relatedArticles, (a: RawDoc) => (obj(a) && publishedArticles.has(a.slug) ? (a.slug as string) : undefined)),
  updatedAt: d.updatedAt,
})

export const service = (d: RawDoc): SnapshotService => ({
  id: String(d.id),
  slug: d.slug,
  name: d.name,
  category: d.category,
  status: d.status ?? 'active',
  alert: str(d.alert),
  provider: ref(d.provider),
  audiences: list(d.audiences, str),
  summary: str(d.summary),
  eligibility: str(d.eligibility),
  howToApply: list(d.howToApply, (s: RawDoc) => str(s?.step)),
  documents: list(d.documents, (s: RawDoc) => str(s?.name)),
  cost: { kind: d.cost?.kind ?? 'free', note: str(d.cost?.note) },
  phones: list(d.phones, phone),
  website: str(d.website),
  locations: list(d.locations, (l: RawDoc) =>
    str(l?.address)
      ? {
          name: str(l.name),
          address: l.address,
          district: region(l.district),
          coordinates: coordinates(l.coordinates),
          openingHours: list(l.openingHours, hours),
          hoursExceptions: list(l.hoursExceptions, exception),
          amenities: list(l.amenities, str),
        }
      : undefined,
  ),
  serviceArea: list(d.serviceArea, region),
  lastVerified: str(d.lastVerified) ? chinaDate(d.lastVerified) : undefined,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
})

export const organization = (d: RawDoc): SnapshotOrganization => ({
  id: String(d.id),
  slug: d.slug,
  name: d.name,
  kind: d.kind,
  parentSlug: obj(d.parent) ? str(d.parent.slug) : undefined,
  region: region(d.region),
  address: str(d.address),
  phones: list(d.phones, phone),
  website: str(d.website),
})

export const category = (d: RawDoc): SnapshotCategory => ({
  slug: d.slug,
  name: d.name,
  description: str(d.description),
  order: num(d.order) ?? 0,
})

/** A document of an incrementally published collection as its snapshot record (the one collection → mapper dispatch). */
export const record = (key: ChangeKind, d: RawDoc, image: MediaCollector, publishedArticles: Set<string>) =>
  ({
    articles: () => article(d, image),
    services: () => service(d),
    workersHomes: () => workersHome(d, image),
    laborModels: () => laborModel(d, image, publishedArticles),
    organizations: () => organization(d),
  })[key]()
