import fs from 'node:fs'

import { settings } from '../../content-models/settings'
import type { Route } from '../routes'

/**
 * Incremental builds. When SITE_PARTIAL names a plan file (written by site/incremental), a
 * build renders only the pages the plan names, by exact URL or by URL prefix; the rest of the
 * site is carried over from the live build. Pages without getStaticPaths (home, indexes,
 * hotlines, feed) are cheap and always render.
 */
export interface PartialPlan {
  urls: string[]
  prefixes: string[]
  /** Absolute URLs of the pages carried over, so the sitemap still lists the whole site. */
  sitemapPages: string[]
}

const planFile = settings().astro.partialPlan
export const plan: PartialPlan | undefined = planFile ? (JSON.parse(fs.readFileSync(planFile, 'utf8')) as PartialPlan) : undefined

export const isPartialBuild = plan !== undefined

type Path = { params: Record<string, string | undefined>; props?: unknown }

const urls = new Set(plan?.urls)

/** getStaticPaths entries of `route` that this build renders: all of them, unless the build is partial. */
export const touched = <P extends Path>(route: Route<any>, paths: P[]): P[] => {
  if (!plan) return paths
  return paths.filter((p) => {
    const url = route.url(p.params)
    return urls.has(url) || plan.prefixes.some((prefix) => url.startsWith(prefix))
  })
}
