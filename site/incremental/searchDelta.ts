import fs from 'node:fs/promises'
import path from 'node:path'

import { DELTA_FOLDER, urlFile, writeSearchIndex } from '../integrations/pagefind'

/**
 * Pagefind cannot update an index in place, and re-indexing 10k pages takes most of a
 * minute. So a full build's index (/pagefind/) stays as it is, and every page changed since
 * then goes into a small second index (/pagefind-delta/) that is rebuilt on each update.
 * The manifest tells the search page which of the full index's records are stale (changed
 * or removed pages) so it can drop them; see site/scripts/searchPagefind.ts.
 */
export interface SearchDeltaManifest {
  /** Pages in the delta index. */
  urls: string[]
  /** Fragment ids in the full index whose page changed or no longer exists. */
  superseded: string[]
}

/** What Pagefind reads of a page: everything but the parts marked data-pagefind-ignore (related news). */
const searchable = (html: string) => html.replace(/<aside[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/aside>/g, '')

const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

/** Rebuilds /pagefind-delta/ of `dir` (a copy of `live` with `rendered` pages replaced and `gone` pages deleted); returns its page count. */
export const updateSearchDelta = async (options: { live: string; dir: string; rendered: string[]; gone: string[] }): Promise<number> => {
  const { live, dir } = options
  const previous = await readJson<SearchDeltaManifest>(path.join(live, DELTA_FOLDER, 'manifest.json'), { urls: [], superseded: [] })
  const base = await readJson<Record<string, string>>(path.join(dir, 'pagefind', 'fragments-by-url.json'), {})
  const gone = new Set(options.gone)
  const read = (root: string, url: string) => fs.readFile(path.join(root, urlFile(url)), 'utf8').catch(() => undefined)
  const pages: { url: string; html: string }[] = []
  for (const url of [...new Set([...previous.urls, ...options.rendered])]) {
    if (gone.has(url)) continue
    const html = await read(dir, url)
    if (!html?.includes('data-pagefind-body')) continue
    // A page rendered again only for its related-news list reads the same to search; the
    // full index's record of it is still right.
    if (!previous.urls.includes(url) && searchable(html) === searchable((await read(live, url)) ?? '')) continue
    pages.push({ url, html })
  }
  const target = path.join(dir, DELTA_FOLDER)
  // The copied folder is hard-linked to the live one: remove it, never write into it.
  await fs.rm(target, { recursive: true, force: true })
  if (pages.length) await writeSearchIndex(pages, target)
  else await fs.mkdir(target, { recursive: true })
  const stale = [...pages.map((p) => p.url), ...gone].flatMap((u) => (base[u] ? [base[u]] : []))
  const superseded = [...new Set([...previous.superseded, ...stale])]
  const manifest: SearchDeltaManifest = { urls: pages.map((p) => p.url), superseded }
  await fs.writeFile(path.join(target, 'manifest.json'), JSON.stringify(manifest))
  return pages.length
}
