import type { SnapshotRegion, SnapshotService } from '../../content-models/snapshot'

/**
 * What the service directory's dropdown filters promise, read straight from a service's own
 * fields (not from the directory item the site builds), so tests can compute the services a
 * filter must show from the content itself.
 */

export const inCategory = (service: SnapshotService, category: string) => service.category === category

/** For that group of workers, or for everyone. */
export const forAudience = (service: SnapshotService, audience: string) =>
  service.audiences.includes(audience) || service.audiences.includes('everyone')

/**
 * Serves a district (区县) when a location or its service area lies in it (a 街道 in it counts),
 * when its area is the whole city or wider, or when it names no place at all.
 */
export const servesDistrict = (service: SnapshotService, district: string, regions: readonly SnapshotRegion[]) => {
  const places = [...service.locations.map((l) => l.district), ...service.serviceArea].filter((r): r is SnapshotRegion => Boolean(r))
  const inDistrict = (r: SnapshotRegion) => r.code === district || (r.level === 'subdistrict' && r.parentCode === district)
  const countyOrBelow = (r: SnapshotRegion) =>
    r.level === 'district' || (r.level === 'subdistrict' && regions.some((p) => p.code === r.parentCode))
  return (
    places.some(inDistrict) || service.serviceArea.some((r) => r.level === 'city' || r.level === 'province') || !places.some(countyOrBelow)
  )
}
