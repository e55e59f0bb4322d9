import fs from 'node:fs/promises'
import path from 'node:path'

import { noindexPaths } from '../routes'

/**
 * The sitemap of a resident round. A full build writes it with @astrojs/sitemap, which sorts
 * every URL with `localeCompare` on each run: 130–190 ms of CPU a round at 10k articles, for a
 * round that changes a handful of URLs. The live build's URLs arrive in the plan already in the
 * sitemap's order (plan.sitemapPages, read from its files in order); the round's pages are
 * merged into them in that order and the files written as the integration writes them (its
 * defaults: 45,000 URLs a file, every namespace). The incremental-equals-full test compares
 * the files byte for byte with a full build's.
 */
const ENTRY_LIMIT = 45_000
/** The integration's name, whose build:done hook a round then leaves out. */
export const SITEMAP_INTEGRATION = '@astrojs/sitemap'
const URLSET =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
  ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"' +
  ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">'
const INDEX = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'

/** The integration's order: `a.localeCompare(b, 'en', { numeric: true })`, with one collator instead of one a call. */
const order = new Intl.Collator('en', { numeric: true }).compare

/** What the integration leaves out: status pages, and pages astro.config.mjs's filter drops. */
const listed = (href: string) => {
  const pathname = new URL(href).pathname
  return !['/404/', '/500/'].includes(pathname) && !noindexPaths.includes(pathname)
}

const escapeText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const unescapeText = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => unescapeText(m[1]!))

/**
 * Absolute URLs listed in a build's sitemap, in its order: its files as its index lists them
 * (a round merges its pages into this order), or every sitemap-N.xml when it has no index.
 */
export const readSitemapUrls = async (dir: string): Promise<string[]> => {
  const index = await fs.readFile(path.join(dir, 'sitemap-index.xml'), 'utf8').catch(() => undefined)
  const files =
    index === undefined
      ? (await fs.readdir(dir)).filter((f) => /^sitemap-\d+\.xml$/.test(f)).sort(order)
      : locs(index).map((u) => path.basename(new URL(u).pathname))
  const urls: string[] = []
  for (const f of files) urls.push(...locs(await fs.readFile(path.join(dir, f), 'utf8')))
  return urls
}

/** Sorted `kept` and sorted `added` as one sorted list without repeats. */
const merge = (kept: readonly string[], added: readonly string[]) => {
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < kept.length || j < added.length) {
    const next = j >= added.length || (i < kept.length && order(kept[i]!, added[j]!) <= 0) ? kept[i++]! : added[j++]!
    if (out.at(-1) !== next) out.push(next)
  }
  return out
}

/**
 * Writes the sitemap files of a round into `dir`: `kept` (absolute URLs carried over from the
 * live build, in its sitemap's order) and `pages` (the round's page paths, as Astro names them
 * to its build:done hooks). Says false, writing nothing, when `kept` is not in that order (a
 * sitemap some other writer made): the integration then writes it the slow way.
 */
export const writeRoundSitemap = async (dir: string, site: string, pages: readonly string[], kept: readonly string[]) => {
  for (let i = 1; i < kept.length; i++) if (order(kept[i - 1]!, kept[i]!) > 0) return false
  const base = new URL('/', site)
  const added = [...new Set(pages.map((p) => new URL(p.replace(/^\//, ''), base).href))].filter(listed).sort(order)
  const urls = merge(kept.filter(listed), added)
  // The integration writes no file for no page; it says so itself.
  if (!urls.length) return false
  const files: string[] = []
  for (let i = 0; i * ENTRY_LIMIT < urls.length; i++) {
    const entries = urls.slice(i * ENTRY_LIMIT, (i + 1) * ENTRY_LIMIT).map((u) => `<url><loc>${escapeText(u)}</loc></url>`)
    const name = `sitemap-${i}.xml`
    await fs.writeFile(path.join(dir, name), `${URLSET}${entries.join('')}</urlset>`)
    files.push(`<sitemap><loc>${escapeText(new URL(name, base).href)}</loc></sitemap>`)
  }
  await fs.writeFile(path.join(dir, 'sitemap-index.xml'), `${INDEX}${files.join('')}</sitemapindex>`)
  return true
}
