import fs from 'node:fs'
import { DatabaseSync, type StatementSync } from 'node:sqlite'

import { FILTER_ORDER, type SearchFilters } from '../lib/searchFilters'
import { excerptHtml } from './excerpt'
import { changesFileOf } from './files'
import { fold, queryTerms, termQuery, type TermQuery } from './text'

export type SortOrder = 'relevance' | 'newest' | 'oldest'
export type FilterName = (typeof FILTER_ORDER)[number]

export interface SearchRequest {
  q: string
  filters: Partial<Record<FilterName, string>>
  sort: SortOrder
  page: number
}

export interface SearchResult {
  url: string
  title: string
  type: string
  date?: string
  /** The first 地区 value, shown after type and date as the static page's script does. */
  region?: string
  excerptHtml: string
}

export interface SearchResponse {
  query: string
  total: number
  page: number
  pageSize: number
  results: SearchResult[]
  facets: Record<FilterName, { value: string; count: number }[]>
  /** Set when the query was cut to MAX_QUERY_CHARS or MAX_TERMS. */
  truncated?: boolean
  /**
   * Set when a term the index can only narrow down (`0会`, `12351热线`) had more candidates than
   * one query may read: only the newest `checked` of `candidates` were read, so `total` counts
   * matches among those.
   */
  partial?: { checked: number; candidates: number }
}

export const PAGE_SIZE = 10
export const MAX_QUERY_CHARS = 100
export const MAX_TERMS = 8
export const MAX_PAGE = 1000
/**
 * Candidates one query may read and fold in full. Each costs about 0.1 ms, so a term like
 * `0会` over a 10k archive held a thread for a second; this bounds every query to a few
 * hundred milliseconds, newest candidates first.
 */
export const VERIFY_LIMIT = 2000

/** Whether a request needs the full-text check (queryThread's slow lane runs these apart). */
export const isCostly = (request: SearchRequest): boolean =>
  queryTerms([...request.q.trim()].slice(0, MAX_QUERY_CHARS).join(''), MAX_TERMS).some((t) => termQuery(t)?.verify)

/** Request parameters from a URL's query string; anything unexpected falls back to a default. */
export const parseRequest = (params: URLSearchParams): SearchRequest => {
  const sort = params.get('sort')
  const page = Number.parseInt(params.get('page') ?? '1', 10)
  const filters: SearchRequest['filters'] = {}
  for (const name of FILTER_ORDER) {
    const v = params.get(name)?.trim()
    if (v) filters[name] = v.slice(0, 100)
  }
  return {
    q: (params.get('q') ?? '').slice(0, 10 * MAX_QUERY_CHARS),
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
    page: Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, page)) : 1,
  }
}

/**
 * One filter's values: names, and per document the index of its first value (-1 for none)
 * in a typed array, with the rare further values (a service in two districts) beside it.
 */
interface Facet {
  names: string[]
  index: Map<string, number>
  first: Int32Array
  more: Map<number, number[]>
}

const hasValue = (f: Facet, id: number, v: number) => f.first[id] === v || (f.more.get(id)?.includes(v) ?? false)

const collator = new Intl.Collator('zh-CN')

/**
 * Opens the changes file beside an index (./indexFile.ts), if it has one, as schema `changes`;
 * refuses one written over another full index.
 */
const attachChanges = (db: DatabaseSync, file: string) => {
  const changes = changesFileOf(file)
  if (!fs.existsSync(changes)) return false
  db.prepare('ATTACH DATABASE ? AS changes').run(changes)
  const base = (db.prepare("SELECT value FROM changes.meta WHERE key = 'base'").get() as { value: string } | undefined)?.value
  const builtAt = (db.prepare("SELECT value FROM main.meta WHERE key = 'builtAt'").get() as { value: string } | undefined)?.value
  if (base !== builtAt) throw new Error(`${changes} was written for another index (${base ?? 'none'}, not ${builtAt ?? 'none'})`)
  return true
}

