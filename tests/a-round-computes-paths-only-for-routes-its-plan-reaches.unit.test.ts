import { describe, expect, it } from 'vitest'

import { unreached } from '../site/lib/partial'
import { createRenderContext, enterRenderContext } from '../site/lib/renderContext'
import { routes, type Route } from '../site/routes'

/**
 * A round of the resident renderer asks every route for its paths; a route whose URLs the
 * plan cannot name answers with none before computing any (`unreached`). Skipping a route the
 * plan does name would leave its page stale, so every URL each route makes is checked, named
 * exactly and by each of its prefixes.
 */
const allRoutes = Object.values(routes) as Route<any>[]

/** URLs a route makes: each param a word, rest params empty and two segments deep. */
const urlsOf = (route: Route<any>): string[] => {
  const names = [...route.pattern.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => ({ rest: Boolean(m[1]), name: m[2]! }))
  const fill = (rest: string | undefined) => Object.fromEntries(names.map((p) => [p.name, p.rest ? rest : `v-${p.name}`]))
  return [...new Set([route.url(fill(undefined)), route.url(fill('2024/page/2'))])]
}

const prefixesOf = (url: string): string[] => {
  const cuts: string[] = []
  for (let i = url.indexOf('/', 1); i >= 0; i = url.indexOf('/', i + 1)) cuts.push(url.slice(0, i + 1))
  return cuts
}

const inRound = <T>(plan: { urls: string[]; prefixes: string[] } | undefined, run: () => T): T => {
  const leave = enterRenderContext(createRenderContext({ plan: plan && { ...plan, sitemapPages: [] }, snapshotDir: '/nonexistent' }))
  try {
    return run()
  } finally {
    leave()
  }
}

describe('which routes a partial round asks for their paths', () => {
  it('asks every route whose URL the plan names, exactly or by a prefix of it', () => {
    for (const route of allRoutes)
      for (const url of urlsOf(route)) {
        expect(
          inRound({ urls: [url], prefixes: [] }, () => unreached(route)),
          `${route.pattern} for ${url}`,
        ).toBe(false)
        for (const prefix of prefixesOf(url))
          expect(
            inRound({ urls: [], prefixes: [prefix] }, () => unreached(route)),
            `${route.pattern} under ${prefix}`,
          ).toBe(false)
      }
  })

  it('asks no route of another section, and every route in a full build', () => {
    const plan = { urls: ['/news/a000001/', '/news/', '/'], prefixes: [] }
    const asked = allRoutes.filter((r) => !inRound(plan, () => unreached(r))).map((r) => r.pattern)
    expect(asked).toContain(routes.article.pattern)
    for (const r of [
      routes.service,
      routes.servicesFacet,
      routes.home,
      routes.homesFacet,
      routes.model,
      routes.modelsFacet,
      routes.organization,
    ])
      expect(asked).not.toContain(r.pattern)
    // A news article page is no listing page: the numbered news pages are not asked either.
    expect(asked).not.toContain(routes.newsPage.pattern)
    expect(allRoutes.filter((r) => inRound(undefined, () => unreached(r)))).toEqual([])
  })

  it('asks the directory routes for a prefix of the directory', () => {
    const plan = { urls: [], prefixes: ['/services/category/'] }
    expect(inRound(plan, () => unreached(routes.servicesFacet))).toBe(false)
    expect(inRound(plan, () => unreached(routes.article))).toBe(true)
    expect(inRound(plan, () => unreached(routes.homesFacet))).toBe(true)
  })
})
