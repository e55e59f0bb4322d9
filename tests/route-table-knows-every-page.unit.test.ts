import fs from 'node:fs'
import path from 'node:path'

import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import * as models from '../content-models'
import { publicTypes } from '../content-models/publicTypes'
import { homeFacets, modelFacets } from '../site/lib/facets'
import { serviceFacets } from '../site/lib/serviceDirectory'
import { detailRoutes, fill, patternOf, routes } from '../site/routes'

/**
 * The route table (site/routes.ts) is the one place URLs are decided. A page file it does not
 * know would be skipped by partial builds and its live pages deleted as "gone"; a route
 * without a file would make links that 404. Both directions are checked against site/pages/.
 */
const pagesDir = path.resolve('site/pages')
const pageFiles = (fs.readdirSync(pagesDir, { recursive: true }) as string[])
  .filter((f) => /\.(astro|ts)$/.test(f))
  .map((f) => f.split(path.sep).join('/'))
  .sort()
const tableFiles = Object.values(routes)
  .map((r) => r.file)
  .sort()

describe('the route table', () => {
  it('names every page file in site/pages, and no file that is not there', () => {
    expect(tableFiles).toEqual(pageFiles)
  })

  it('reads each pattern off its file the way Astro routes it', () => {
    expect(patternOf('index.astro')).toBe('/')
    expect(patternOf('news/index.astro')).toBe('/news/')
    expect(patternOf('news/category/[slug]/[...page].astro')).toBe('/news/category/[slug]/[...page]/')
    expect(patternOf('rss.xml.ts')).toBe('/rss.xml')
    expect(patternOf('open-data/services.json.ts')).toBe('/open-data/services.json')
    expect(patternOf('404.astro')).toBe('/404.html')
    expect(routes.category.url({ slug: 'rights' })).toBe('/news/category/rights/')
    expect(routes.category.url({ slug: 'rights', page: 'page/2' })).toBe('/news/category/rights/page/2/')
    expect(fill('/news/archive/[...path]/', { path: '2024/05' })).toBe('/news/archive/2024/05/')
  })

  it('puts each public type’s records under the section content-models declares', () => {
    for (const type of publicTypes) expect(detailRoutes[type.key].url({ slug: 'x' })).toBe(`/${type.section}/x/`)
  })

  it('reserves every path segment beside a detail page, so no record slug can shadow a listing', () => {
    const reservedOf = (collection: { fields: Field[] }) =>
      ((collection.fields.find((f) => 'name' in f && f.name === 'slug') as { custom?: { reserved?: string[] } }).custom?.reserved ??
        []) as string[]
    const modelOf = {
      articles: models.Articles,
      services: models.Services,
      workersHomes: models.WorkersHomes,
      laborModels: models.LaborModels,
      organizations: models.Organizations,
    }
    const facetNames = {
      workersHomes: homeFacets([], []).map((f) => f.key),
      laborModels: modelFacets([], []).map((f) => f.key),
      services: serviceFacets([], []).map((f) => f.key),
    } as Record<string, string[]>
    for (const type of publicTypes) {
      const siblings = new Set<string>(facetNames[type.key] ?? [])
      for (const file of pageFiles) {
        const [section, segment] = file.split('/')
        if (section === type.section && segment && !segment.startsWith('[') && !segment.startsWith('index.'))
          siblings.add(segment.replace(/\.(astro|ts)$/, ''))
      }
      expect(reservedOf(modelOf[type.key]).sort(), type.slug).toEqual(expect.arrayContaining([...siblings].sort()))
    }
  })
})
