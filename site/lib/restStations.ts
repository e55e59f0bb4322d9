/**
 * The outdoor workers' rest stations (户外劳动者驿站) as places: one entry per location of every
 * rest-station service that has not ended, so a service with three stations lists three.
 */
import type { SnapshotRegion, SnapshotService } from '../../content-models/snapshot'
import { districtOf } from './serviceDirectory'

export const REST_STATION = 'rest-station'

export interface RestStation {
  service: SnapshotService
  location: SnapshotService['locations'][number]
  /** The name a worker reads: the location's own name, else the service's. */
  name: string
  district?: SnapshotRegion
}

/** Active stations first, then by district code and name: the order of the page without a position. */
export const restStations = (services: readonly SnapshotService[], regions: readonly SnapshotRegion[]): RestStation[] =>
  services
    .filter((s) => s.category === REST_STATION && s.status !== 'ended')
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
        (a.district?.code ?? '~').localeCompare(b.district?.code ?? '~') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
