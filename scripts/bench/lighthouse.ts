import fs from 'node:fs/promises'
import path from 'node:path'

import lighthouse from 'lighthouse'

import { routes } from '../../site/routes'
import { freePort, launchChromium } from '../../tests/helpers/browser'
import { median } from './measure'

/**
 * Lighthouse (12.2.3, its default mobile preset: a mid-range phone, simulated slow 4G, 4× CPU
 * slowdown) over one page of every type of a built site, as our server sends it (compressed).
 * The figures workers feel: the performance score, LCP, TBT, CLS and the bytes on the wire.
 */
export interface LighthousePage {
  kind: string
  url: string
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  cls: number
  /** The page's own HTML as sent (compressed, with headers). */
  documentBytes: number
  /** Everything the page loaded, as sent. */
  totalBytes: number
}

/** The folders below `rel` of a build (categories, regions, records), sorted, less the listed ones. */
const foldersUnder = async (dir: string, rel: string, except: readonly string[] = []) =>
  (await fs.readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !except.includes(e.name) && e.name !== 'page')
    .map((e) => e.name)
    .sort()

/** One page of every type the build has, picked from its folders; types it lacks are left out. */
export const pageOfEveryType = async (dir: string): Promise<Record<string, string>> => {
  const first = async (prefix: string) => {
    const [name] = await foldersUnder(dir, prefix.slice(1, -1))
    return name && `${prefix}${name}/`
  }
  const [article] = await foldersUnder(dir, 'news', ['category', 'region', 'archive'])
  const [service] = await foldersUnder(dir, 'services', ['category', 'district', 'audience', 'data', 'rest-stations'])
  const [district] = await foldersUnder(dir, 'services/district')
  const pages: Record<string, string | undefined> = {
    front: routes.frontPage.url({}),
    news: routes.news.url({}),
    article: article && routes.article.url({ slug: article }),
    category: await first(routes.category.url({ slug: '' })),
    region: await first(routes.region.url({ code: '' })),
    archiveYear: await first(routes.archive.url({})),
    services: routes.services.url({}),
    servicesFilter: await first(routes.servicesCategory.url({ category: '' })),
    servicesDistrict: district && routes.servicesFacet.url({ facet: 'district', value: district }),
    servicesDistrictCategory: await first(routes.servicesFacetCategory.url({ facet: 'district', value: district ?? '', category: '' })),
    service: service && routes.service.url({ slug: service }),
    restStations: routes.restStations.url({}),
    hotlines: routes.hotlines.url({}),
    homes: routes.homes.url({}),
    models: routes.models.url({}),
    organizations: routes.organizations.url({}),
    search: `${routes.search.url({})}?q=${encodeURIComponent('职工')}`,
  }
  const found: Record<string, string> = {}
  for (const [kind, url] of Object.entries(pages)) {
    if (!url) continue
    const pathname = url.split('?')[0]!
    if (
      await fs.stat(path.join(dir, pathname, 'index.html')).then(
        () => true,
        () => false,
      )
    )
      found[kind] = url
  }
  return found
}

const score = (lhr: { categories: Record<string, { score: number | null } | undefined> }, key: string) =>
  Math.round((lhr.categories[key]?.score ?? Number.NaN) * 100)

/** Runs Lighthouse `runs` times on each page (one Chromium, pages in turn) and keeps the medians. */
export const measureLighthouse = async (options: {
  baseUrl: string
  pages: Record<string, string>
  runs: number
  log?: (message: string) => void
}): Promise<LighthousePage[]> => {
  const port = await freePort()
  // Lighthouse drives Chromium through its DevTools port.
  const browser = await launchChromium([`--remote-debugging-port=${port}`])
  try {
    const results: LighthousePage[] = []
    for (const [kind, url] of Object.entries(options.pages)) {
      const samples: Omit<LighthousePage, 'kind' | 'url'>[] = []
      for (let run = 0; run < options.runs; run++) {
        const answer = await lighthouse(`${options.baseUrl}${url}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        })
        if (!answer) throw new Error(`Lighthouse gave no result for ${url}`)
        const { lhr } = answer
        if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`)
        const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
        const requests = (lhr.audits['network-requests']?.details as { items?: { url: string; transferSize?: number }[] } | undefined)
          ?.items
        samples.push({
          performance: score(lhr, 'performance'),
          accessibility: score(lhr, 'accessibility'),
          bestPractices: score(lhr, 'best-practices'),
          seo: score(lhr, 'seo'),
          lcpMs: numeric('largest-contentful-paint'),
          tbtMs: numeric('total-blocking-time'),
          cls: numeric('cumulative-layout-shift'),
          documentBytes: requests?.[0]?.transferSize ?? Number.NaN,
          totalBytes: numeric('total-byte-weight'),
        })
      }
      const mid = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]))
      const page: LighthousePage = {
        kind,
        url,
        performance: mid('performance'),
        accessibility: mid('accessibility'),
        bestPractices: mid('bestPractices'),
        seo: mid('seo'),
        lcpMs: mid('lcpMs'),
        tbtMs: mid('tbtMs'),
        cls: mid('cls'),
        documentBytes: mid('documentBytes'),
        totalBytes: mid('totalBytes'),
      }
      options.log?.(
        `${kind} ${url}: 性能 ${page.performance}，LCP ${(page.lcpMs / 1000).toFixed(1)} s，TBT ${Math.round(page.tbtMs)} ms，CLS ${page.cls.toFixed(3)}，${(page.totalBytes / 1024).toFixed(1)} kB`,
      )
      results.push(page)
    }
    return results
  } finally {
    await browser.close()
  }
}
