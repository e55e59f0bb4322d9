import {
  amenities,
  audiences,
  costKinds,
  homeAwardLevels,
  homeFacilities,
  honorLevels,
  labelOf,
  laborModelKinds,
  organizationKinds,
  serviceCategories,
  serviceStatuses,
} from '../../content-models/options'
import type {
  ContentSnapshot,
  SnapshotArticle,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotRegion,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import type { Change } from '../../content-models/changes'
import { ymd } from '../lib/format'
import {
  articleFilters,
  HOTLINES_FILTERS,
  homeFilters,
  modelFilters,
  organizationFilters,
  serviceFilters,
  type SearchFilters,
} from '../lib/searchFilters'
import { hotlineGroups, publicShortNumbers } from '../lib/services'
import { site } from '../lib/site'
import { recordUrl, routes } from '../routes'
import { readSnapshotStreamed } from '../snapshot'

/** What the server index holds for one page of the site. */
export interface SearchDocument {
  url: string
  /** 新闻 / 服务 / 职工之家 / 劳模 / 热线: the 类型 filter value. */
  type: string
  title: string
  summary: string
  /** Every other human-readable string of the record, one per line. */
  body: string
  /** YYYY-MM-DD (Beijing) for news. */
  date?: string
  /** YYYY-MM-DD the static search sorts by: news by date, services by their last update. */
  sortDate?: string
  filters: SearchFilters
}

export const HOTLINES_URL = routes.hotlines.url({})

/**
 * Keys whose values are not text a visitor reads: ids, slugs, URLs, files, dates, codes.
 * Codes that have a label (category, facilities, …) are added as their label instead.
 */
const SKIP = new Set([
  'id',
  'slug',
  'parentSlug',
  'code',
  'parentCode',
  'level',
  'kind',
  'status',
  'script',
  'category',
  'awardLevel',
  'audiences',
  'amenities',
  'facilities',
  'days',
  'file',
  'mimeType',
  'website',
  'originalUrl',
  'publishedAt',
  'updatedAt',
  'lastVerified',
  'date',
  'relatedArticles',
  'bodyHtml',
  'descriptionHtml',
  'biographyHtml',
  'sizes',
  'original',
])

/** Strings of a record, depth first, leaving out SKIP keys. */
const strings = (value: unknown, out: string[]) => {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value)
  } else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) strings(v, out)
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Rich text HTML (escaped by the exporter) as lines of text: blocks end lines, inline tags vanish. */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|h[1-6]|li|blockquote|figcaption|div|tr|td|th|pre)>/gi, '\n')
    .replace(/<[^<>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m
      }
      return ENTITIES[e.toLowerCase()] ?? m
    })
    .replace(/(?<![ \t])[ \t]*\n\s*/g, '\n')
    .trim()

const lines = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => !!p && !!p.trim()).join('\n')

const walk = (record: unknown, omit: string[] = []) => {
  const out: string[] = []
  const copy = { ...(record as Record<string, unknown>) }
  for (const k of omit) delete copy[k]
  strings(copy, out)
  return out
}

export const articleDocument = (a: SnapshotArticle): SearchDocument => ({
  url: recordUrl('articles', a.slug),
  type: '新闻',
  title: a.title,
  summary: a.summary ?? '',
  // bodyText is the exporter's plain text of the body, a paragraph a line.
  body: lines(...walk(a, ['title', 'summary'])),
  date: ymd(a.publishedAt),
  sortDate: ymd(a.publishedAt),
  filters: articleFilters(a),
})

export const serviceDocument = (s: SnapshotService, regions: readonly SnapshotRegion[]): SearchDocument => ({
  url: recordUrl('services', s.slug),
  type: '服务',
  title: s.name,
  summary: s.summary ?? '',
  // Text first, labels of codes last: excerpts are cut from the start when the match is in the title.
  body: lines(
    ...walk(s, ['name', 'summary']),
    labelOf(serviceCategories, s.category),
    labelOf(serviceStatuses, s.status),
    ...s.audiences.map((a) => labelOf(audiences, a)),
    labelOf(costKinds, s.cost.kind),
    ...s.locations.flatMap((l) => l.amenities.map((a) => labelOf(amenities, a))),
  ),
  sortDate: ymd(s.updatedAt),
  filters: serviceFilters(s, regions),
})

export const homeDocument = (h: SnapshotWorkersHome, regions: readonly SnapshotRegion[]): SearchDocument => ({
  url: recordUrl('workersHomes', h.slug),
  type: '职工之家',
  title: h.name,
  summary: '',
  body: lines(
    htmlToText(h.descriptionHtml),
    ...walk(h, ['name']),
    labelOf(homeAwardLevels, h.awardLevel),
    ...h.facilities.map((f) => labelOf(homeFacilities, f)),
  ),
  filters: homeFilters(h, regions),
})

export const modelDocument = (m: SnapshotLaborModel, regions: readonly SnapshotRegion[]): SearchDocument => ({
  url: recordUrl('laborModels', m.slug),
  type: '劳模',
  title: m.name,
  summary: lines(m.jobTitle, m.employer),
  body: lines(
    htmlToText(m.biographyHtml),
    ...walk(m, ['name', 'jobTitle', 'employer']),
    labelOf(laborModelKinds, m.kind),
    ...m.honors.map((h) => (h.level ? labelOf(honorLevels, h.level) : '')),
  ),
  filters: modelFilters(m, regions),
})

