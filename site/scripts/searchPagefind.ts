import { decodeContent, excerptHtml, foldWith, INDEX_LANGUAGE, pagefindQuery, queryTerms, type Fold } from '../lib/searchTokens'
import type { ShardManifest } from '../search/pagefind'
import type { ResultItem, ResultSet, SearchBackend, SearchRequest, SortOrder } from './searchView'

/**
 * Search over Pagefind's JS API on a plain static host. The main index comes in shards
 * (site/search/pagefind.ts, /pagefind/shards.json) grouped in tiers: a search reads the first
 * tier (the newest pages and the undated ones) and each older tier only when the visitor asks
 * for more, so a first search costs the same at any archive size. Within a tier the shards
 * are merged into one Pagefind instance for relevance, which ranks by score; for date order
 * each shard is searched on its own, newest first, because shards hold consecutive spans of
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
/** A manifest written before tiers has none. */
type Shard = Omit<ShardManifest['shards'][number], 'tier'> & { tier?: number }
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

/**
 * The groups of shards a search reads, one after the other, the next each time the visitor
 * asks for more: the tiers the planner chose (site/search/pagefind.ts), newest first, or
 * oldest first for that order. Date order leaves out undated shards: Pagefind leaves pages
 * without the sort key out of sorted results. A year filter reads at once the shards whose
 * dates reach into that year, and the undated ones: among dated pages only news has a year
 * (its publication's, as its date), while workers' homes and labor models have theirs undated.
 */
const groupsFor = (shards: readonly Shard[], sort: SortOrder, year?: string): Shard[][] => {
  const tiers = new Map<number, Shard[]>()
  const inYear = (s: Shard) => !year || !s.newest || (s.newest >= `${year}-01-01` && (s.oldest ?? '') <= `${year}-12-31`)
  for (const s of shards) {
    if ((sort !== 'relevance' && !s.newest) || !inYear(s)) continue
    if (year) {
      tiers.set(0, [...(tiers.get(0) ?? []), s])
      continue
    }
    // A manifest from before tiers had none: all its shards are one group, as they were searched.
    const tier = s.tier ?? 0
    tiers.set(tier, [...(tiers.get(tier) ?? []), s])
  }
  const groups = [...tiers.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group)
  return sort === 'oldest' ? groups.reverse().map((group) => [...group].reverse()) : groups
}

/**
 * The group a changed page (from the delta index) is listed with: by relevance the first;
 * by date the one whose span of dates holds its date, so date order holds across groups.
 */
const groupOfDate = (groups: readonly Shard[][], sort: SortOrder, date: string) => {
  if (sort === 'relevance' || !date) return 0
  const i = groups.findIndex((g) => g.some((s) => (sort === 'oldest' ? (s.newest ?? '') >= date : (s.oldest ?? '') <= date)))
  return i < 0 ? Math.max(0, groups.length - 1) : i
}

