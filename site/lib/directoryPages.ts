/**
 * The service directory as data, and the pages made from it: each filter's paged list, each
 * category's data file, each district's rest stations. Pure: the pages' getStaticPaths and the
 * incremental plan (site/incremental/servicePages.ts) both call these, so what a page shows
 * and which pages a service change renders are decided once.
 */
import type { SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { routes } from '../routes'
import { restStations, stationDistricts } from './restStations'
import {
  facetFilters,
  matches,
  serviceFacets,
  servicePages,
  servicePageSegment,
  sortItems,
  toDirectoryItem,
  type ServiceFacet,
} from './serviceDirectory'

/** Every item in display order, the district choices and the facets with their counts. */
export const directoryOf = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const items = sortItems(services.map((s) => toDirectoryItem(s, regions, nationalHotline)))
  const districts = regions.filter((r) => r.level === 'district').map((r) => ({ value: r.code, label: r.name }))
  const facets = serviceFacets(items, districts)
  return { items, districts, facets }
}

export type Directory = ReturnType<typeof directoryOf>

/** A filter as a filter page offers it: its values without their counts. */
export type FilterChoice = Omit<ServiceFacet, 'values'> & { values: { value: string; label: string }[] }

/**
 * The filters a filter page offers, without counts: with them every filter page showed every
 * value's count, so a new service (or one moved to another category, district or audience)
 * changed all of them — 327 pages rendered for one publish among 1,000 services. A filter page
 * shows its own count; the directory's first page keeps every count.
 */
export const filterChoices = (facets: readonly ServiceFacet[]): FilterChoice[] =>
  facets.map((f) => ({ ...f, values: f.values.map(({ value, label }) => ({ value, label })) }))

/** One page of one filter's list: /services/category/legal-aid/, /services/district/<code>/page/2/. */
export const filterPages = ({ items, facets }: Pick<Directory, 'items' | 'facets'>) =>
  facets.flatMap((facet) =>
    facet.values.flatMap((value) =>
      servicePages(items.filter((i) => matches(i, facetFilters(facet.key, value.value), undefined))).map((page) => ({
        params: { facet: facet.key, value: value.value, page: servicePageSegment(page.current) },
        props: { facet, value, page },
      })),
    ),
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
  return districts.flatMap((district) =>
    servicePages(stations.filter((s) => s.district?.code === district.code)).map((page) => ({
      params: { district: district.code, page: servicePageSegment(page.current) },
      props: { district, districts, page },
    })),
  )
}

/** The URL of each of those pages, with what it shows, for comparing two versions of the directory. */
export const directoryPageViews = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[], nationalHotline: string) => {
  const directory = directoryOf(services, regions, nationalHotline)
  // Every filter page offers every filter's values and the district choices (the nav and the form), and shows its own count.
  const shared = JSON.stringify([filterChoices(directory.facets), directory.districts])
  const views = new Map<string, string>()
  for (const { params, props } of filterPages(directory))
    views.set(routes.servicesFacet.url(params), JSON.stringify([shared, props.value, props.page]))
  for (const { params, items } of categoryDataFiles(directory)) views.set(routes.servicesData.url(params), JSON.stringify(items))
  for (const { params, props } of stationDistrictPages(services, regions))
    views.set(routes.restStationsDistrict.url(params), JSON.stringify([props.districts, props.page]))
  return views
}
