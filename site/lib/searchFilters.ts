import { labelOf, serviceCategories } from '../../content-models/options'
import type {
  SnapshotArticle,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotRegion,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import { latestHonorYear, regionFilterNames } from './facets'
import { year } from './format'
import { regionNames } from './services'

/**
 * Search filters, one definition for both ends: each page's search document carries these
 * (site/search/documents.ts, for both indexes) and the search page lists the same values as
 * its options, counted at build time, so it needs no download from Pagefind to show them.
 */
export type SearchFilters = Record<string, string | string[] | undefined>

export const FILTER_ORDER = ['类型', '年份', '地区', '栏目'] as const

export const articleFilters = (a: SnapshotArticle): SearchFilters => ({
  类型: '新闻',
  年份: String(year(a.publishedAt)),
  地区: a.region?.name,
  栏目: a.categories.map((c) => c.name),
})

export const serviceFilters = (s: SnapshotService, regions: readonly SnapshotRegion[]): SearchFilters => ({
  类型: '服务',
  地区: regionNames(s, regions),
  栏目: labelOf(serviceCategories, s.category),
})

export const homeFilters = (h: SnapshotWorkersHome, regions: readonly SnapshotRegion[]): SearchFilters => ({
  类型: '职工之家',
  地区: regionFilterNames(h.region, regions),
  年份: h.yearAwarded ? String(h.yearAwarded) : undefined,
})

export const modelFilters = (m: SnapshotLaborModel, regions: readonly SnapshotRegion[]): SearchFilters => {
  const latest = latestHonorYear(m)
  return { 类型: '劳模', 地区: regionFilterNames(m.region, regions), 年份: latest ? String(latest) : undefined }
}

export const organizationFilters = (o: SnapshotOrganization, regions: readonly SnapshotRegion[]): SearchFilters => ({
  类型: '工会组织',
  地区: regionFilterNames(o.region, regions),
})

export const HOTLINES_FILTERS: SearchFilters = { 类型: '热线' }

/** Every filter value of the site with how many pages carry it, in the order the search page shows them. */
export const allFilterValues = async (): Promise<{ name: string; values: { value: string; count: number }[] }[]> => {
  // Loaded here, not at the top: the filters above also run outside Astro (the server search
  // index), where the content layer (astro:content) does not exist.
  const { getArticles, getLaborModels, getOrganizations, getRegions, getServices, getWorkersHomes } = await import('./content')
  const regions = await getRegions()
  const all: SearchFilters[] = [
    ...(await getArticles()).map(articleFilters),
    ...(await getServices()).map((s) => serviceFilters(s, regions)),
    ...(await getWorkersHomes()).map((h) => homeFilters(h, regions)),
    ...(await getLaborModels()).map((m) => modelFilters(m, regions)),
    ...(await getOrganizations()).map((o) => organizationFilters(o, regions)),
    HOTLINES_FILTERS,
  ]
  return filterCounts(all)
}

/** How many of `all` carry each filter value, in the order the search page lists them. */
export const filterCounts = (all: Iterable<SearchFilters>): { name: string; values: { value: string; count: number }[] }[] => {
  const counts = new Map<string, Map<string, number>>(FILTER_ORDER.map((n) => [n, new Map()]))
  for (const filters of all) {
    for (const [name, raw] of Object.entries(filters)) {
      const values = counts.get(name) ?? counts.set(name, new Map()).get(name)!
      for (const v of [raw ?? []].flat()) if (v) values.set(v, (values.get(v) ?? 0) + 1)
    }
  }
  return [...counts].map(([name, values]) => ({
    name,
    values: [...values]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => (name === '年份' ? b.value.localeCompare(a.value) : a.value.localeCompare(b.value, 'zh-CN'))),
  }))
}
