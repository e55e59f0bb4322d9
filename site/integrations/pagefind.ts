import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'

import { settings } from '../../content-models/settings'

import { simplifiedPairs, withSimplified } from './scriptConversion'

export const htmlFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name))
}

/** Where pages changed since the last full build are indexed (see site/incremental/searchDelta.ts). */
export const DELTA_FOLDER = 'pagefind-delta'

/** The file a page URL is served from, relative to the output folder. */
export const urlFile = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1))

/** The URL a page is served at, from its path in the output folder. */
export const pageUrl = (outDir: string, file: string) => `/${path.relative(outDir, file).replace(/index\.html$/, '').split(path.sep).join('/')}`

/**
 * Indexes the given pages into `target` (a Pagefind bundle folder). Also writes
 * fragments-by-url.json, the fragment id of each page, which an incremental update needs to
 * hide the stale copy of a page this index holds (Pagefind has no way to delete one).
 */
const PAGES_IN_FLIGHT = 16
const WRITE_BATCH = 64

export const writeSearchIndex = async (pages: AsyncIterable<{ url: string; html: string }> | Iterable<{ url: string; html: string }>, target: string): Promise<{ pages: number }> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  let count = 0
  // Several pages in flight keep Pagefind's service busy while this process reads and
  // converts the next ones (10k pages: 22.7 s one at a time, 16.5 s with 16 in flight).
  const inFlight = new Set<Promise<void>>()
  let failure: string | undefined
  for await (const { url, html } of pages) {
    if (!html.includes('data-pagefind-body')) continue
    const added: Promise<void> = index.addHTMLFile({ url, content: withSimplified(html) }).then(
      (result) => {
        if (result.errors.length) failure ??= `${url}: ${result.errors.join('; ')}`
      },
      (error: unknown) => {
        failure ??= `${url}: ${error instanceof Error ? error.message : String(error)}`
      },
    ).finally(() => inFlight.delete(added))
    inFlight.add(added)
    count++
    if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight)
    if (failure) break
  }
  await Promise.all(inFlight)
  if (failure) {
    await pagefind.close()
    throw new Error(`Pagefind could not index ${failure}`)
  }
  // Files are taken from the service and written here: Pagefind's own writeFiles answers
  // before its writes are flushed, and closing the service then can leave empty files
  // (seen here: an empty pagefind-entry.json, which breaks search).
  const { files, errors: fileErrors } = await index.getFiles()
  if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join('; ')}`)
  const byUrl: Record<string, string> = {}
  for (const dir of new Set(files.map((f) => path.dirname(path.join(target, f.path))))) await fs.mkdir(dir, { recursive: true })
  // One file per page: written a batch at a time rather than one after another.
  for (let i = 0; i < files.length; i += WRITE_BATCH) {
    await Promise.all(files.slice(i, i + WRITE_BATCH).map((file) => fs.writeFile(path.join(target, file.path), file.content)))
  }
  for (const file of files) {
    const fragment = file.path.match(/^fragment\/(.+)\.pf_fragment$/)?.[1]
    if (fragment) byUrl[fragmentUrl(file.content)] = fragment
  }
  await pagefind.close()
  JSON.parse(await fs.readFile(path.join(target, 'pagefind-entry.json'), 'utf8'))
  await fs.writeFile(path.join(target, 'fragments-by-url.json'), JSON.stringify(byUrl))
  return { pages: count }
}

/** A fragment is gzip of a signature followed by the page's JSON record. */
const fragmentUrl = (content: Uint8Array): string => {
  const text = gunzipSync(content).toString('utf8')
  return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url
}

async function* pagesIn(outDir: string) {
  for (const file of await htmlFiles(outDir)) yield { url: pageUrl(outDir, file), html: await fs.readFile(file, 'utf8') }
}

/** Builds the Pagefind index of the output folder after Astro writes it. */
export const buildSearchIndex = async (outDir: string): Promise<{ pages: number }> => {
  const result = await writeSearchIndex(pagesIn(outDir), path.join(outDir, 'pagefind'))
  await fs.writeFile(path.join(outDir, 'pagefind', 'simplified-pairs.json'), JSON.stringify(simplifiedPairs()))
  // A full build has no changes on top of its index; the search page asks for this file first.
  await fs.mkdir(path.join(outDir, DELTA_FOLDER), { recursive: true })
  await fs.writeFile(path.join(outDir, DELTA_FOLDER, 'manifest.json'), JSON.stringify({ urls: [], superseded: [] }))
  return result
}

export const pagefindIndex = (): AstroIntegration => ({
  name: 'portal-pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      // The benchmark (scripts/bench) times indexing on its own: it sets this and calls
      // buildSearchIndex itself. Every other build indexes here.
      if (settings().astro.skipPagefind) return logger.info('Pagefind skipped (SITE_SKIP_PAGEFIND=1)')
      const started = Date.now()
      const { pages } = await buildSearchIndex(fileURLToPath(dir))
      logger.info(`Pagefind indexed ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    },
  },
})
