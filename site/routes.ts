import { publicTypeOfKey, type PublicContentKey } from '../content-models/publicTypes'

/**
 * The route table: every page type of the site, where its URL comes from, and which listing
 * pages a record appears on. Pages name their route from here (for `touched()`), links are
 * made with `url()`, and the incremental plan, the sitemap filter, the feed and search read
 * it, so a URL is decided in exactly one place. A test checks this table against the files in
 * site/pages/, both ways.
 */
type Params = Record<string, string | undefined>

export interface Route<P extends Params = Params> {
  /** The page file under site/pages/ that renders it; its path is the URL pattern. */
  file: string
  /** Astro's URL pattern, e.g. `/news/category/[slug]/[...page]/`. */
  pattern: string
  url: (params: P) => string
  /** Left out of the sitemap and search (staff preview, the search page itself). */
  noindex?: boolean
}

/** `news/[slug].astro` → `/news/[slug]/`; `index.astro` → `/`; `rss.xml.ts` → `/rss.xml`. */
export const patternOf = (file: string): string => {
  const withoutExt = file.replace(/\.(astro|ts)$/, '')
  // An endpoint: rss.xml, robots.txt, services.json, and [redirectFile] (named `_redirects`).
  if (file.endsWith('.ts')) return `/${withoutExt}`
  if (withoutExt === '404') return '/404.html'
  const folder = withoutExt.replace(/(^|\/)index$/, '')
  return folder ? `/${folder}/` : '/'
}

/**
 * A pattern's `fill`, split once into its literal parts and param names: a round of the
 * resident renderer asks for the URL of every path of every route (70k at 50k articles).
 */
const filler = (pattern: string) => {
  const parts = pattern.split(/\[(?:\.\.\.)?(\w+)\]/)
  if (parts.length === 1) return () => pattern
  return (params: Params) => {
    let url = parts[0]!
    for (let i = 1; i < parts.length; i += 2) url += (params[parts[i]!] ?? '') + parts[i + 1]!
    // An empty param (the newest page of a listing) leaves a doubled slash: its segment is dropped.
    return url.includes('//') ? url.replace(/\/{2,}/g, '/') : url
  }
}

/** Fills a pattern's params; an empty rest param (`[...page]` on page 1) drops its segment. */
export const fill = (pattern: string, params: Params): string => filler(pattern)(params)

const route = <P extends Params = Record<never, never>>(file: string, options: { noindex?: boolean } = {}): Route<P> => {
  const pattern = patternOf(file)
  const url = filler(pattern)
  return { file, pattern, url: (params: P = {} as P) => url(params), ...options }
}

/** Detail pages live under their type's section (content-models/publicTypes.ts). */
const detail = (key: PublicContentKey) => route<{ slug: string }>(`${publicTypeOfKey(key).section}/[slug].astro`)

export const routes = {
  frontPage: route('index.astro'),
  news: route('news/index.astro'),
  newsPage: route<{ page: string }>('news/page/[page].astro'),
  article: detail('articles'),
  category: route<{ slug: string; page?: string }>('news/category/[slug]/[...page].astro'),
  region: route<{ code: string; page?: string }>('news/region/[code]/[...page].astro'),
  archive: route('news/archive/index.astro'),
  /** Years and months: `2024/`, `2024/page/2/`, `2024/05/`, `2024/05/page/2/`. */
  archivePeriod: route<{ path?: string }>('news/archive/[...path].astro'),
  services: route('services/index.astro'),
  /** One category's services, paged: `category/legal-aid/`, `category/legal-aid/page/2/`. */
  servicesCategory: route<{ category: string; page?: string }>('services/category/[category]/[...page].astro'),
  /** A district's or an audience's categories with their counts: `district/330102/`, `audience/women/`. */
  servicesFacet: route<{ facet: string; value: string }>('services/[facet]/[value]/index.astro'),
  /** One category within a district or an audience, paged: `district/330102/legal-aid/page/2/`. */
  servicesFacetCategory: route<{ facet: string; value: string; category: string; page?: string }>(
    'services/[facet]/[value]/[category]/[...page].astro',
  ),
  /** A category's directory items, which the directory island fetches when a filter asks for them. */
  servicesData: route<{ category: string }>('services/data/[category].json.ts'),
  service: detail('services'),
  /** The outdoor workers' rest stations (户外劳动者驿站), nearest first on request. */
  restStations: route('services/rest-stations/index.astro'),
  /** One district's rest stations, paged: `330102/`, `330102/page/2/`; they work without script. */
  restStationsDistrict: route<{ district: string; page?: string }>('services/rest-stations/[district]/[...page].astro'),
  homes: route('homes/index.astro'),
  home: detail('workersHomes'),
  /** One filter of the homes, paged: `level/national/`, `region/330102/page/2/`. */
  homesFacet: route<{ facet: string; value: string; page?: string }>('homes/[facet]/[value]/[...page].astro'),
  /** Every home's place, which 离我最近 fetches instead of reading the page. */
  homesPlaces: route('homes/data/places.json.ts'),
  models: route('models/index.astro'),
  model: detail('laborModels'),
  /** One filter of the labor models, paged like the homes': `honor/<key>/`, `year/2019/page/2/`. */
  modelsFacet: route<{ facet: string; value: string; page?: string }>('models/[facet]/[value]/[...page].astro'),
  organizations: route('organizations/index.astro'),
  organization: detail('organizations'),
  hotlines: route('hotlines.astro'),
  /** 我的收藏: services saved in this browser, offline too; nothing on it is the site's content. */
  saved: route('saved.astro', { noindex: true }),
  manifest: route('manifest.webmanifest.ts'),
  search: route('search.astro', { noindex: true }),
  preview: route('preview.astro', { noindex: true }),
  notFound: route('404.astro', { noindex: true }),
  feed: route('rss.xml.ts'),
  robots: route('robots.txt.ts'),
  servicesOpenData: route('open-data/services.json.ts'),
  /** `_redirects` and its nginx map: old links of imported articles (site/redirects/). */
  redirectFiles: route<{ redirectFile: string }>('[redirectFile].ts'),
} as const

/** The detail route of each public content type. */
export const detailRoutes: Record<PublicContentKey, Route<{ slug: string }>> = {
  articles: routes.article,
  services: routes.service,
  workersHomes: routes.home,
  laborModels: routes.model,
  organizations: routes.organization,
}

/** The page of one record. */
export const recordUrl = (key: PublicContentKey, slug: string) => detailRoutes[key].url({ slug })

/** URL paths left out of the sitemap and search. */
export const noindexPaths = (Object.values(routes) as Route<any>[]).filter((r) => r.noindex).map((r) => r.url({}))

/** `/news/archive/2024/` and `/news/archive/2024/05/`. */
export const archiveUrl = (y: number, mm?: string) => routes.archivePeriod.url({ path: [String(y), mm].filter(Boolean).join('/') })
