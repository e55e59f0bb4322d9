/**
 * The outdoor workers' rest stations (户外劳动者驿站) as places: one entry per location of every
 * rest-station service that has not ended, so a service with three stations lists three.
 */
import type { SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { directoryOrder, districtOf } from './serviceDirectory'

export const REST_STATION = 'rest-station'

export interface RestStation {
  service: SnapshotService
  location: SnapshotService['locations'][number]
  /** The name a worker reads: the location's own name, else the service's. */
  name: string
  district?: SnapshotRegion
}

/**
 * Active stations first, then by district code, then in directory order (a new station comes
 * last in its district): the order of the page without a position.
 */
export const restStations = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[]): RestStation[] =>
  directoryOrder(services.filter((s) => s.category === REST_STATION && s.status !== 'ended'))
    .flatMap((service) =>
      service.locations.map((location) => ({
        service,
        location,
        name: location.name && service.locations.length > 1 ? `${service.name}·${location.name}` : service.name,
        district: districtOf(location.district, regions),
      })),
    )
    .sort(
      (a, b) =>
        Number(a.service.status !== 'active') - Number(b.service.status !== 'active') ||
        (a.district?.code ?? '~').localeCompare(b.district?.code ?? '~'),
    )

export interface StationDistrict {
  code: string
  name: string
  count: number
}

/** The districts that have stations, in region-list order, each with how many it has. */
export const stationDistricts = (stations: readonly RestStation[], regions: readonly SnapshotRegion[]): StationDistrict[] => {
  const counts = new Map<string, number>()
  for (const s of stations) if (s.district) counts.set(s.district.code, (counts.get(s.district.code) ?? 0) + 1)
  return regions
    .filter((r) => r.level === 'district' && counts.has(r.code))
    .map((r) => ({ code: r.code, name: r.name, count: counts.get(r.code)! }))
}
