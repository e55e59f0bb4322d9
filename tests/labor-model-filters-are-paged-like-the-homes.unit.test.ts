import { describe, expect, it } from 'vitest'

import type { SnapshotLaborModel } from '../content-models/snapshot'
import { MODELS_PER_PAGE, modelFacets, modelsInOrder, pagedFacetPaths } from '../site/lib/facets'
import { routes } from '../site/routes'

/**
 * The labor models' filter pages (/models/<facet>/<value>/) are paged as the homes' are: a
 * provincial list of 五一劳动奖章 holders runs to hundreds, and one page of them all does not
 * load on a phone.
 */
const model = (i: number): SnapshotLaborModel => ({
  id: String(i),
  slug: `lm-${i}`,
  kind: i % 10 === 0 ? 'collective' : 'individual',
  name: `劳模${String(i).padStart(3, '0')}`,
  honors: [{ title: i % 2 ? '全国五一劳动奖章' : '省劳动模范', level: i % 2 ? 'national' : 'provincial', year: 2015 + (i % 8) }],
  biographyHtml: '<p>事迹</p>',
  relatedArticles: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
})

describe('labor-model filter pages', () => {
  const models = modelsInOrder(Array.from({ length: 130 }, (_, i) => model(i)))
  const paths = pagedFacetPaths(modelFacets(models, []), models, MODELS_PER_PAGE)

  it('splits a long filter into pages of MODELS_PER_PAGE, the first at the filter’s own address', () => {
    const individual = paths.filter((p) => p.params.facet === 'kind' && p.params.value === 'individual')
    const count = models.filter((m) => m.kind === 'individual').length
    expect(individual).toHaveLength(Math.ceil(count / MODELS_PER_PAGE))
    expect(individual.map((p) => routes.modelsFacet.url(p.params))).toEqual(
      individual.map((_, i) => (i === 0 ? '/models/kind/individual/' : `/models/kind/individual/page/${i + 1}/`)),
    )
    expect(individual.every((p) => p.props.page.items.length <= MODELS_PER_PAGE)).toBe(true)
    // Every model of the filter on exactly one page, in the gallery's order.
    expect(individual.flatMap((p) => p.props.page.items.map((m) => m.slug))).toEqual(
      models.filter((m) => m.kind === 'individual').map((m) => m.slug),
    )
  })

  it('keeps a short filter on one page with no page links', () => {
    const collective = paths.filter((p) => p.params.facet === 'kind' && p.params.value === 'collective')
    expect(collective).toHaveLength(1)
    expect(collective[0]!.params.page).toBeUndefined()
    expect(collective[0]!.props.page.total).toBe(1)
  })
})
