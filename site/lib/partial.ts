import fs from 'node:fs'

import { settings } from '../../content-models/settings'
import type { Route } from '../routes'

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

const planFile = settings().astro.partialPlan
export const plan: PartialPlan | undefined = planFile ? (JSON.parse(fs.readFileSync(planFile, 'utf8')) as PartialPlan) : undefined

export const isPartialBuild = plan !== undefined

type Path = { params: Record<string, string | undefined>; props?: unknown }

/** The slugs a listing page shows, when it is one (see lib/listing). */
const listed = (p: Path): string[] => ((p.props as { page?: { items?: { slug: string }[] } } | undefined)?.page?.items ?? []).map((i) => i.slug)

/** getStaticPaths entries of `route` that this build renders: all of them, unless the build is partial. */
export const touched = <P extends Path>(route: Route<any>, paths: P[]): P[] => {
  if (!plan) return paths
  const contains = new Set(plan.contains)
  return paths.filter((p) => {
    const url = route.url(p.params)
    return plan.prefixes.some((prefix) => url.startsWith(prefix)) || (contains.size > 0 && listed(p).some((slug) => contains.has(slug)))
  })
}
