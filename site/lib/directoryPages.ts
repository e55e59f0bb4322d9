/**
 * The service directory as data, and the pages made from it. Pure: the pages' getStaticPaths
 * and the incremental plan (site/incremental/servicePages.ts) both call these, so what a page
 * shows and which pages a service change renders are decided once.
 *
 * The shape keeps a publish small at any size (issue 25: at most 60 pages). Lists are paged in
 * directory order, where a new service comes last (serviceDirectory.ts `directoryOrder`), and a
 * list's pages carry neither a count nor the number of pages (lib/listing.ts `forwardPageLinks`),
 * so a new service changes the last pages of each list it joins. A district or an audience is a
 * first page of categories with their counts, each a list of its own:
 * /services/district/330102/ → /services/district/330102/legal-aid/page/2/.
 * Services for every worker and city-wide ones are in every audience's and district's lists,
 * so without that split one of them changed every page of eight districts and nine audiences.
 */
import type { SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { routes } from '../routes'
import { restStations, stationDistricts } from './restStations'
import {
  directoryItems,
  facetFilters,
  matches,
  serviceFacets,
  servicePages,
  servicePageSegment,
  type DirectoryItem,
  type ServiceFacet,
  type ServiceFacetKey,
  type ServiceFacetValue,
  type ServicePage,
} from './serviceDirectory'
import { forwardPageLinks } from './listing'

/** The filters that have a first page of categories: district and audience. */
export type HubFacetKey = Exclude<ServiceFacetKey, 'category'>

const hubFacets = (facets: readonly ServiceFacet[]) => facets.filter((f): f is ServiceFacet & { key: HubFacetKey } => f.key !== 'category')

const itemsOf = (items: readonly DirectoryItem[], key: ServiceFacetKey, value: string) =>
  items.filter((i) => matches(i, facetFilters(key, value), undefined))

/** The categories these items fall in, in vocabulary order, with their counts. */
const categoriesOf = (items: readonly DirectoryItem[]): ServiceFacetValue[] =>
  serviceFacets(items, []).find((f) => f.key === 'category')!.values

/**
 * Every item in display order, the district choices, the facets with their counts, and each
 * district's and audience's items with their categories (their pages and the category pages'
 * district links read them).
 */
export const directoryOf = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const items = directoryItems(services, regions, nationalHotline)
  const districts = regions.filter((r) => r.level === 'district').map((r) => ({ value: r.code, label: r.name }))
  const facets = serviceFacets(items, districts)
  const scoped = new Map(
    hubFacets(facets).flatMap((f) =>
      f.values.map((v) => {
        const theirs = itemsOf(items, f.key, v.value)
        return [scopeKey(f.key, v.value), { items: theirs, categories: categoriesOf(theirs) }] as const
      }),
    ),
  )
  return { items, districts, facets, scoped }
}

const scopeKey = (key: HubFacetKey, value: string) => `${key}:${value}`

export type Directory = ReturnType<typeof directoryOf>

/** A value as a list page names it: without its count, which only the first pages show. */
export type Choice = { value: string; label: string }

/** A filter as a list page offers it: its values without their counts. */
export type FilterChoice = Omit<ServiceFacet, 'values'> & { values: Choice[] }

const choice = ({ value, label }: Choice): Choice => ({ value, label })

/** The filters a list page offers, without counts (the directory's first page keeps every count). */
export const filterChoices = (facets: readonly ServiceFacet[]): FilterChoice[] =>
  facets.map((f) => ({ ...f, values: f.values.map(choice) }))

/** Where one filter value's services begin: a category's list, or a district's or an audience's categories. */
export const facetUrl = (key: ServiceFacetKey, value: string) =>
  key === 'category' ? routes.servicesCategory.url({ category: value }) : routes.servicesFacet.url({ facet: key, value })

/**
 * One page of a category's list: /services/category/legal-aid/page/2/. It links to the
 * category's list in each district that has it (法律援助 in a district, without script).
 */
