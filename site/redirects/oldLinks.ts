import type { SnapshotArticle } from '../../content-models/snapshot'

/**
 * Old links: an imported article knows the address it had on the union's old site
 * (`originalUrl`); a visitor arriving at that address's path on the new site is sent to the
 * article's page. This module decides which old addresses count and how a request matches
 * one; the build writes them as `_redirects` and an nginx map (formats.ts), and the site
 * server answers from that file (handler.ts).
 */
export interface OldLink {
  /** The old path, percent-decoded (as nginx's `$uri`): `/html/2015/0312/1234.html`. */
  path: string
  /** The old query exactly as the link had it, without `?` (`id=45`); empty for none. */
  query: string
  /** The new page, a path on this site: `/news/<slug>/`. Never another site. */
  to: string
}

const decoded = (path: string) => {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/** `www.jnzgh.gov.cn` and `jnzgh.gov.cn` are one site. */
const siteHost = (host: string) => host.toLowerCase().replace(/^www\./, '')

const hostOf = (value: string): string | undefined => {
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname
  } catch {
    return undefined
  }
}

/**
 * The hosts whose paths are this site's old addresses: the ones named in SITE_OLD_HOSTS and
 * the host of SITE_URL (a new portal usually takes over the old site's address). An article
 * whose original address is on any other host (a page first published by a newspaper, say)
 * gets no redirect: its path was never this site's.
 */
export const oldSiteHosts = (settings: { oldSiteHosts: string[]; siteUrl: string }): Set<string> =>
  new Set(
    [...settings.oldSiteHosts, settings.siteUrl]
      .map(hostOf)
      .filter((h): h is string => !!h)
      .map(siteHost),
  )

/** The old link an article's original address gives, when it is a web address on one of `hosts`. */
export const oldLinkOf = (originalUrl: string | undefined, to: string, hosts: Set<string>): OldLink | undefined => {
  if (!originalUrl || !/^https?:\/\//i.test(originalUrl) || !isSitePath(to)) return undefined
  let url: URL
  try {
    url = new URL(originalUrl)
  } catch {
    return undefined
  }
  if (!hosts.has(siteHost(url.hostname))) return undefined
  const path = decoded(url.pathname)
  const query = url.search.slice(1)
  // A control character (`%0A` in an imported page's canonical link) has no place in a server's config file.
  if (CONTROL.test(path)) return undefined
  // The old home page, or an address that already is the new page, redirects nowhere.
  if (path === '/' && !query) return undefined
  if (path === to && !query) return undefined
  return { path, query, to }
}

/** A path on this site: `/news/x/`, never `//host/` or `/\\host/`, which browsers read as another site. */
export const isSitePath = (to: string) => /^\/(?![/\\])/.test(to)

const paramsOf = (query: string) => [...new URLSearchParams(query)]

/**
 * Every old link of the published articles, in the order a redirect file lists them: by path,
 * and for one path those naming more query parameters first, the bare path last (the first
 * matching rule wins in `_redirects`). An address two articles claim goes to the first in
 * `articles` (newest first).
 */
export const oldLinks = (
  articles: readonly Pick<SnapshotArticle, 'originalUrl' | 'slug'>[],
  url: (slug: string) => string,
  hosts: Set<string>,
) => {
  const seen = new Set<string>()
  const links: OldLink[] = []
  for (const article of articles) {
    const link = oldLinkOf(article.originalUrl, url(article.slug), hosts)
    if (!link) continue
    const key = `${link.path}?${link.query}`
    if (seen.has(key)) continue
    seen.add(key)
    links.push(link)
  }
  // Parameters counted once per link, not in every comparison (50k links at a publish).
  const counted = links.map((link) => ({ link, params: link.query ? paramsOf(link.query).length : 0 }))
  counted.sort(
    (a, b) =>
      (a.link.path < b.link.path ? -1 : a.link.path > b.link.path ? 1 : 0) ||
      b.params - a.params ||
      (a.link.query < b.link.query ? -1 : a.link.query > b.link.query ? 1 : 0),
  )
  return counted.map((c) => c.link)
}

/**
 * How a request finds its old link, as `_redirects` hosts match: a link with a query matches
 * when the request has each of its parameters with the same value (others, such as a
 * `from=timeline` a share added, do not matter); a link without one matches its path with any
 * query, since the old static page ignored it. Links naming more parameters are tried first.
 */
export const oldLinkFinder = (links: readonly OldLink[]) => {
  const byPath = new Map<string, { params: [string, string][]; to: string }[]>()
  for (const link of links) {
    const list = byPath.get(link.path) ?? []
    list.push({ params: link.query ? paramsOf(link.query) : [], to: link.to })
    byPath.set(link.path, list)
  }
  for (const list of byPath.values()) list.sort((a, b) => b.params.length - a.params.length)
  return (pathname: string, search: URLSearchParams): string | undefined => {
    const candidates = byPath.get(decoded(pathname))
    return candidates?.find((c) => c.params.every(([k, v]) => search.getAll(k).includes(v)))?.to
  }
}
