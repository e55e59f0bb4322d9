/**
 * Links that open a place in the phone's map app: a plain URL, no tiles and no third-party
 * script. Amap (高德) and Baidu both accept WGS84 coordinates when told so. Kept apart from
 * services.ts so browser scripts can build the same links without the page helpers.
 */
export interface MapPlace {
  lat: number
  lng: number
  name: string
  address?: string
}

export const amapLink = (p: MapPlace) =>
  `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.name)}&coordinate=wgs84&callnative=1`

export const baiduLink = (p: MapPlace) =>
  `https://api.map.baidu.com/marker?location=${p.lat},${p.lng}&title=${encodeURIComponent(p.name)}&content=${encodeURIComponent(p.address ?? p.name)}&output=html&coord_type=wgs84`
