import { homeAwardLevels, homeFacilities, labelOf } from '../../content-models/options'
import type { SnapshotWorkersHome } from '../../content-models/snapshot'

/** Homes on one page of a list: a multiple of the three-column grid. */
export const HOMES_PER_PAGE = 24

/** Directory order: highest award level first, then the most recently named, then by name. */
export const homesInOrder = (homes: readonly SnapshotWorkersHome[]): SnapshotWorkersHome[] => {
  const rank = (l: string) => {
    const i = homeAwardLevels.findIndex((o) => o.value === l)
    return i < 0 ? homeAwardLevels.length : i
  }
  return [...homes].sort(
    (a, b) =>
      rank(a.awardLevel) - rank(b.awardLevel) || (b.yearAwarded ?? 0) - (a.yearAwarded ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
  )
}

/** Facility labels in the vocabulary's order; a value the vocabulary lacks shows as stored, last. */
export const facilityLabels = (home: SnapshotWorkersHome): string[] => {
  const rank = (v: string) => {
    const i = homeFacilities.findIndex((f) => f.value === v)
    return i < 0 ? homeFacilities.length : i
  }
  return [...new Set(home.facilities)].sort((a, b) => rank(a) - rank(b)).map((v) => labelOf(homeFacilities, v))
}
