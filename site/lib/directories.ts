import { routes } from '../routes'

/**
 * A filtered directory as its index and filter pages (components/FacetPage.astro) name it: its
 * name (title, breadcrumb), its name in filter pages' descriptions, its root URL, and what it
 * lists (the filter panel's name).
 */
export interface FacetDirectory {
  name: string
  described: string
  base: string
  noun: string
}

export const homesDirectory: FacetDirectory = { name: '职工之家', described: '职工之家名录', base: routes.homes.url({}), noun: '职工之家' }

export const modelsDirectory: FacetDirectory = { name: '劳模风采', described: '劳模风采', base: routes.models.url({}), noun: '劳模和集体' }
