import fs from 'node:fs'

/**
 * Incremental builds. When SITE_PARTIAL names a plan file (written by site/incremental), a
 * build renders only the routes whose URL starts with one of the plan's prefixes; the rest
 * of the site is carried over from the live build. Pages without getStaticPaths (home,
 * indexes, hotlines, feed) are cheap and always render.
 */
export interface PartialPlan {
  prefixes: string[]
  /** Slugs of news edited in place (same date, sections, region): only listing pages showing them change. */
  contains: string[]
  /** Absolute URLs of the pages carried over, so the sitemap still lists the whole site. */
  sitemapPages: string[]
}

export const plan: PartialPlan | undefined = process.env.SITE_PARTIAL ? (JSON.parse(fs.readFileSync(process.env.SITE_PARTIAL, 'utf8')) as PartialPlan) : undefined

export const isPartialBuild = plan !== undefined

/** The URL of a route such as `/news/category/[slug]/[...page]/` for one set of params. */
export const routeUrl = (route: string, params: Record<string, string | undefined>): string =>
  route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, key: string) => params[key] ?? '').replace(/\/{2,}/g, '/')

type Path = { params: Record<string, string | undefined>; props?: unknown }

/** The slugs a listing page shows, when it is one (see lib/listing). */
const listed = (p: Path): string[] => ((p.props as { page?: { items?: { slug: string }[] } } | undefined)?.page?.items ?? []).map((i) => i.slug)

/** getStaticPaths entries of `route` that this build renders: all of them, unless the build is partial. */
export const touched = <P extends Path>(route: string, paths: P[]): P[] => {
  if (!plan) return paths
  const contains = new Set(plan.contains)
  return paths.filter((p) => {
    const url = routeUrl(route, p.params)
    return plan.prefixes.some((prefix) => url.startsWith(prefix)) || (contains.size > 0 && listed(p).some((slug) => contains.has(slug)))
  })
}
