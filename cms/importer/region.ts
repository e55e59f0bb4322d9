import type { regionLevels } from '../../content-models/options'

type Level = (typeof regionLevels)[number]['value']

export interface KnownRegion {
  id: number | string
  name: string
  level: Level | string
}

const specificity: Record<string, number> = { subdistrict: 4, district: 3, city: 2, province: 1 }

const occurrences = (text: string, name: string) => {
  let count = 0
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) count++
  return count
}

/**
 * The region an article is about, when its text names one of ours by its full name. A name
 * in the title outweighs any number in the body; among equals the more local one wins,
 * because a district's news names its city too. Short forms (`青湖` for 青湖区) are not
 * matched: too many are ordinary words.
 */
export const matchRegion = (title: string, body: string, regions: KnownRegion[]): KnownRegion | undefined => {
  let best: { region: KnownRegion; score: number } | undefined
  for (const region of regions) {
    if (region.name.length < 2) continue
    const score = occurrences(title, region.name) * 1000 + occurrences(body, region.name)
    if (score === 0) continue
    const better =
      !best || score > best.score || (score === best.score && (specificity[region.level] ?? 0) > (specificity[best.region.level] ?? 0))
    if (better) best = { region, score }
  }
  return best?.region
}