export const categoryPages = ({ items, facets, scoped }: Pick<Directory, 'items' | 'facets' | 'scoped'>) => {
  const districts = facets.find((f) => f.key === 'district')!.values
  return facets
    .find((f) => f.key === 'category')!
    .values.flatMap((category) => {
      const inDistrict = districts.filter((d) =>
        scoped.get(scopeKey('district', d.value))!.categories.some((c) => c.value === category.value),
      )
      return servicePages(itemsOf(items, 'category', category.value)).map((page) => ({
        params: { category: category.value, page: servicePageSegment(page.current) },
        props: { category: choice(category), districts: inDistrict.map(choice), page },
      }))
    })
}

/** A district's or an audience's first page: its categories with their counts. */
export const hubPages = ({ facets, scoped }: Pick<Directory, 'facets' | 'scoped'>) =>
  hubFacets(facets).flatMap((facet) =>
    facet.values.map((value) => ({
      params: { facet: facet.key, value: value.value },
      props: {
        facet: { key: facet.key, label: facet.label },
        value,
        categories: scoped.get(scopeKey(facet.key, value.value))!.categories,
      },
    })),
  )

/** One page of one category within a district or an audience: /services/district/330102/legal-aid/page/2/. */
export const hubCategoryPages = ({ facets, scoped }: Pick<Directory, 'facets' | 'scoped'>) =>
  hubFacets(facets).flatMap((facet) =>
    facet.values.flatMap((value) => {
      const { items, categories } = scoped.get(scopeKey(facet.key, value.value))!
      return categories.flatMap((category) =>
        servicePages(items.filter((i) => i.category === category.value)).map((page) => ({
          params: { facet: facet.key, value: value.value, category: category.value, page: servicePageSegment(page.current) },
          props: { facet: { key: facet.key, label: facet.label }, value: choice(value), category: choice(category), page },
        })),
      )
    }),
  )

/** Each category's items, which the directory island fetches when a filter asks for them. */
export const categoryDataFiles = ({ items, facets }: Pick<Directory, 'items' | 'facets'>) =>
  facets
    .find((f) => f.key === 'category')!
    .values.map((c) => ({ params: { category: c.value }, items: items.filter((i) => i.category === c.value) }))

/** One district's rest stations, paged, as they read without script: /services/rest-stations/330102/page/2/. */
export const stationDistrictPages = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[]) => {
  const stations = restStations(services, regions)
  const districts = stationDistricts(stations, regions)
  // Counts only on a district's first page, and not the other districts': with them a new
  // station changed every page of every district.
  const others = districts.map(({ code, name }) => ({ code, name }))
  return districts.flatMap((district) =>
    servicePages(stations.filter((s) => s.district?.code === district.code)).map((page) => ({
      params: { district: district.code, page: servicePageSegment(page.current) },
      props: { district: page.current === 1 ? district : { code: district.code, name: district.name }, districts: others, page },
    })),
  )
}

/**
 * What a list page shows: its own props, its items (each written once for every list it is in:
 * at 50k articles a service is in up to 18 lists), and its links, not the number of pages.
 */
const listView = <T>(
  shared: string,
  { page: { total, items, current }, ...props }: { page: ServicePage<T> },
  itemView: (item: T) => string,
) => [shared, JSON.stringify([props, current, forwardPageLinks(current, total)]), ...items.map(itemView)].join('\n')

/** The URL of each of those pages, with what it shows, for comparing two versions of the directory. */
export const directoryPageViews = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const directory = directoryOf(services, regions, nationalHotline)
  // Every list page offers every filter's values and the district choices (the nav and the form).
  const shared = JSON.stringify([filterChoices(directory.facets), directory.districts])
  const itemViews = new Map(directory.items.map((i) => [i, JSON.stringify(i)]))
  const item = (i: DirectoryItem) => itemViews.get(i)!
  const views = new Map<string, string>()
  for (const { params, props } of categoryPages(directory)) views.set(routes.servicesCategory.url(params), listView(shared, props, item))
  for (const { params, props } of hubPages(directory)) views.set(routes.servicesFacet.url(params), JSON.stringify([shared, props]))
  for (const { params, props } of hubCategoryPages(directory))
    views.set(routes.servicesFacetCategory.url(params), listView(shared, props, item))
  for (const { params, items } of categoryDataFiles(directory)) views.set(routes.servicesData.url(params), items.map(item).join('\n'))
  for (const { params, props } of stationDistrictPages(services, regions))
    views.set(
      routes.restStationsDistrict.url(params),
      listView('', props, (s) => JSON.stringify(s)),
    )
  return views
}
