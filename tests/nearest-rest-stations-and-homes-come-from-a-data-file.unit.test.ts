import { describe, expect, it } from 'vitest'

import type { SnapshotRegion, SnapshotService, SnapshotWorkersHome } from '../content-models/snapshot'
import { NEAR_PLACES_SHOWN, homePlaces, nearHomes, nearStations } from '../site/lib/nearPlaces'
import { distanceMetres } from '../site/lib/nearby'
import { restStations, stationDistricts } from '../site/lib/restStations'
import { servicePages, toDirectoryItem } from '../site/lib/serviceDirectory'

const regions: SnapshotRegion[] = [
  { code: '330102', name: '上城区', level: 'district' },
  { code: '330105', name: '拱墅区', level: 'district' },
  { code: '330102001', name: '清波街道', level: 'subdistrict', parentCode: '330102' },
] as SnapshotRegion[]

const always = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' }]
const place = (name: string | undefined, lat: number, district = '330102') => ({
  name,
  address: `${name ?? ''}路 1 号`,
  district: regions.find((r) => r.code === district),
  coordinates: { lat, lng: 120.15 },
  openingHours: always,
  hoursExceptions: [],
  amenities: [],
})
const station = (slug: string, status: SnapshotService['status'], locations: ReturnType<typeof place>[]) =>
  ({
    id: slug,
    slug,
    name: `${slug}驿站`,
    category: 'rest-station',
    status,
    audiences: [],
    phones: [{ number: '0571-12345678', kind: 'voice' }],
    locations,
    serviceArea: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as SnapshotService

const services = [
  station('a', 'active', [place(undefined, 30.3)]),
  station('b', 'active', [place('东站', 30.25), place('西站', 30.2, '330105')]),
  station('c', 'temporarily-closed', [place(undefined, 30.21)]),
  station('d', 'ended', [place(undefined, 30.2001)]),
]
const items = services.map((s) => toDirectoryItem(s, regions))

describe('离我最近 from a data file', () => {
  it('ranks every place of every station that has not ended, nearest first, named as the page names them', () => {
    const origin = { lat: 30.2, lng: 120.15 }
    const ranked = nearStations(items, origin, new Date('2026-12-07T04:00:00Z'))
    expect(ranked.map((s) => s.name)).toEqual(['b驿站·西站', 'c驿站', 'b驿站·东站', 'a驿站'])
    expect(ranked[1]!.metres).toBeCloseTo(distanceMetres(origin, { lat: 30.21, lng: 120.15 }), 3)
    // The page's own names for the same places.
    expect(
      restStations(services, regions)
        .map((s) => s.name)
        .sort(),
    ).toEqual(ranked.map((s) => s.name).sort())
    expect(ranked.map((s) => s.open)).toEqual(['open', 'paused', 'open', 'open'])
    expect(NEAR_PLACES_SHOWN).toBeGreaterThan(0)
  })

  it('keeps of the workers’ homes only those with a place, and ranks them with their own hours', () => {
    const home = (slug: string, lat: number | undefined, hours = always) =>
      ({
        slug,
        name: `${slug}职工之家`,
        address: '某路',
        coordinates: lat === undefined ? undefined : { lat, lng: 120.15 },
        openingHours: hours,
        hoursExceptions: [],
      }) as unknown as SnapshotWorkersHome
    const places = homePlaces([home('x', 30.3), home('y', undefined), home('z', 30.21, [])])
    expect(places.map((p) => p.slug)).toEqual(['x', 'z'])
    // What the page no longer carries stays out of the file too.
    expect(Object.keys(places[0]!).sort()).toEqual(['address', 'exceptions', 'hours', 'lat', 'lng', 'name', 'slug'])
    const ranked = nearHomes(places, { lat: 30.2, lng: 120.15 }, new Date('2026-12-07T04:00:00Z'))
    expect(ranked.map((h) => [h.href, h.open])).toEqual([
      ['/homes/z/', 'unknown'],
      ['/homes/x/', 'open'],
    ])
  })

  it('counts stations per district, a subdistrict’s in its district, for the district links', () => {
    const stations = restStations(services, regions)
    expect(stationDistricts(stations, regions)).toEqual([
      { code: '330102', name: '上城区', count: 3 },
      { code: '330105', name: '拱墅区', count: 1 },
    ])
  })

  it('pages any list of stations the way the directory pages its services', () => {
    const many = Array.from({ length: 45 }, (_, i) => i)
    expect(servicePages(many, 20).map((p) => [p.current, p.total, p.items.length])).toEqual([
      [1, 3, 20],
      [2, 3, 20],
      [3, 3, 5],
    ])
  })
})