/** The documents, a match's ids (one JSON array) and texts by id, of an index alone and with its changes file. */
const WITHOUT_CHANGES = {
  docs: 'docs',
  // One JSON array instead of a row object per match: 40k matches cost 38 ms as rows.
  match: 'SELECT json_group_array(rowid) AS ids FROM fts WHERE fts MATCH ?',
  texts: 'SELECT id, text FROM docs WHERE id IN (SELECT value FROM json_each(?))',
}
const WITH_CHANGES = {
  docs: '(SELECT * FROM main.docs WHERE id NOT IN (SELECT id FROM changes.hidden) UNION ALL SELECT * FROM changes.docs)',
  match:
    'SELECT json_group_array(id) AS ids FROM (SELECT rowid AS id FROM main.fts(?1) WHERE rowid NOT IN (SELECT id FROM changes.hidden)' +
    ' UNION ALL SELECT rowid FROM changes.fts(?1))',
  texts:
    'SELECT id, text FROM main.docs WHERE id IN (SELECT value FROM json_each(?1))' +
    ' UNION ALL SELECT id, text FROM changes.docs WHERE id IN (SELECT value FROM json_each(?1))',
}

/**
 * An open index file, read-only, with its changes file if it has one. Document metadata is held in memory, in arrays indexed by
 * document id (tens of bytes a document), so filters, facet counts and date order are loops
 * over typed arrays; SQLite answers only the text match and the excerpts of one page.
 */
export class SearchIndex {
  readonly file: string
  private db: DatabaseSync
  private urls: string[] = []
  private titles: string[] = []
  /** Folded title, then folded summary after a newline. */
  private heads: string[] = []
  private types: string[] = []
  private dates: string[] = []
  private regions: (string | undefined)[] = []
  private all: number[] = []
  private facetsByName = new Map<string, Facet>()
  /** Document ids newest first and oldest first; undated pages (services, homes, models) last in both. */
  private newest: Int32Array
  private oldest: Int32Array
  private match: StatementSync
  private texts: StatementSync

  private verifyLimit: number

