import type { APIRoute } from 'astro'

import { site } from '../lib/site'

/** Everything public may be crawled except the staff preview page; the sitemap lists the pages. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /preview/\n\nSitemap: ${site.url}/sitemap-index.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
