import { homeAwardLevels, honorLevels, honorTitles, labelOf, laborModelKinds } from '../../content-models/options'
import type { SnapshotLaborModel, SnapshotRegion, SnapshotWorkersHome } from '../../content-models/snapshot'
import { servicePages, servicePageSegment } from './serviceDirectory'

/**
 * Filters for the workers' homes and labor-model directories. Without client script a filter
 * is a static page per value (`/homes/level/national-model/`), so every facet here names the
 * URL segment, the values that have at least one match, and the test an item passes.
 */
export interface FacetValue {
  /** ASCII URL segment. */
  value: string
  label: string
  count: number
  /** Nesting depth for region trees (0 = top). */
  depth: number
  /** False for values that match everything (a city above all its districts): no use as a filter. */
  narrows: boolean
}

export interface Facet<T> {
  key: string
  label: string
  values: FacetValue[]
  matches: (item: T, value: string) => boolean
  /** Page heading and title for the filtered list. */
  title: (label: string) => string
}

/** A region and its ancestors, nearest first, looked up in the region list. */
export const lineage = (region: SnapshotRegion | undefined, regions: readonly SnapshotRegion[]): SnapshotRegion[] => {
  const out: SnapshotRegion[] = []
  let code = region?.code
  while (code && !out.some((r) => r.code === code)) {
    const found = regions.find((r) => r.code === code) ?? (region?.code === code ? region : undefined)
    if (!found) break
    out.push(found)
    code = found.parentCode
  }
  return out
}

/** True when `region` is the region with `code` or lies inside it. */
export const inRegion = (region: SnapshotRegion | undefined, code: string, regions: readonly SnapshotRegion[]) =>
  lineage(region, regions).some((r) => r.code === code)

/**
 * Region names for the search index's 地区 filter: the item's own region and the levels above
 * it up to the district, so a search filtered to 青湖区 also finds homes in its 街道.
 */
export const regionFilterNames = (region: SnapshotRegion | undefined, regions: readonly SnapshotRegion[]): string[] =>
  lineage(region, regions)
    .filter((r) => r.level === 'district' || r.level === 'subdistrict')
    .map((r) => r.name)
    .reverse()

/** schema.org PostalAddress parts from the region tree: the province and the city (or county). */
export const postalRegion = (region: SnapshotRegion | undefined, regions: readonly SnapshotRegion[]) => {
  const line = lineage(region, regions)
  return {
    addressRegion: line.find((r) => r.level === 'province')?.name,
    addressLocality: line.find((r) => r.level === 'city')?.name,
    addressCountry: 'CN',
  }
}

const regionFacetValues = <T>(
  items: readonly T[],
  regionOf: (item: T) => SnapshotRegion | undefined,
  regions: readonly SnapshotRegion[],
): FacetValue[] => {
  const counts = new Map<string, { region: SnapshotRegion; count: number }>()
  for (const item of items) {
    for (const r of lineage(regionOf(item), regions)) {
      const entry = counts.get(r.code) ?? { region: r, count: 0 }
      entry.count++
      counts.set(r.code, entry)
    }
  }
  // Regions above everything (the province, the city) filter nothing: no page unless an item sits there.
  const own = new Set(items.map((i) => regionOf(i)?.code))
  // Region codes nest by prefix (339901 → 339901001), so code order is tree order.
  const shown = [...counts.values()]
    .filter(({ region, count }) => count < items.length || own.has(region.code))
    .sort((a, b) => a.region.code.localeCompare(b.region.code))
  return shown.map(({ region, count }) => ({
    value: region.code,
    label: region.name,
    count,
    depth: lineage(region, regions).filter((r) => r.code !== region.code && counts.get(r.code)!.count < items.length).length,
    narrows: count < items.length,
  }))
}

const countOf = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length

const listValues = <T>(
  items: readonly T[],
  pairs: readonly { value: string; label: string }[],
  matches: (item: T, value: string) => boolean,
): FacetValue[] => {
  const values = pairs
    .map(({ value, label }) => ({ value, label, count: countOf(items, (i) => matches(i, value)), depth: 0, narrows: true }))
    .filter((v) => v.count > 0)
  // A single value that every item has is no filter; keep its page but leave it off the panel.
  return values.map((v) => ({ ...v, narrows: values.length > 1 || v.count < items.length }))
}

const descending = (numbers: Iterable<number | undefined>) =>
  [...new Set([...numbers].filter((n): n is number => typeof n === 'number'))].sort((a, b) => b - a)

export const homeFacets = (homes: readonly SnapshotWorkersHome[], regions: readonly SnapshotRegion[]): Facet<SnapshotWorkersHome>[] => {
  const level: Facet<SnapshotWorkersHome>['matches'] = (h, v) => h.awardLevel === v
  const year: Facet<SnapshotWorkersHome>['matches'] = (h, v) => String(h.yearAwarded) === v
  const region: Facet<SnapshotWorkersHome>['matches'] = (h, v) => inRegion(h.region, v, regions)
  return [
    { key: 'level', label: '荣誉级别', matches: level, title: (l) => `${l}名单`, values: listValues(homes, homeAwardLevels, level) },
    {
      key: 'year',
      label: '命名年份',
      matches: year,
      title: (l) => `${l}命名的职工之家`,
      values: listValues(
        homes,
        descending(homes.map((h) => h.yearAwarded)).map((y) => ({ value: String(y), label: `${y}年` })),
        year,
      ),
    },
    {
      key: 'region',
      label: '所在地区',
      matches: region,
      title: (l) => `${l}的职工之家`,
      values: regionFacetValues(homes, (h) => h.region, regions),
    },
  ]
}

