import type { APIRoute, GetStaticPaths } from 'astro'

import { settings } from '../../content-models/settings'
import { getArticles } from '../lib/content'
import { NGINX_MAP_FILE, nginxMap, REDIRECTS_FILE, redirectsFile } from '../redirects/formats'
import { type OldLink, oldLinks, oldSiteHosts } from '../redirects/oldLinks'
import { routes } from '../routes'

/**
 * `_redirects` and `_redirects.nginx.conf`: the old links of imported articles (site/redirects/).
 * A route param only because Astro takes no page file whose name starts with `_`. Every build
 * and every incremental publish writes both (the renderer renders routes with params whenever
 * their getStaticPaths lists them), so an article published, renamed or unpublished changes them.
 */
export const getStaticPaths = (() => [
  { params: { redirectFile: REDIRECTS_FILE } },
  { params: { redirectFile: NGINX_MAP_FILE } },
]) satisfies GetStaticPaths

/** The links of one round's articles, made once for both files (about 0.1 s of CPU at 50k links). */
const linksOf = new WeakMap<object, OldLink[]>()

export const GET: APIRoute = async ({ params }) => {
  const articles = await getArticles()
  let links = linksOf.get(articles)
  if (!links) linksOf.set(articles, (links = oldLinks(articles, (slug) => routes.article.url({ slug }), oldSiteHosts(settings()))))
  const text = params.redirectFile === NGINX_MAP_FILE ? nginxMap(links) : redirectsFile(links)
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