/** A union organization's page: its name, kind, parent, region, address and phones (its services and homes have pages of their own). */
export const organizationDocument = (
  o: SnapshotOrganization,
  organizations: readonly SnapshotOrganization[],
  regions: readonly SnapshotRegion[],
): SearchDocument => ({
  url: recordUrl('organizations', o.slug),
  type: '工会组织',
  title: o.name,
  summary: lines(labelOf(organizationKinds, o.kind), organizations.find((p) => p.slug === o.parentSlug)?.name),
  body: lines(...walk(o, ['name'])),
  filters: organizationFilters(o, regions),
})

/** The hotlines page: the national hotline, then every hotline and public short number services list, with their services. */
export const hotlinesDocument = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[]): SearchDocument => {
  const national = site.hotline
  const groups = hotlineGroups(services, regions, national.number)
  const entries: { number: string; label?: string; hours?: string; topic?: string; region?: string; services: { name: string }[] }[] = [
    ...groups.flatMap((g) => g.topics.flatMap((t) => t.entries.map((e) => ({ ...e, topic: t.label, region: g.region.name })))),
    ...publicShortNumbers(services, national.number),
  ]
  return {
    url: HOTLINES_URL,
    type: '热线',
    title: '服务热线',
    summary: lines(national.label, national.number, national.hours),
    body: lines(
      ...entries.flatMap((e) => [e.number, e.label, e.hours, e.topic, e.region, ...e.services.map((s) => s.name)]),
      // Hotline numbers of services are on the page even when it groups them under another number.
      ...services
        .filter((s) => s.status !== 'ended')
        .flatMap((s) => s.phones.filter((p) => p.hotline).flatMap((p) => [p.number, p.label, p.hours, s.name])),
    ),
    filters: HOTLINES_FILTERS,
  }
}

/** Every searchable page of a snapshot (published content only: the snapshot holds nothing else). */
export const snapshotDocuments = function* (snapshot: ContentSnapshot): Generator<SearchDocument> {
  for (const a of snapshot.articles) yield articleDocument(a)
  for (const s of snapshot.services) yield serviceDocument(s, snapshot.regions)
  for (const h of snapshot.workersHomes) yield homeDocument(h, snapshot.regions)
  for (const m of snapshot.laborModels) yield modelDocument(m, snapshot.regions)
  for (const o of snapshot.organizations) yield organizationDocument(o, snapshot.organizations, snapshot.regions)
  yield hotlinesDocument(snapshot.services, snapshot.regions)
}

/**
 * Every document of the snapshot in `dir`, handed to `add` as the file is read, articles one at
 * a time (readSnapshotStreamed): at 50k articles, holding the parsed snapshot and its text took
 * most of a gigabyte. Returns the snapshot's generatedAt.
 */
export const streamedDocuments = (dir: string, add: (d: SearchDocument) => void): string => {
  const rest = readSnapshotStreamed(dir, (a) => add(articleDocument(a)))
  for (const d of snapshotDocuments(rest)) add(d)
  return rest.generatedAt
}

/** The documents a record of `kind` with `slug` makes in `snapshot` (none when it is not there: unpublished or removed). */
export const recordDocument = (snapshot: ContentSnapshot, kind: Change['kind'], slug: string): SearchDocument | undefined => {
  const { regions } = snapshot
  if (kind === 'articles') {
    const a = snapshot.articles.find((r) => r.slug === slug)
    return a && articleDocument(a)
  }
  if (kind === 'services') {
    const s = snapshot.services.find((r) => r.slug === slug)
    return s && serviceDocument(s, regions)
  }
  if (kind === 'workersHomes') {
    const h = snapshot.workersHomes.find((r) => r.slug === slug)
    return h && homeDocument(h, regions)
  }
  if (kind === 'organizations') {
    const o = snapshot.organizations.find((r) => r.slug === slug)
    return o && organizationDocument(o, snapshot.organizations, regions)
  }
  const m = snapshot.laborModels.find((r) => r.slug === slug)
  return m && modelDocument(m, regions)
}

/**
 * The documents of the pages at `urls` in `snapshot`: undefined for a page that is not
 * searchable or not published. (Read once per call: a CMS process patches its snapshot in place.)
 */
export const documentsAt = (snapshot: ContentSnapshot, urls: Iterable<string>): Map<string, SearchDocument | undefined> => {
  const byUrl = new Map<string, { kind: Change['kind']; slug: string }>()
  const kinds = {
    articles: snapshot.articles,
    services: snapshot.services,
    workersHomes: snapshot.workersHomes,
    laborModels: snapshot.laborModels,
    organizations: snapshot.organizations,
  }
  for (const [kind, records] of Object.entries(kinds) as [Change['kind'], { slug: string }[]][])
    for (const { slug } of records) byUrl.set(recordUrl(kind, slug), { kind, slug })
  const found = new Map<string, SearchDocument | undefined>()
  for (const url of urls) {
    const at = byUrl.get(url)
    found.set(
      url,
      url === HOTLINES_URL ? hotlinesDocument(snapshot.services, snapshot.regions) : at && recordDocument(snapshot, at.kind, at.slug),
    )
  }
  return found
}
