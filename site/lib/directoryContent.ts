import { site } from './site'
import { getRegions, getServices } from './content'
import { noteRead, perRound } from './renderContext'
import { serviceFacets, sortItems, toDirectoryItem } from './serviceDirectory'

/**
 * The service directory as the pages read it: every item in display order, the district
 * choices and the facets with their counts. Computed once a round: the index, every filter
 * page and every category's data file read the same list.
 */
const load = perRound(async () => {
  const [services, regions] = await Promise.all([getServices(), getRegions()])
  const items = sortItems(services.map((s) => toDirectoryItem(s, regions, site.hotline.number)))
  const districts = regions.filter((r) => r.level === 'district').map((r) => ({ value: r.code, label: r.name }))
  const facets = serviceFacets(items, districts)
  return { items, districts, facets }
})

export const getDirectory = () => {
  // Noted on every call, the cached value too: each page that shows the directory reads both.
  noteRead('services')
  noteRead('regions')
  return load()
}
