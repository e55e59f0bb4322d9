import { decodeContent, excerptHtml, foldWith, INDEX_LANGUAGE, pagefindQuery, queryTerms, type Fold } from '../lib/searchTokens'
import type { ResultItem, ResultSet, SearchBackend, SearchRequest } from './searchView'

/**
 * Search over Pagefind's JS API on a plain static host. The main index comes in shards
 * (site/integrations/pagefind.ts, /pagefind/shards.json): for relevance they are merged into
 * one Pagefind instance (one WebAssembly module), which ranks by score; for date order each
 * shard is searched on its own, newest shard first, because shards hold consecutive spans of
 * dates and Pagefind sorts only within an index. Pages changed since the last full build are
 * in the delta index (/pagefind-delta/), whose manifest names the main index's stale records.
 */
type Result = { id: string; score: number; data: () => Promise<ResultData> }
type ResultData = { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }
type Instance = {
  options: (o: Record<string, unknown>) => Promise<void>
  init: () => Promise<void>
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>
  search: (q: string | null, o: Record<string, unknown>) => Promise<{ results: Result[] }>
}
type PagefindModule = { createInstance: (o: { basePath: string; noWorker?: boolean }) => Instance }
type ShardManifest = { shards: { path: string; pages: number; newest?: string; oldest?: string }[] }
/** Written by site/incremental/searchDelta.ts. */
type DeltaManifest = { urls: string[]; superseded: string[] }

const PAGE = 10

const json = async <T>(url: string, fallback: T): Promise<T> => {
  const response = await fetch(url).catch(() => undefined)
  if (!response?.ok) return fallback
  return (await response.json()) as T
}

/**
 * Pagefind splits a query into words when the page's language is Chinese. The index holds
 * character pairs instead (site/lib/searchTokens.ts) and the query arrives as pairs, so the
 * instance is created while <html lang> names a language Pagefind leaves alone: it reads the
 * attribute only then, synchronously, and it is put back before anything renders.
 */
const unsegmented = <T>(create: () => T): T => {
  const html = document.documentElement
  const lang = html.getAttribute('lang')
  html.setAttribute('lang', INDEX_LANGUAGE)
  try {
    return create()
  } finally {
    if (lang === null) html.removeAttribute('lang')
    else html.setAttribute('lang', lang)
  }
}

/** How many times this page has loaded Pagefind's module. */
let loads = 0

/**
 * Pagefind's WebAssembly now and then traps in a search ("memory access out of bounds",
 * "unreachable"; seen in CI, cause not found; Pagefind issue #888 reports the like for merged
 * indexes), and an instance that trapped fails every search after. So a failed search is
 * tried once more on a new copy of the module (its own WebAssembly memory), which then stays.
 */
export const pagefindBackend = async (): Promise<SearchBackend> => {
  let backend = await openIndexes()
  return {
    search: async (request) => {
      try {
        return await backend.search(request)
      } catch (error) {
        console.error('Pagefind 搜索出错，换用新载入的索引重试', error)
        backend = await openIndexes()
        return backend.search(request)
      }
    },
  }
}

