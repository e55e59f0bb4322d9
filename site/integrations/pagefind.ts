import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'
import type { CustomRecord } from 'pagefind'

import { settings } from '../../content-models/settings'
import { foldWith, indexContent, INDEX_LANGUAGE, type Fold } from '../lib/searchTokens'
import { indexedText, simplifiedPairs } from './scriptConversion'

export const htmlFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name))
}

/** Where pages changed since the last full build are indexed (see site/incremental/searchDelta.ts). */
export const DELTA_FOLDER = 'pagefind-delta'

/** The file a page URL is served from, relative to the output folder. */
export const urlFile = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1))

/** The URL a page is served at, from its path in the output folder. */
export const pageUrl = (outDir: string, file: string) =>
  `/${path
    .relative(outDir, file)
    .replace(/index\.html$/, '')
    .split(path.sep)
    .join('/')}`

const PAGES_IN_FLIGHT = 16
const WRITE_BATCH = 64

/** Pages per Pagefind run: Pagefind keeps every page of a run in memory until it writes (see buildSearchIndex). */
export const DEFAULT_PAGES_PER_SHARD = 4000

/** Written beside the first shard: where each shard is and which dates it holds, newest first. */
export interface ShardManifest {
  shards: { path: string; pages: number; newest?: string; oldest?: string }[]
}

const attr = (html: string, name: string): string[] =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => unescapeHtml(m[1]!))

const unescapeHtml = (s: string) =>
  s.replace(
    /&(lt|gt|amp|quot|#39|#34|nbsp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#34': '"', nbsp: ' ' })[e] ?? ' ',
  )

const keyValues = (values: string[]) =>
  values.flatMap((v) => (v.includes(':') ? [[v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)] as const] : []))

/** The sort date a page declares (data-pagefind-sort="date:…"), if any. */
const sortDateOf = (html: string) => keyValues(attr(html, 'data-pagefind-sort')).find(([k]) => k === 'date')?.[1]

/**
 * A page as a Pagefind record: the filters, sort keys and metadata its markup declares
 * (data-pagefind-filter/-sort/-meta, as Pagefind itself would read them), and its text in the
 * form site/lib/searchTokens.ts describes.
 */
export const searchRecord = (url: string, html: string, fold: Fold): CustomRecord | undefined => {
  if (!html.includes('data-pagefind-body')) return undefined
  const filters: Record<string, string[]> = {}
  for (const [k, v] of keyValues(attr(html, 'data-pagefind-filter'))) (filters[k] ??= []).push(v)
  const sort = Object.fromEntries(keyValues(attr(html, 'data-pagefind-sort')))
  const meta: Record<string, string> = Object.fromEntries(keyValues(attr(html, 'data-pagefind-meta')))
  const title = html.match(/<(\w+)[^>]*data-pagefind-meta="title"[^>]*>([\s\S]*?)<\/\1>/)?.[2]
  if (title) meta.title = unescapeHtml(title.replace(/<[^>]+>/g, '')).trim()
  return { url, language: INDEX_LANGUAGE, content: indexContent(indexedText(html), fold), meta, filters, sort }
}

/** Pagefind's ready-made search interfaces: the search page drives the JS API itself. */
const UI_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\./

let pairs: string | undefined
const simplifiedTable = () => (pairs ??= simplifiedPairs())
let foldForIndex: Fold | undefined
const indexFold = () => (foldForIndex ??= foldWith(simplifiedTable()))

/**
 * Indexes the given pages into `target` (a Pagefind bundle folder). Also writes
 * fragments-by-url.json, the fragment id of each page, which an incremental update needs to
 * hide the stale copy of a page this index holds (Pagefind has no way to delete one).
 */
export const writeSearchIndex = async (
  pages: AsyncIterable<{ url: string; html: string }> | Iterable<{ url: string; html: string }>,
  target: string,
): Promise<{ pages: number; byUrl: Record<string, string> }> => {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    let count = 0
    // Several pages in flight keep Pagefind's service busy while this process reads and
    // converts the next ones (10k pages: 22.7 s one at a time, 16.5 s with 16 in flight).
    const inFlight = new Set<Promise<void>>()
    let failure: string | undefined
    let cause: unknown
    const fold = indexFold()
    for await (const { url, html } of pages) {
      const record = searchRecord(url, html, fold)
      if (!record) continue
      const added: Promise<void> = index
        .addCustomRecord(record)
        .then(
          (result) => {
            if (result.errors.length) failure ??= `${url}: ${result.errors.join('; ')}`
          },
          (error: unknown) => {
            failure ??= `${url}: ${error instanceof Error ? error.message : String(error)}`
            cause ??= error
          },
        )
        .finally(() => inFlight.delete(added))
      inFlight.add(added)
      count++
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight)
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
    return { pages: count, byUrl }
  } finally {
    // Ends Pagefind's process, and with it the memory this run's pages held.
    await pagefind.close()
  }
}

