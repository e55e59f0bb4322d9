/**
 * 离我最近 from a small data file rather than from the page: the rest stations read their
 * category's directory data file (/services/data/rest-station.json), the workers' homes
 * /homes/data/places.json. The page holds one page of the list; the file every place, fetched only
 * when the button is pressed. Both become the same `NearPlace`, drawn by scripts/nearby.ts.
 */
import type { SnapshotHours, SnapshotHoursException, SnapshotWorkersHome } from '../../content-models/snapshot'
import { routes } from '../routes'
import { byDistance, isPlace, type LatLng } from './nearby'
import { openState, type OpenState } from './openNow'
import { itemOpenState, type DirectoryItem } from './serviceDirectory'

export interface NearPlace {
  name: string
  href: string
  address: string
  lat: number
  lng: number
  metres: number
  /** paused: the service is temporarily closed (暂停服务); else open now, China time. */
  open: OpenState | 'paused'
  phone?: DirectoryItem['phone']
}

/** How many nearest places are shown at once; 显示更多 adds as many again. */
export const NEAR_PLACES_SHOWN = 20

/**
 * Every place of every rest station that has not ended, nearest first. A service with several
 * places is several stations, named `service·place` as on the page (lib/restStations.ts).
 */
export const nearStations = (items: readonly DirectoryItem[], origin: LatLng, now: Date): NearPlace[] => {
  const places = items.filter((i) => i.status !== 'ended').flatMap((item) => item.places.map((place) => ({ item, place })))
  return byDistance(places, origin, (p) => [p.place]).map(({ item: { item, place }, metres }) => ({
    name: place.name && item.places.length > 1 ? `${item.name}·${place.name}` : item.name,
    href: routes.service.url({ slug: item.slug }),
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    metres: metres!,
    open: item.status === 'active' ? itemOpenState(item, now) : 'paused',
    phone: item.phone,
  }))
}

/** A workers' home in /homes/data/places.json: only homes with a place, only what the nearest list shows. */
export interface HomePlace {
  name: string
  slug: string
  address: string
  lat: number
  lng: number
  hours: SnapshotHours[]
  exceptions: SnapshotHoursException[]
}

export const homePlaces = (homes: readonly SnapshotWorkersHome[]): HomePlace[] =>
  homes.flatMap((h) =>
    isPlace(h.coordinates)
      ? [
          {
            name: h.name,
            slug: h.slug,
            address: h.address ?? '',
            lat: h.coordinates.lat,
            lng: h.coordinates.lng,
            hours: h.openingHours,
            exceptions: h.hoursExceptions,
          },
        ]
      : [],
  )

export const nearHomes = (homes: readonly HomePlace[], origin: LatLng, now: Date): NearPlace[] =>
  byDistance(homes, origin, (h) => [h]).map(({ item: h, metres }) => ({
    name: h.name,
    href: routes.home.url({ slug: h.slug }),
    address: h.address,
    lat: h.lat,
    lng: h.lng,
    metres: metres!,
    open: openState(h.hours, h.exceptions, now),
  }))

/** The data files 离我最近 can read, by the `data-near-kind` of its box. */
export const nearReaders = {
  'rest-stations': (data: unknown, origin: LatLng, now: Date) => nearStations(data as DirectoryItem[], origin, now),
  homes: (data: unknown, origin: LatLng, now: Date) => nearHomes(data as HomePlace[], origin, now),
} as const
export type NearKind = keyof typeof nearReaders
