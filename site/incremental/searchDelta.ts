import fs from 'node:fs/promises'
import path from 'node:path'

import type { ContentSnapshot } from '../../content-models/snapshot'
import { documentsAt, HOTLINES_URL, type SearchDocument } from '../search/documents'
import { DELTA_FOLDER, indexFoldOffThread } from '../search/pagefind'
import { documentRecord, writeSearchIndex } from '../search/pagefindWrite'
import type { Change } from '../../content-models/changes'
import { recordUrl } from '../routes'

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

const readJson = async <T>(file: string, fallback: T): Promise<T> => {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T
  } catch {
    return fallback
  }
}

/** Pages whose search document `changes` may change: the records' old and new pages, and the hotlines page when a service changed. */
const changedUrls = (changes: readonly Change[]): string[] => {
  const urls = new Set<string>()
  for (const c of changes) for (const slug of [c.before?.slug, c.after?.slug]) if (slug) urls.add(recordUrl(c.kind, slug))
  if (changes.some((c) => c.kind === 'services')) urls.add(HOTLINES_URL)
  return [...urls]
}

/**
 * Rebuilds /pagefind-delta/ of `dir` (the update of `live`) from the patched snapshot: the
 * pages already in the live delta and those `changes` touch, each as its current document;
 * a page with no document any more (unpublished, deleted, renamed away) is only superseded.
 * Returns the delta's page count.
 */
export const updateSearchDelta = async (options: {
  live: string
  dir: string
  snapshot: ContentSnapshot
  changes: readonly Change[]
}): Promise<number> => {
  const { live, dir, snapshot } = options
  const previous = await readJson<SearchDeltaManifest>(path.join(live, DELTA_FOLDER, 'manifest.json'), { urls: [], superseded: [] })
  const base = await readJson<Record<string, string>>(path.join(dir, 'pagefind', 'fragments-by-url.json'), {})
  const documents: SearchDocument[] = []
  const gone: string[] = []
  for (const [url, doc] of documentsAt(snapshot, new Set([...previous.urls, ...changedUrls(options.changes)]))) {
    if (doc) documents.push(doc)
    else gone.push(url)
  }
  const target = path.join(dir, DELTA_FOLDER)
  // The copied folder is hard-linked to the live one: remove it, never write into it.
  await fs.rm(target, { recursive: true, force: true })
  if (documents.length) {
    const fold = await indexFoldOffThread()
    await writeSearchIndex(
      documents.map((d) => documentRecord(d, fold)),
      target,
    )
  } else await fs.mkdir(target, { recursive: true })
  const stale = [...documents.map((d) => d.url), ...gone].flatMap((u) => (base[u] ? [base[u]] : []))
  const superseded = [...new Set([...previous.superseded, ...stale])]
  const manifest: SearchDeltaManifest = { urls: documents.map((d) => d.url), superseded }
  await fs.writeFile(path.join(target, 'manifest.json'), JSON.stringify(manifest))
  return documents.length
}