/** 2021-05-04 → 2021年5月 */
const month = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`

/** Said after the count while older (or, oldest first, newer) groups are still unread. */
const partialNote = (read: readonly Shard[], sort: SortOrder) => {
  const dated = read.filter((s) => s.newest)
  if (!dated.length) return ''
  const bound = sort === 'oldest' ? month(dated.at(-1)!.newest!) : month(dated.at(-1)!.oldest!)
  const span = sort === 'oldest' ? `${bound}以前` : `${bound}以来`
  return `（先查了${span}的内容，点“显示更多结果”查${sort === 'oldest' ? '更晚' : '更早'}的）`
}

const openIndexes = async (): Promise<SearchBackend> => {
  const { shards } = await json<{ shards: Shard[] }>('/pagefind/shards.json', { shards: [{ path: '/pagefind/', pages: 0 }] })
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
  // Instances are made when a search first reaches their shards, and kept for the next searches.
  const instances = new Map<string, Promise<Instance>>()
  const instance = (group: readonly Shard[]) => {
    const key = group.map((s) => s.path).join(' ')
    if (!instances.has(key))
      instances.set(
        key,
        create(
          group[0]!.path,
          group.slice(1).map((s) => s.path),
        ),
      )
    return instances.get(key)!
  }
  const manifest = await json<DeltaManifest>('/pagefind-delta/manifest.json', { urls: [], superseded: [] })
  const delta = manifest.urls.length ? await create('/pagefind-delta/') : undefined
  const superseded = new Set(manifest.superseded)

  const plain = foldWith('')
  let fold: Promise<Fold> | undefined
  const folding = () => (fold ??= json<string>('/pagefind/simplified-pairs.json', '').then(foldWith))

  const search = async ({ q, filters, sort }: SearchRequest): Promise<ResultSet> => {
    // The folding table is fetched only for a query with Han characters; other text only needs lower case.
    const f = /[\u3400-\u9fff\uf900-\ufaff]/.test(q) ? await folding() : plain
    const terms = queryTerms(q, f)
    const query = terms.length ? pagefindQuery(terms) : null
    const order = sort === 'relevance' ? undefined : { date: sort === 'oldest' ? 'asc' : 'desc' }
    const words = query ? queryWords(query) : []
    // A word an index does not hold is dropped from its query, not failed: then nothing there matches.
    const holdsEveryWord = async (index: Instance) => {
      for (const word of words.length > 1 ? words : []) if (!(await index.search(word, {})).results.length) return false
      return true
    }
    const groups = groupsFor(shards, sort, filters['年份'])
    // The delta is small: its answers are checked, and dated, before they are placed.
    const changedAll = delta && (await holdsEveryWord(delta)) ? (await delta.search(query, { filters, sort: order })).results : []
    const changed: { result: Result; group: number }[] = []
    for (const result of changedAll) {
      const data = await result.data()
      if (holds(data, words)) changed.push({ result, group: groupOfDate(groups, sort, data.meta.date ?? '') })
    }
    /** Group `g`'s results, in order: merged for relevance (one ranking), shard after shard by date; its changed pages placed in. */
    const groupResults = async (g: number): Promise<Result[]> => {
      const group = groups[g] ?? []
      const lists: Result[][] = []
      // One index at a time: every instance runs in the page's one copy of Pagefind's WebAssembly,
      // and several searching at once trapped it ("memory access out of bounds", date order at 50k).
      for (const shards of order ? group.map((s) => [s]) : group.length ? [group] : []) {
        const index = await instance(shards)
        lists.push((await holdsEveryWord(index)) ? (await index.search(query, { filters, sort: order })).results : [])
      }
      const mine = changed.filter((c) => c.group === g).map((c) => c.result)
      return withDelta(
        lists.flat().filter((r) => !superseded.has(r.id)),
        mine,
        sort,
      )
    }

    let results = await groupResults(0)
    let read = 1
    let checked = 0
    let dropped = 0
    let asked = 0
    // The next group's results join those not listed yet: ranked in by score, or after them by date.
    const widen = async () => {
      const added = await groupResults(read++)
      const rest = [...results.slice(checked), ...added]
      results = [...results.slice(0, checked), ...(order ? rest : rest.sort((a, b) => b.score - a.score))]
    }
    return {
      get total() {
        return results.length - dropped
      },
      get note() {
        return read < groups.length ? partialNote(groups.slice(0, read).flat(), sort) : ''
      },
      get open() {
        return read < groups.length
      },
      next: async () => {
        const shown: ResultItem[] = []
        let budget = MAX_CHECKED
        // The first listing reads the first group only; each ask for more reads one more group,
        // and more until something is found.
        if (asked++ && read < groups.length) await widen()
        for (;;) {
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
          if (shown.length || checked < results.length || read >= groups.length || asked === 1) break
          await widen()
          budget = MAX_CHECKED
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
