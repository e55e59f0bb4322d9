/**
 * The service directory as data, and the pages made from it. Pure: the pages' getStaticPaths
 * and the incremental plan (site/incremental/servicePages.ts) both call these, so what a page
 * shows and which pages a service change renders are decided once.
 *
 * The shape keeps a publish small at any size (issue 25: at most 60 pages). Lists are paged in
 * directory order, where a new service comes last (serviceDirectory.ts `directoryOrder`), and a
 * list's pages carry no count, so a new service changes only the last page of each list it
 * joins. A district or an audience is a first page of categories with their counts, each a
 * list of its own: /services/district/330102/ → /services/district/330102/legal-aid/page/2/.
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
} from './serviceDirectory'

/** Every item in display order, the district choices and the facets with their counts. */
export const directoryOf = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const items = directoryItems(services, regions, nationalHotline)
  const districts = regions.filter((r) => r.level === 'district').map((r) => ({ value: r.code, label: r.name }))
  const facets = serviceFacets(items, districts)
  return { items, districts, facets }
}

export type Directory = ReturnType<typeof directoryOf>

/** A value as a list page names it: without its count, which only the first pages show. */
export type Choice = { value: string; label: string }

/** A filter as a list page offers it: its values without their counts. */
export type FilterChoice = Omit<ServiceFacet, 'values'> & { values: Choice[] }

const choice = ({ value, label }: Choice): Choice => ({ value, label })

/** The filters a list page offers, without counts (the directory's first page keeps every count). */
export const filterChoices = (facets: readonly ServiceFacet[]): FilterChoice[] => facets.map((f) => ({ ...f, values: f.values.map(choice) }))

/** The filters that have a first page of categories: district and audience. */
export type HubFacetKey = Exclude<ServiceFacetKey, 'category'>

/** Where one filter value's services begin: a category's list, or a district's or an audience's categories. */
export const facetUrl = (key: ServiceFacetKey, value: string) =>
  key === 'category' ? routes.servicesCategory.url({ category: value }) : routes.servicesFacet.url({ facet: key, value })

const itemsOf = (items: readonly DirectoryItem[], key: ServiceFacetKey, value: string) =>
  items.filter((i) => matches(i, facetFilters(key, value), undefined))

/** The categories these items fall in, in vocabulary order, with their counts. */
const categoriesOf = (items: readonly DirectoryItem[]): ServiceFacetValue[] => serviceFacets(items, []).find((f) => f.key === 'category')!.values

const hubFacets = (facets: readonly ServiceFacet[]) =>
  facets.filter((f): f is ServiceFacet & { key: HubFacetKey } => f.key !== 'category')

/**
 * One page of a category's list: /services/category/legal-aid/page/2/. It links to the
 * category's list in each district that has it (法律援助 in a district, without script).
 */
export const categoryPages = ({ items, facets }: Pick<Directory, 'items' | 'facets'>) => {
  const districts = facets.find((f) => f.key === 'district')!.values
  return facets
    .find((f) => f.key === 'category')!
    .values.flatMap((category) => {
      const inDistrict = districts.filter((d) => itemsOf(items, 'district', d.value).some((i) => i.category === category.value))
      return servicePages(itemsOf(items, 'category', category.value)).map((page) => ({
        params: { category: category.value, page: servicePageSegment(page.current) },
        props: { category: choice(category), districts: inDistrict.map(choice), page },
      }))
    })
}

/** A district's or an audience's first page: its categories with their counts. */
export const hubPages = ({ items, facets }: Pick<Directory, 'items' | 'facets'>) =>
  hubFacets(facets).flatMap((facet) =>
    facet.values.map((value) => ({
      params: { facet: facet.key, value: value.value },
      props: { facet: { key: facet.key, label: facet.label }, value, categories: categoriesOf(itemsOf(items, facet.key, value.value)) },
    })),
  )

/** One page of one category within a district or an audience: /services/district/330102/legal-aid/page/2/. */
export const hubCategoryPages = ({ items, facets }: Pick<Directory, 'items' | 'facets'>) =>
  hubFacets(facets).flatMap((facet) =>
    facet.values.flatMap((value) => {
      const scoped = itemsOf(items, facet.key, value.value)
      return categoriesOf(scoped).flatMap((category) =>
        servicePages(scoped.filter((i) => i.category === category.value)).map((page) => ({
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

/** The URL of each of those pages, with what it shows, for comparing two versions of the directory. */
export const directoryPageViews = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const directory = directoryOf(services, regions, nationalHotline)
  // Every list page offers every filter's values and the district choices (the nav and the form).
  const shared = JSON.stringify([filterChoices(directory.facets), directory.districts])
  const views = new Map<string, string>()
  for (const { params, props } of categoryPages(directory)) views.set(routes.servicesCategory.url(params), JSON.stringify([shared, props]))
  for (const { params, props } of hubPages(directory)) views.set(routes.servicesFacet.url(params), JSON.stringify([shared, props]))
  for (const { params, props } of hubCategoryPages(directory))
    views.set(routes.servicesFacetCategory.url(params), JSON.stringify([shared, props]))
  for (const { params, items } of categoryDataFiles(directory)) views.set(routes.servicesData.url(params), JSON.stringify(items))
  for (const { params, props } of stationDistrictPages(services, regions)) views.set(routes.restStationsDistrict.url(params), JSON.stringify(props))
  return views
}
