/**
 * "Nearest first" (离我最近): straight-line distance from the worker to each place, the
 * order that follows from it, and the words shown. Pure, so the directory island, the list
 * script and the tests share it. The site never sends a position anywhere: it is read in the
 * browser only when the worker presses the button, and used there.
 */
export interface LatLng {
  lat: number
  lng: number
}

const EARTH_RADIUS_M = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle (haversine) distance in metres. */
export const distanceMetres = (a: LatLng, b: LatLng): number => {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * "约 850 米", "约 2.3 公里", "约 15 公里". Rounded so it does not claim a precision the
 * straight line (and the phone's fix) do not have.
 */
export const distanceText = (metres: number): string => {
  if (metres < 100) return '约 100 米以内'
  if (metres < 1000) return `约 ${Math.round(metres / 50) * 50} 米`.replace('约 1000 米', '约 1 公里')
  if (metres < 10_000) return `约 ${(Math.round(metres / 100) / 10).toFixed(1).replace(/\.0$/, '')} 公里`
  return `约 ${Math.round(metres / 1000)} 公里`
}

export interface Ranked<T> {
  item: T
  /** Distance to the item's nearest place; undefined when it has no coordinates. */
  metres?: number
  /** Index of that nearest place in the item's list. */
  place?: number
}

/**
 * Items by the distance of their nearest place, nearest first. Items without coordinates
 * keep their previous order after all the others: they are not "far", just unknown.
 */
export const byDistance = <T>(items: readonly T[], origin: LatLng, placesOf: (item: T) => readonly LatLng[]): Ranked<T>[] =>
  items
    .map((item, index) => {
      let best: { metres: number; place: number } | undefined
      placesOf(item).forEach((p, place) => {
        const metres = distanceMetres(origin, p)
        if (!best || metres < best.metres) best = { metres, place }
      })
      return { item, index, ...best }
    })
    .sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity) || a.index - b.index)
    .map(({ item, metres, place }) => ({ item, metres, place }))

/** Valid WGS84 coordinates (a 0,0 or out-of-range pair is a data-entry slip, not a place). */
export const isPlace = (p: Partial<LatLng> | undefined): p is LatLng =>
  !!p &&
  Number.isFinite(p.lat) &&
  Number.isFinite(p.lng) &&
  Math.abs(p.lat!) <= 90 &&
  Math.abs(p.lng!) <= 180 &&
  !(p.lat === 0 && p.lng === 0)

/** GeolocationPositionError codes; kept as numbers so this module runs outside a browser. */
const PERMISSION_DENIED = 1

/** What the worker reads when the position cannot be had, and what to do instead. */
export const locationProblem = (error: { code?: number } | 'unsupported'): string =>
  error === 'unsupported'
    ? '这个浏览器不能获取位置。请用下面的地区筛选查找。'
    : error.code === PERMISSION_DENIED
      ? '没有获得位置权限，无法按距离排序。请用下面的地区筛选查找；如需按距离排序，请在浏览器设置中允许本网站获取位置后再试。'
      : '暂时无法获取您的位置（可能是定位信号弱或超时）。请用下面的地区筛选查找，或稍后再试。'

/**
 * Asks the browser for the position, once, when the worker pressed the button. A cached fix
 * of up to two minutes is fine for "which station is closest" and answers at once outdoors.
 */
export const requestPosition = (timeoutMs = 15_000): Promise<LatLng> =>
  new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return reject('unsupported')
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => reject(e),
      { enableHighAccuracy: false, maximumAge: 120_000, timeout: timeoutMs },
    )
  })
