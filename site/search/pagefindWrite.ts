import fs from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import * as pagefind from 'pagefind'
import type { CustomRecord } from 'pagefind'

import { indexContent, INDEX_LANGUAGE, type Fold } from '../lib/searchTokens'
import type { SearchDocument } from './documents'

/**
 * Records into a Pagefind bundle folder: what a shard's process (site/search/pagefindShard.ts)
 * and the incremental delta need, without the snapshot or OpenCC (site/search/pagefind.ts).
 */

const RECORDS_IN_FLIGHT = 16
const WRITE_BATCH = 64

/** Pagefind's ready-made search interfaces: the search page drives the JS API itself. */
const UI_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\./

/**
 * A document as a Pagefind record: its text in the form site/lib/searchTokens.ts describes
 * (title first, as the search page expects when it cuts an excerpt), its filters, its date as
 * the `date` sort key and, for news, as metadata the result shows.
 */
export const documentRecord = (doc: SearchDocument, fold: Fold): CustomRecord => {
  const filters: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(doc.filters)) {
    const values = [value ?? []].flat().filter(Boolean)
    if (values.length) filters[name] = values
  }
  const text = [doc.title, doc.summary, doc.body].filter(Boolean).join('\n')
  return {
    url: doc.url,
    language: INDEX_LANGUAGE,
    content: indexContent(text.replace(/\s+/g, ' ').trim(), fold),
    meta: { title: doc.title, ...(doc.date ? { date: doc.date } : {}) },
    filters,
    sort: doc.sortDate ? { date: doc.sortDate } : {},
  }
}

/**
 * Indexes `records` (documentRecord) into `target` (a Pagefind bundle folder). Also writes
 * fragments-by-url.json, the fragment id of each page, which an incremental update needs to
 * hide the stale copy of a page this index holds (Pagefind has no way to delete one).
 */
export const writeSearchIndex = async (records: Iterable<CustomRecord>, target: string): Promise<{ pages: number }> => {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    let count = 0
    // Several records in flight keep Pagefind's service busy while this process makes the next ones.
    const inFlight = new Set<Promise<void>>()
    let failure: string | undefined
    let cause: unknown
    for (const record of records) {
      const added: Promise<void> = index
        .addCustomRecord(record)
        .then(
          (result) => {
            if (result.errors.length) failure ??= `${record.url}: ${result.errors.join('; ')}`
          },
          (error: unknown) => {
            failure ??= `${record.url}: ${error instanceof Error ? error.message : String(error)}`
            cause ??= error
          },
        )
        .finally(() => inFlight.delete(added))
      inFlight.add(added)
      count++
      if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight)
      if (failure) break
    }
    await Promise.all(inFlight)
    if (failure) throw new Error(`Pagefind could not index ${failure}`, { cause })
    // Files are taken from the service and written here: Pagefind's own writeFiles answers
    // before its writes are flushed, and closing the service then can leave empty files
    // (seen here: an empty pagefind-entry.json, which breaks search).
    const { files, errors: fileErrors } = await index.getFiles()
    if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join('; ')}`)
    const byUrl: Record<string, string> = {}
    for (const dir of new Set(files.map((f) => path.dirname(path.join(target, f.path))))) await fs.mkdir(dir, { recursive: true })
    // One file per page: written a batch at a time rather than one after another.
    const wanted = files.filter((f) => !UI_FILES.test(f.path))
    for (let i = 0; i < wanted.length; i += WRITE_BATCH) {
      await Promise.all(wanted.slice(i, i + WRITE_BATCH).map((file) => fs.writeFile(path.join(target, file.path), file.content)))
    }
    for (const file of files) {
      const fragment = file.path.match(/^fragment\/(.+)\.pf_fragment$/)?.[1]
      if (fragment) byUrl[fragmentUrl(file.content)] = fragment
    }
    JSON.parse(await fs.readFile(path.join(target, 'pagefind-entry.json'), 'utf8'))
    await fs.writeFile(path.join(target, 'fragments-by-url.json'), JSON.stringify(byUrl))
    return { pages: count }
  } finally {
    // Ends Pagefind's process, and with it the memory this run's records held.
    await pagefind.close()
  }
}

/** A fragment is gzip of a signature followed by the page's JSON record. */
const fragmentUrl = (content: Uint8Array): string => {
  const text = gunzipSync(content).toString('utf8')
  return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url
}
