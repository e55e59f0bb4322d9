import fs from 'node:fs'

import { settings } from '../../content-models/settings'
import type { Route } from '../routes'
import { currentRound, perRound } from './renderRound'

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
/** The plan this process was started with (SITE_PARTIAL): astro.config.mjs reads it for the sitemap. */
export const plan: PartialPlan | undefined = planFile ? (JSON.parse(fs.readFileSync(planFile, 'utf8')) as PartialPlan) : undefined

type Path = { params: Record<string, string | undefined>; props?: unknown }

/** The plan of the current round: the resident renderer sets one per update, a build has its own. */
const roundPlan = perRound(() => {
  const current = currentRound().plan ?? plan
  return current && { ...current, urls: new Set(current.urls) }
})

/** getStaticPaths entries of `route` that this round renders: all of them, unless it is partial. */
export const touched = <P extends Path>(route: Route<any>, paths: P[]): P[] => {
  const current = roundPlan()
  if (!current) return paths
  return paths.filter((p) => {
    const url = route.url(p.params)
    return current.urls.has(url) || current.prefixes.some((prefix) => url.startsWith(prefix))
  })
}