  constructor(file: string, options: { verifyLimit?: number } = {}) {
    this.file = file
    this.verifyLimit = options.verifyLimit ?? VERIFY_LIMIT
    this.db = new DatabaseSync(file, { readOnly: true })
    try {
      this.db.exec('PRAGMA query_only = ON; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;')
      const sql = attachChanges(this.db, file) ? WITH_CHANGES : WITHOUT_CHANGES
      const maxId = Number((this.db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${sql.docs}`).get() as { n: number }).n)
      const newFacet = (): Facet => ({ names: [], index: new Map(), first: new Int32Array(maxId + 1).fill(-1), more: new Map() })
      for (const name of FILTER_ORDER) this.facetsByName.set(name, newFacet())
      const rows = this.db.prepare(`SELECT id, url, type, title, head, date, filters FROM ${sql.docs} ORDER BY id`).iterate() as Iterable<{
        id: number
        url: string
        type: string
        title: string
        head: string
        date: string | null
        filters: string
      }>
      for (const row of rows) {
        const filters = JSON.parse(row.filters) as SearchFilters
        this.urls[row.id] = row.url
        this.titles[row.id] = row.title
        this.heads[row.id] = row.head
        this.types[row.id] = row.type
        this.dates[row.id] = row.date ?? ''
        this.regions[row.id] = [filters['地区'] ?? []].flat()[0]
        this.all.push(row.id)
        for (const [name, raw] of Object.entries(filters)) {
          const facet = this.facetsByName.get(name) ?? this.facetsByName.set(name, newFacet()).get(name)!
          const values = [...new Set([raw ?? []].flat().filter(Boolean))].map(
            (v) => facet.index.get(v) ?? (facet.index.set(v, facet.names.length), facet.names.push(v) - 1),
          )
          if (values.length) facet.first[row.id] = values[0]!
          if (values.length > 1) facet.more.set(row.id, values.slice(1))
        }
      }
      const dated = this.all
        .filter((id) => this.dates[id])
        .sort((a, b) => (this.dates[a]! < this.dates[b]! ? -1 : this.dates[a]! > this.dates[b]! ? 1 : a - b))
      const undated = this.all.filter((id) => !this.dates[id])
      this.oldest = Int32Array.from([...dated, ...undated])
      this.newest = Int32Array.from([...dated.reverse(), ...undated])
      this.match = this.db.prepare(sql.match)
      this.texts = this.db.prepare(sql.texts)
    } catch (error) {
      this.db.close()
      throw new Error(`search index ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }

  get size() {
    return this.all.length
  }

  close() {
    if (this.db.isOpen) this.db.close()
  }

  private ids(expression: string): number[] {
    return JSON.parse((this.match.get(expression) as { ids: string }).ids) as number[]
  }

  search(request: SearchRequest): SearchResponse {
    const raw = request.q.trim()
    const clipped = [...raw].slice(0, MAX_QUERY_CHARS).join('')
    const allTerms = queryTerms(clipped, Number.MAX_SAFE_INTEGER)
    const terms = allTerms.slice(0, MAX_TERMS)
    const truncated = clipped.length < raw.length || allTerms.length > terms.length || undefined
    const { matched, expressions, partial } = this.matching(terms)
    if (!expressions.length && !Object.keys(request.filters).length) {
      return {
        query: clipped,
        total: 0,
        page: 1,
        pageSize: PAGE_SIZE,
        results: [],
        facets: this.facets([], new Uint8Array(0), []),
        truncated,
      }
    }
    // Per matched document, a bit per filter it fails: 0 means selected; a facet counts the
    // documents that fail at most its own filter, so its other values stay visible.
    const active = FILTER_ORDER.filter((name) => request.filters[name])
    const fails = new Uint8Array(this.urls.length)
    active.forEach((name, bit) => {
      const facet = this.facetsByName.get(name)!
      const wanted = facet.index.get(request.filters[name]!)
      for (const id of matched) if (wanted === undefined || !hasValue(facet, id, wanted)) fails[id]! |= 1 << bit
    })
    const selected = new Uint8Array(this.urls.length)
    let total = 0
    for (const id of matched) {
      if (fails[id] !== 0) continue
      selected[id] = 1
      total++
    }
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const page = Math.min(request.page, pages)
    const slice = this.order(selected, total, expressions.length ? terms.map(fold) : [], request.sort, page * PAGE_SIZE).slice(
      (page - 1) * PAGE_SIZE,
    )
    const texts = new Map((this.texts.all(JSON.stringify(slice)) as { id: number; text: string }[]).map((r) => [r.id, r.text]))
    return {
      query: clipped,
      total,
      page,
      pageSize: PAGE_SIZE,
      results: slice.map((id) => ({
        url: this.urls[id]!,
        title: this.titles[id]!,
        type: this.types[id]!,
        ...(this.dates[id] ? { date: this.dates[id] } : {}),
        ...(this.regions[id] ? { region: this.regions[id] } : {}),
        excerptHtml: excerptHtml(texts.get(id) ?? '', terms),
      })),
      facets: this.facets(matched, fails, active),
      truncated,
      ...(partial ? { partial } : {}),
    }
  }

  /** Documents holding every term (all documents for no term), in id order, and the terms' FTS expressions. */
  private matching(
    terms: string[],
    limit = this.verifyLimit,
  ): { matched: number[]; expressions: string[]; partial?: SearchResponse['partial'] } {
    const queries = terms
      .map((t) => ({ term: t, query: termQuery(t) }))
      .filter((x): x is { term: string; query: TermQuery } => x.query !== undefined)
    const expressions = queries.map((x) => x.query.expression)
    const matched = expressions.length ? this.ids(expressions.map((e) => `(${e})`).join(' AND ')) : this.all
    const toVerify = queries.filter((x) => x.query.verify).map((x) => fold(x.term))
    if (!toVerify.length) return { matched, expressions }
    const checked = matched.length > limit ? this.newestOf(matched, limit) : matched
    const partial = checked.length < matched.length ? { checked: checked.length, candidates: matched.length } : undefined
    return { matched: this.verified(checked, toVerify), expressions, partial }
  }

  /** The newest `limit` of `ids` (dated documents first, as the date orders hold them). */
  private newestOf(ids: number[], limit: number): number[] {
    const wanted = new Uint8Array(this.urls.length)
    for (const id of ids) wanted[id] = 1
    const out: number[] = []
    for (let i = 0; i < this.newest.length && out.length < limit; i++) if (wanted[this.newest[i]!]) out.push(this.newest[i]!)
    return out
  }

  /** Every matching URL of a query, unpaged and without excerpts (for measuring recall). */
  matchUrls(q: string): string[] {
    const terms = queryTerms([...q.trim()].slice(0, MAX_QUERY_CHARS).join(''), MAX_TERMS)
    return this.matching(terms).matched.map((id) => this.urls[id]!)
  }

  /** The candidates whose folded text holds every one of `terms` (for terms the index can only narrow down). */
  private verified(ids: number[], terms: string[]): number[] {
    const out: number[] = []
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      for (const row of this.texts.all(JSON.stringify(chunk)) as { id: number; text: string }[]) {
        const text = fold(`${this.titles[row.id]}\n${row.text}`)
        if (terms.every((t) => text.includes(t))) out.push(row.id)
      }
    }
    return out.sort((a, b) => a - b)
  }

  /**
   * The first `limit` selected documents in order. Relevance without scoring every match
   * (bm25 over 36k matches took 1.3 s): per term 3 when the folded title holds it, 2 the
   * summary, 1 elsewhere (a substring test on strings held in memory); ties newest first.
   * Both orders are a pass over a precomputed date order, so no sort runs per query.
   */
  private order(selected: Uint8Array, total: number, terms: string[], sort: SortOrder, limit: number): number[] {
    const byDate = sort === 'oldest' ? this.oldest : this.newest
    if (sort !== 'relevance' || !terms.length) {
      const out: number[] = []
      for (let i = 0; i < byDate.length && out.length < limit; i++) if (selected[byDate[i]!]) out.push(byDate[i]!)
      return out
    }
    const buckets: number[][] = []
    const best = 3 * terms.length
    for (let i = 0; i < this.newest.length; i++) {
      const id = this.newest[i]!
      if (!selected[id]) continue
      const head = this.heads[id]!
      const cut = head.indexOf('\n')
      let score = 0
      for (const t of terms) {
        const at = head.indexOf(t)
        score += at < 0 ? 1 : at < cut ? 3 : 2
      }
      ;(buckets[score] ??= []).push(id)
      // Enough documents with every term in the title fill the page: nothing later can come before them.
      if (score === best && buckets[best]!.length >= limit) break
    }
    const out: number[] = []
    for (let s = buckets.length - 1; s >= 0 && out.length < Math.min(limit, total); s--)
      for (const id of buckets[s] ?? []) if (out.length < limit) out.push(id)
    return out
  }

  /** Counts per filter value among the matches; `fails` holds a bit per active filter a document fails. */
  private facets(matched: number[], fails: Uint8Array, active: string[]): SearchResponse['facets'] {
    const facets = FILTER_ORDER.map((name) => {
      const facet = this.facetsByName.get(name)!
      const bit = active.indexOf(name)
      return { name, facet, mask: ~(bit < 0 ? 0 : 1 << bit), counts: new Int32Array(facet.names.length) }
    })
    for (const id of matched) {
      const failed = fails[id]!
      for (const f of facets) {
        if ((failed & f.mask) !== 0) continue
        const v = f.facet.first[id]!
        if (v < 0) continue
        f.counts[v]!++
        const more = f.facet.more.size ? f.facet.more.get(id) : undefined
        if (more) for (const m of more) f.counts[m]!++
      }
    }
    const out = {} as SearchResponse['facets']
    for (const { name, facet, counts } of facets) {
      const values: { value: string; count: number }[] = []
      counts.forEach((count, v) => count && values.push({ value: facet.names[v]!, count }))
      out[name] = values.sort((a, b) => (name === '年份' ? b.value.localeCompare(a.value) : collator.compare(a.value, b.value)))
    }
    return out
  }
}