/** A fragment is gzip of a signature followed by the page's JSON record. */
const fragmentUrl = (content: Uint8Array): string => {
  const text = gunzipSync(content).toString('utf8')
  return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url
}

async function* pagesIn(outDir: string, files: string[]) {
  for (const file of files) yield { url: pageUrl(outDir, file), html: await fs.readFile(file, 'utf8') }
}

/** Where shard `i` of the main index lives, relative to the output folder. */
export const shardFolder = (i: number) => (i === 0 ? 'pagefind' : `pagefind/shard-${i}`)

/**
 * Builds the Pagefind index of the output folder after Astro writes it, in shards of at most
 * `pagesPerShard` pages, one Pagefind run at a time: Pagefind holds every page of a run in
 * memory until it writes (at 50k pages in one run: 13.5 GiB), so a shard bounds it. Pages are
 * sharded newest first by their sort date, so each shard holds one span of dates and the
 * search page can list date-sorted results shard after shard (site/scripts/searchPagefind.ts).
 */
export const buildSearchIndex = async (
  outDir: string,
  options: { pagesPerShard?: number } = {},
): Promise<{ pages: number; shards: number }> => {
  const perShard = Math.max(1, options.pagesPerShard ?? DEFAULT_PAGES_PER_SHARD)
  const pages: { file: string; date?: string }[] = []
  for (const file of (await htmlFiles(outDir)).sort()) {
    const html = await fs.readFile(file, 'utf8')
    if (html.includes('data-pagefind-body')) pages.push({ file, date: sortDateOf(html) })
  }
  // Newest first; pages without a date (Pagefind leaves them out of date-sorted results) last.
  pages.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
  const manifest: ShardManifest = { shards: [] }
  const byUrl: Record<string, string> = {}
  let total = 0
  for (let i = 0; i * perShard < Math.max(pages.length, 1); i++) {
    const shard = pages.slice(i * perShard, (i + 1) * perShard)
    const folder = shardFolder(i)
    const result = await writeSearchIndex(
      pagesIn(
        outDir,
        shard.map((p) => p.file),
      ),
      path.join(outDir, folder),
    )
    Object.assign(byUrl, result.byUrl)
    total += result.pages
    const dates = shard.flatMap((p) => (p.date ? [p.date] : []))
    manifest.shards.push({ path: `/${folder}/`, pages: result.pages, newest: dates[0], oldest: dates.at(-1) })
  }
  const main = path.join(outDir, 'pagefind')
  await fs.writeFile(path.join(main, 'fragments-by-url.json'), JSON.stringify(byUrl))
  await fs.writeFile(path.join(main, 'shards.json'), JSON.stringify(manifest))
  await fs.writeFile(path.join(main, 'simplified-pairs.json'), JSON.stringify(simplifiedTable()))
  // A full build has no changes on top of its index; the search page asks for this file first.
  await fs.mkdir(path.join(outDir, DELTA_FOLDER), { recursive: true })
  await fs.writeFile(path.join(outDir, DELTA_FOLDER, 'manifest.json'), JSON.stringify({ urls: [], superseded: [] }))
  return { pages: total, shards: manifest.shards.length }
}

export const pagefindIndex = (options: { pagesPerShard?: number } = {}): AstroIntegration => ({
  name: 'portal-pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      // The benchmark (scripts/bench) times indexing on its own: it sets this and calls
      // buildSearchIndex itself. Every other build indexes here.
      if (settings().astro.skipPagefind) return logger.info('Pagefind skipped (SITE_SKIP_PAGEFIND=1)')
      const started = Date.now()
      const { pages, shards } = await buildSearchIndex(fileURLToPath(dir), options)
      logger.info(`Pagefind indexed ${pages} pages (${shards} shards) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    },
  },
})