const openIndexes = async (): Promise<SearchBackend> => {
  const { shards } = await json<ShardManifest>('/pagefind/shards.json', { shards: [{ path: '/pagefind/', pages: 0 }] })
  // A module imported again under a new URL is a new instance; the browser's cache still serves the file.
  const load = loads++
  const module = (await import(/* @vite-ignore */ `${shards[0]!.path}pagefind.js${load ? `?load=${load}` : ''}`)) as PagefindModule
  const create = async (basePath: string, merge: string[] = []) => {
    // On the page's own thread: Pagefind 1.6 runs every instance (main shards, delta) in one
    // shared Web Worker, and searches there failed now and then with a WebAssembly trap
    // ("unreachable", seen in CI after an incremental publish, the retry failing too). Our
    // indexes answer in milliseconds, and the worker's own script (44 kB) is not needed.
    const instance = unsegmented(() => module.createInstance({ basePath, noWorker: true }))
    for (const path of merge) await instance.mergeIndex(path, { language: INDEX_LANGUAGE, noWorker: true })
    await instance.init()
    return instance
  }
  const merged = await create(
    shards[0]!.path,
    shards.slice(1).map((s) => s.path),
  )
  const manifest = await json<DeltaManifest>('/pagefind-delta/manifest.json', { urls: [], superseded: [] })
  const delta = manifest.urls.length ? await create('/pagefind-delta/') : undefined
  const superseded = new Set(manifest.superseded)
  const alone = new Map<string, Promise<Instance>>()
  // One shard needs no instance of its own: the merged one is it.
  const shardAlone = (path: string) =>
    shards.length === 1 ? Promise.resolve(merged) : (alone.get(path) ?? alone.set(path, create(path)).get(path)!)

  const plain = foldWith('')
  let fold: Promise<Fold> | undefined
  const folding = () => (fold ??= json<string>('/pagefind/simplified-pairs.json', '').then(foldWith))

  const search = async ({ q, filters, sort }: SearchRequest): Promise<ResultSet> => {
    // The folding table is fetched only for a query with Han characters; other text only needs lower case.
    const f = /[\u3400-\u9fff\uf900-\ufaff]/.test(q) ? await folding() : plain
    const terms = queryTerms(q, f)
    const query = terms.length ? pagefindQuery(terms) : null
    const order = sort === 'relevance' ? undefined : { date: sort === 'oldest' ? 'asc' : 'desc' }
    let main: Result[]
    if (!order) main = (await merged.search(query, { filters })).results
    else {
      const inOrder = sort === 'oldest' ? [...shards].reverse() : shards
      const lists = await Promise.all(
        inOrder.map(async (s) => (await (await shardAlone(s.path)).search(query, { filters, sort: order })).results),
      )
      main = lists.flat()
    }
    const words = query ? queryWords(query) : []
    // A word no index holds would be dropped from the query, not fail it: then nothing matches.
    for (const word of words.length > 1 ? words : []) {
      const anywhere = (await merged.search(word, {})).results.length || (delta && (await delta.search(word, {})).results.length)
      if (!anywhere) return { total: 0, next: async () => [] }
    }
    // The delta is small: its answers are checked before they are placed.
    const changedAll = delta ? (await delta.search(query, { filters, sort: order })).results : []
    const changed: Result[] = []
    for (const r of changedAll) if (holds(await r.data(), words)) changed.push(r)
    const results = await withDelta(
      main.filter((r) => !superseded.has(r.id)),
      changed,
      sort,
    )
    let checked = 0
    let dropped = 0
    return {
      get total() {
        return results.length - dropped
      },
      next: async () => {
        const shown: ResultItem[] = []
        let budget = MAX_CHECKED
        while (shown.length < PAGE && checked < results.length && budget > 0) {
          const slice = results.slice(checked, checked + PAGE)
          checked += slice.length
          budget -= slice.length
          for (const data of await Promise.all(slice.map((r) => r.data()))) {
            if (holds(data, words)) shown.push(item(data, terms, f))
            else dropped++
          }
        }
        // Past the budget the rest is not read: counted as not matching, so the count stays honest.
        if (budget <= 0 && shown.length < PAGE) {
          dropped += results.length - checked
          checked = results.length
        }
        return shown
      },
    }
  }
  return { search }
}

/**
 * Pagefind leaves out of a query every word its index does not hold, so an index without one
 * of the words (the small delta index, a shard, or every index for a word no page has) answers
 * with pages that lack it: 火星人 listed two pages. Each result is checked against its record's
 * words as Pagefind matches them (a query word is a prefix of a word of the page, or of one of
 * its parts); what fails is dropped from the list and the count.
 */
const normal = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const queryWords = (query: string) => [...new Set(query.split(' ').map(normal).filter(Boolean))]
const holds = (data: ResultData, words: readonly string[]): boolean => {
  if (!words.length) return true
  const have = new Set<string>()
  for (const word of data.content.split(/\s+/)) {
    have.add(normal(word))
    for (const part of word.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part) have.add(part)
  }
  return words.every((w) => have.has(w) || [...have].some((h) => h.startsWith(w)))
}

/** Most records read to fill one page of results when many fail the check above. */
const MAX_CHECKED = 100

const item = (data: ResultData, terms: string[], fold: Fold): ResultItem => {
  const title = data.meta.title ?? data.url
  const text = decodeContent(data.content)
  return {
    url: data.url,
    title,
    meta: [data.filters['类型']?.[0] ?? '', data.meta.date ?? '', data.filters['地区']?.[0] ?? ''],
    excerptHtml: excerptHtml(text, terms, fold, { length: 80, after: text.startsWith(title) ? [...title].length : 0 }),
  }
}

/**
 * Pages changed since the last full build come from the delta index; their entries in the
 * main index are dropped above. The two lists merge by score, or by date when sorting by date
 * (the delta is small, so reading its dates costs a few fragments).
 */
const withDelta = async (main: Result[], changed: Result[], order: string): Promise<Result[]> => {
  if (!changed.length) return main
  if (order === 'relevance') return [...main, ...changed].sort((a, b) => b.score - a.score)
  const dateOf = async (r: Result) => (await r.data()).meta.date ?? ''
  const dates = new Map<Result, string>()
  for (const r of changed) dates.set(r, await dateOf(r))
  const out: Result[] = []
  let i = 0
  for (const r of changed) {
    const date = dates.get(r)!
    // Only as many main results are read as it takes to place each changed page.
    while (i < main.length) {
      const d = await dateOf(main[i]!)
      if (order === 'oldest' ? d > date : d < date) break
      out.push(main[i++]!)
    }
    out.push(r)
  }
  return [...out, ...main.slice(i)]
}
