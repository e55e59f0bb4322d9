import { describe, expect, it } from 'vitest'

import { services as sampleServices } from '../cms/seed/data/services'
import { byDistance, distanceMetres, distanceText, isPlace, locationProblem } from '../site/lib/nearby'
import { amapLink, baiduLink } from '../site/lib/mapLinks'

/** One minute of arc along a meridian on the mean-radius sphere: the nautical mile's origin. */
const ARC_MINUTE_M = (6_371_008.8 * Math.PI) / (180 * 60)

describe('distanceMetres', () => {
  it('measures along meridians and parallels as spherical geometry says', () => {
    expect(distanceMetres({ lat: 30, lng: 120 }, { lat: 30 + 1 / 60, lng: 120 })).toBeCloseTo(ARC_MINUTE_M, 3)
    // A parallel at latitude φ is cos φ as long: one arc minute east at 60° N is half as far.
    expect(distanceMetres({ lat: 60, lng: 120 }, { lat: 60, lng: 120 + 1 / 60 }) / ARC_MINUTE_M).toBeCloseTo(0.5, 3)
    expect(distanceMetres({ lat: 30.29, lng: 120.1 }, { lat: 30.29, lng: 120.1 })).toBe(0)
  })

  it('is symmetric and obeys the triangle inequality on the sample stations', () => {
    const places = sampleServices.flatMap((s) => s.locations?.flatMap((l) => (l.coordinates ? [l.coordinates] : [])) ?? [])
    expect(places.length).toBeGreaterThan(5)
    for (const a of places)
      for (const b of places) {
        expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6)
        for (const c of places.slice(0, 4))
          expect(distanceMetres(a, b)).toBeLessThanOrEqual(distanceMetres(a, c) + distanceMetres(c, b) + 1e-6)
      }
  })
})

describe('distanceText', () => {
  it('rounds to what a straight line and a phone fix can claim', () => {
    expect(distanceText(40)).toBe('约 100 米以内')
    expect(distanceText(849)).toBe('约 850 米')
    expect(distanceText(980)).toBe('约 1 公里')
    expect(distanceText(2340)).toBe('约 2.3 公里')
    expect(distanceText(3000)).toBe('约 3 公里')
    expect(distanceText(15_400)).toBe('约 15 公里')
  })
})

describe('byDistance', () => {
  const stations = sampleServices.filter((s) => s.category === 'rest-station')
  const placesOf = (s: (typeof stations)[number]) => (s.locations ?? []).flatMap((l) => (l.coordinates ? [l.coordinates] : []))

  it('puts the station beside the worker first and orders every other by its nearest place', () => {
    for (const here of stations) {
      const origin = { lat: placesOf(here)[0]!.lat + 0.002, lng: placesOf(here)[0]!.lng }
      const ranked = byDistance(stations, origin, placesOf)
      expect(ranked[0]!.item).toBe(here)
      expect(ranked).toHaveLength(stations.length)
      const metres = ranked.map((r) => r.metres!)
      expect(metres).toEqual([...metres].sort((a, b) => a - b))
      for (const r of ranked) expect(r.metres).toBe(Math.min(...placesOf(r.item).map((p) => distanceMetres(origin, p))))
    }
  })

  it('keeps places without coordinates, after the others, in their old order', () => {
    const items = [
      { name: 'a', at: [] },
      { name: 'b', at: [{ lat: 30.3, lng: 120.1 }] },
      { name: 'c', at: [] },
    ]
    expect(byDistance(items, { lat: 30, lng: 120 }, (i) => i.at).map((r) => [r.item.name, r.metres === undefined])).toEqual([
      ['b', false],
      ['a', true],
      ['c', true],
    ])
  })

  it('refuses coordinates that are data-entry slips', () => {
    expect(isPlace({ lat: 0, lng: 0 })).toBe(false)
    expect(isPlace({ lat: 91, lng: 120 })).toBe(false)
    expect(isPlace({ lat: Number.NaN, lng: 120 })).toBe(false)
    expect(isPlace({ lat: 30.29, lng: 120.1 })).toBe(true)
  })
})

describe('the words and links around it', () => {
  it('tells a refused, an unavailable and an unsupported location apart, and always offers the district filter', () => {
    const texts = [locationProblem({ code: 1 }), locationProblem({ code: 2 }), locationProblem({ code: 3 }), locationProblem('unsupported')]
    expect(texts[0]).toContain('没有获得位置权限')
    expect(texts[1]).toContain('暂时无法获取')
    expect(new Set(texts).size).toBe(3)
    for (const t of texts) expect(t).toContain('地区筛选')
  })

  it('map links carry the place in WGS84 and escape its name', () => {
    const place = { lat: 30.2955, lng: 120.1078, name: '驿站 & 休息点', address: '湖心大道388号' }
    const amap = new URL(amapLink(place))
    expect(amap.searchParams.get('position')).toBe('120.1078,30.2955')
    expect(amap.searchParams.get('coordinate')).toBe('wgs84')
    expect(amap.searchParams.get('name')).toBe(place.name)
    const baidu = new URL(baiduLink(place))
    expect(baidu.searchParams.get('location')).toBe('30.2955,120.1078')
    expect(baidu.searchParams.get('coord_type')).toBe('wgs84')
    expect(baidu.searchParams.get('content')).toBe(place.address)
  })
})
