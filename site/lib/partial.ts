import fs from 'node:fs'

import type { Route } from '../routes'
import { renderContext } from './renderContext'

/**
 * Incremental builds. A partial build renders only the pages its plan (written by
 * site/incremental) names, by exact URL or by URL prefix; the rest of the site is carried over
 * from the live build. Pages without getStaticPaths (home, indexes, hotlines, feed) are cheap
 * and always render. The plan reaches the pages one way: the round's render context
 * (site/lib/renderContext.ts).
 */
export interface PartialPlan {
  urls: string[]
  prefixes: string[]
  /** Absolute URLs of the pages carried over, so the sitemap still lists the whole site. */
  sitemapPages: string[]
}

/**
 * The plan a partial `astro build` is given in a file (SITE_PARTIAL, see content-models/settings.ts);
 * astro.config.mjs reads it once and hands it to the build's integrations.
 */
export const readPartialPlan = (file: string | undefined): PartialPlan | undefined => {
  if (!file) return undefined
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PartialPlan
  } catch (error) {
    throw new Error(`部分构建的计划文件 ${file} 无法读取（SITE_PARTIAL）：请删除该设置以构建整个网站，或重新发布以生成新的计划`, {
      cause: error,
    })
  }
}

type Path = { params: Record<string, string | undefined>; props?: unknown }

/**
 * Whether `pattern` can make a URL that `url` names: each literal segment equal, a `[param]`
 * segment any one (a segment mixing text and a param too), a `[...rest]` any remainder. When
 * `url` is a prefix, a pattern reaching past its end can make a URL under it.
 */
const patternReaches = (pattern: string, url: string, isPrefix: boolean) => {
  const want = pattern.split('/')
  const got = url.split('/')
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!
    if (part.startsWith('[...')) return true
    if (i >= got.length) return isPrefix
    const seg = got[i]!
    // A prefix may end inside a segment (`/news/cat` of `/news/category/`).
    const last = isPrefix && i === got.length - 1
    if (part.includes('[')) continue
    if (last ? !part.startsWith(seg) : part !== seg) return false
  }
  return want.length === got.length || (isPrefix && got.length === want.length + 1 && got.at(-1) === '')
}

/**
 * True when this round is partial and its plan names no URL `route` can make: a route's
 * getStaticPaths returns no path then, before computing any (the resident renderer asks every
 * route each round, and most routes' paths cost a pass over every record). `touched` decides
 * which of a reached route's paths render.
 */
export const unreached = (route: Route<any>): boolean => {
  const { plan } = renderContext()
  if (!plan) return false
  for (const url of plan.urls) if (patternReaches(route.pattern, url, false)) return false
  return !plan.prefixes.some((prefix) => patternReaches(route.pattern, prefix, true))
}

/** getStaticPaths entries of `route` that this round renders: all of them, unless it is partial. */
export const touched = <P extends Path>(route: Route<any>, paths: P[]): P[] => {
  const { plan } = renderContext()
  if (!plan) return paths
  return paths.filter((p) => {
    const url = route.url(p.params)
    return plan.urls.has(url) || plan.prefixes.some((prefix) => url.startsWith(prefix))
  })
}
