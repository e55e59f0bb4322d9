import { site } from './site'
import { getRegions, getServices } from './content'
import { noteRead, perRound } from './renderContext'
import { directoryOf } from './directoryPages'

/**
 * The service directory as the pages read it: every item in display order, the district
 * choices and the facets with their counts. Computed once a round: the index, every filter
 * page and every category's data file read the same list.
 */
const load = perRound(async () => {
  const [services, regions] = await Promise.all([getServices(), getRegions()])
  return directoryOf(services, regions, site.hotline.number)
})

export const getDirectory = () => {
  // Noted on every call, the cached value too: each page that shows the directory reads both.
  noteRead('services')
  noteRead('regions')
  return load()
}