/**
 * A stable ASCII key for an honor title (FNV-1a, base 36): titles are free text in Chinese,
 * and a key from a sorted list would change every URL when a new title appears.
 */
export const honorKey = (title: string): string => {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(title.trim())) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36).padStart(7, '0')
}

/** Honor titles in the order staff know them (options.ts), rarer free-text titles after. */
const sortTitles = (titles: Iterable<string>) => {
  const known: readonly string[] = honorTitles
  const rank = (t: string) => (known.includes(t) ? known.indexOf(t) : known.length)
  return [...new Set(titles)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
}

const levelRank = (level?: string) => {
  const i = honorLevels.findIndex((o) => o.value === level)
  return i < 0 ? honorLevels.length : i
}

/** The honor that leads a model's card: the highest level, then the latest year. */
export const topHonor = (model: SnapshotLaborModel) =>
  [...model.honors].sort((a, b) => levelRank(a.level) - levelRank(b.level) || (b.year ?? 0) - (a.year ?? 0))[0]

export const latestHonorYear = (model: SnapshotLaborModel): number | undefined => descending(model.honors.map((h) => h.year))[0]

/** Honors newest first, for the detail page. */
export const honorsByYear = (model: SnapshotLaborModel) => [...model.honors].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))

/** Gallery order: the highest honor's level, then its year (newest first), then by name. */
export const modelsInOrder = (models: readonly SnapshotLaborModel[]): SnapshotLaborModel[] =>
  [...models].sort((a, b) => {
    const ta = topHonor(a)
    const tb = topHonor(b)
    return levelRank(ta?.level) - levelRank(tb?.level) || (tb?.year ?? 0) - (ta?.year ?? 0) || a.name.localeCompare(b.name, 'zh-CN')
  })

export const modelFacets = (models: readonly SnapshotLaborModel[], regions: readonly SnapshotRegion[]): Facet<SnapshotLaborModel>[] => {
  const titles = sortTitles(models.flatMap((m) => m.honors.map((h) => h.title.trim())))
  const keys = new Map<string, string>()
  for (const t of titles) {
    const k = honorKey(t)
    if (keys.has(k)) throw new Error(`Honor titles "${keys.get(k)}" and "${t}" share the URL key ${k}; change honorKey().`)
    keys.set(k, t)
  }
  const honor: Facet<SnapshotLaborModel>['matches'] = (m, v) => m.honors.some((h) => honorKey(h.title) === v)
  const level: Facet<SnapshotLaborModel>['matches'] = (m, v) => m.honors.some((h) => h.level === v)
  const year: Facet<SnapshotLaborModel>['matches'] = (m, v) => m.honors.some((h) => String(h.year) === v)
  const region: Facet<SnapshotLaborModel>['matches'] = (m, v) => inRegion(m.region, v, regions)
  const kind: Facet<SnapshotLaborModel>['matches'] = (m, v) => m.kind === v
  const collective = labelOf(laborModelKinds, 'collective')
  return [
    {
      key: 'honor',
      label: '荣誉称号',
      matches: honor,
      title: (l) => `${l}获得者`,
      values: listValues(
        models,
        titles.map((t) => ({ value: honorKey(t), label: t })),
        honor,
      ),
    },
    {
      key: 'level',
      label: '荣誉级别',
      matches: level,
      title: (l) => `获${l}荣誉的劳模和先进集体`,
      values: listValues(models, honorLevels, level),
    },
    {
      key: 'year',
      label: '获评年份',
      matches: year,
      title: (l) => `${l}获得荣誉的劳模和先进集体`,
      values: listValues(
        models,
        descending(models.flatMap((m) => m.honors.map((h) => h.year))).map((y) => ({ value: String(y), label: `${y}年` })),
        year,
      ),
    },
    {
      key: 'region',
      label: '所在地区',
      matches: region,
      title: (l) => `${l}的劳模和先进集体`,
      values: regionFacetValues(models, (m) => m.region, regions),
    },
    {
      key: 'kind',
      label: '个人或集体',
      matches: kind,
      title: (l) => (l === collective ? '先进集体' : '劳动模范（个人）'),
      values: listValues(models, laborModelKinds, kind),
    },
  ]
}

/** Labor models on one page of a filter's list: a multiple of the three-column grid, as the homes'. */
export const MODELS_PER_PAGE = 24

/**
 * getStaticPaths entries of a directory's filter pages, each value's list paged (`page/2/`):
 * /homes/year/2019/page/2/, /models/honor/<key>/.
 */
export const pagedFacetPaths = <T>(facets: Facet<T>[], items: readonly T[], perPage: number) =>
  facetPages(facets, items).flatMap((p) =>
    servicePages(p.items, perPage).map((page) => ({
      params: { facet: p.facet, value: p.value, page: servicePageSegment(page.current) },
      props: { ...p, page, facets },
    })),
  )

/** What one of those pages gets: its filter, the whole filtered list's items, this page of them, every facet. */
export type PagedFacetProps<T> = ReturnType<typeof pagedFacetPaths<T>>[number]['props']

/** Every (facet, value) pair that gets a static page, with the items it lists. */
export const facetPages = <T>(facets: readonly Facet<T>[], items: readonly T[]) =>
  facets.flatMap((facet) =>
    facet.values.map((value) => ({
      facet: facet.key,
      value: value.value,
      label: value.label,
      items: items.filter((i) => facet.matches(i, value.value)),
    })),
  )

/** Plain text of CMS HTML, for meta descriptions and JSON-LD. */
export const plainText = (html: string): string =>
  html
    .replace(/<[^<>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

/** A meta description of at most `max` characters. */
export const excerpt = (text: string, max = 110) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
