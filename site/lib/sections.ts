import { getArticles, getCategories, getRegions } from './content'
import { routes } from '../routes'
import { noteRead, perRound } from './renderContext'

type Link = { href: string; label: string; count: number }

/** Article counts per section and region, computed once per round for every listing page. */
const counts = perRound(async (): Promise<{ total: number; categories: Link[]; regions: Link[] }> => {
  const articles = await getArticles()
  const byCategory = new Map<string, number>()
  const byRegion = new Map<string, number>()
  for (const a of articles) {
    for (const c of a.categories) byCategory.set(c.slug, (byCategory.get(c.slug) ?? 0) + 1)
    if (a.region) byRegion.set(a.region.code, (byRegion.get(a.region.code) ?? 0) + 1)
  }
  return {
    total: articles.length,
    categories: (await getCategories())
      .map((c) => ({ href: routes.category.url({ slug: c.slug }), label: c.name, count: byCategory.get(c.slug) ?? 0 }))
      .filter((c) => c.count > 0),
    regions: (await getRegions())
      .map((r) => ({ href: routes.region.url({ code: r.code }), label: r.name, count: byRegion.get(r.code) ?? 0 }))
      .filter((r) => r.count > 0),
  }
})

/** The counts; noted as a read of what they are counted from on every call, cached or not (site/lib/renderContext.ts). */
export const newsSectionCounts = () => {
  for (const collection of ['articles', 'categories', 'regions']) noteRead(collection)
  return counts()
}
