import { DatabaseSync, type StatementSync } from 'node:sqlite'

import { FILTER_ORDER, filterCounts, type SearchFilters } from '../lib/searchFilters'
import { excerptHtml } from './excerpt'
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
}

export const PAGE_SIZE = 10
export const MAX_QUERY_CHARS = 100
export const MAX_TERMS = 8
export const MAX_PAGE = 1000

interface DocMeta {
  id: number
  url: string
  type: string
  title: string
  date: string
  filters: SearchFilters
  /** Filter values as sets, for filtering and counting without re-reading JSON. */
  values: Record<string, Set<string>>
}

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
 * An open index file, read-only. Document metadata is held in memory (tens of bytes a
 * document) so filters, facet counts and date sorting run over plain arrays; SQLite answers
 * only the text match and the excerpts of one page of results.
 */
export class SearchIndex {
  readonly file: string
  private db: DatabaseSync
  private docs = new Map<number, DocMeta>()
  private all: number[] = []
  private match: StatementSync
  private texts: StatementSync

  constructor(file: string) {
    this.file = file
    this.db = new DatabaseSync(file, { readOnly: true })
    try {
      this.db.exec('PRAGMA query_only = ON; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;')
      for (const row of this.db.prepare('SELECT id, url, type, title, date, filters FROM docs ORDER BY id').iterate() as Iterable<{ id: number; url: string; type: string; title: string; date: string | null; filters: string }>) {
        const filters = JSON.parse(row.filters) as SearchFilters
        const values: Record<string, Set<string>> = {}
        for (const [k, v] of Object.entries(filters)) values[k] = new Set([v ?? []].flat().filter(Boolean))
        this.docs.set(row.id, { id: row.id, url: row.url, type: row.type, title: row.title, date: row.date ?? '', filters, values })
        this.all.push(row.id)
      }
      this.match = this.db.prepare('SELECT rowid AS id FROM fts WHERE fts MATCH ?')
      this.texts = this.db.prepare('SELECT id, text FROM docs WHERE id IN (SELECT value FROM json_each(?))')
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
    return (this.match.all(expression) as { id: number }[]).map((r) => r.id)
  }

  search(request: SearchRequest): SearchResponse {
    const raw = request.q.trim()
    const clipped = [...raw].slice(0, MAX_QUERY_CHARS).join('')
    const allTerms = queryTerms(clipped, Number.MAX_SAFE_INTEGER)
    const terms = allTerms.slice(0, MAX_TERMS)
    const truncated = clipped.length < raw.length || allTerms.length > terms.length || undefined
    const empty = (): SearchResponse => ({ query: clipped, total: 0, page: 1, pageSize: PAGE_SIZE, results: [], facets: this.facets([], request.filters), truncated })
    const { matched, expressions } = this.matching(terms)
    if (!expressions.length && !Object.keys(request.filters).length) return empty()
    const selected = matched.filter((id) => this.passes(this.docs.get(id)!, request.filters))
    const ordered = this.order(selected, expressions, request.sort)
    const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE))
    const page = Math.min(request.page, pages)
    const slice = ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    const texts = new Map((this.texts.all(JSON.stringify(slice)) as { id: number; text: string }[]).map((r) => [r.id, r.text]))
    return {
      query: clipped,
      total: ordered.length,
      page,
      pageSize: PAGE_SIZE,
      results: slice.map((id) => {
        const d = this.docs.get(id)!
        const region = d.filters['地区']
        return {
          url: d.url,
          title: d.title,
          type: d.type,
          ...(d.date ? { date: d.date } : {}),
          ...(region?.length ? { region: [region].flat()[0] } : {}),
          excerptHtml: excerptHtml(texts.get(id) ?? '', terms),
        }
      }),
      facets: this.facets(matched, request.filters),
      truncated,
    }
  }

  /** Documents holding every term (all documents for no term), in id order, and the terms' FTS expressions. */
  private matching(terms: string[]): { matched: number[]; expressions: string[] } {
    const queries = terms.map((t) => ({ term: t, query: termQuery(t) })).filter((x): x is { term: string; query: TermQuery } => x.query !== undefined)
    const expressions = queries.map((x) => x.query.expression)
    let matched = expressions.length ? this.ids(expressions.map((e) => `(${e})`).join(' AND ')) : this.all
    const toVerify = queries.filter((x) => x.query.verify).map((x) => fold(x.term))
    if (toVerify.length) matched = this.verified(matched, toVerify)
    return { matched, expressions }
  }

  /** Every matching URL of a query, unpaged and without excerpts (for measuring recall). */
  matchUrls(q: string): string[] {
    return this.matching(queryTerms([...q.trim()].slice(0, MAX_QUERY_CHARS).join(''), MAX_TERMS)).matched.map((id) => this.docs.get(id)!.url)
  }

  /** The candidates whose folded text holds every one of `terms` (for terms the index can only narrow down). */
  private verified(ids: number[], terms: string[]): number[] {
    const out: number[] = []
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      for (const row of this.texts.all(JSON.stringify(chunk)) as { id: number; text: string }[]) {
        const text = fold(`${this.docs.get(row.id)!.title}\n${row.text}`)
        if (terms.every((t) => text.includes(t))) out.push(row.id)
      }
    }
    return out.sort((a, b) => a - b)
  }

  private passes(d: DocMeta, filters: SearchRequest['filters'], except?: string) {
    for (const [name, value] of Object.entries(filters)) if (name !== except && !d.values[name]?.has(value!)) return false
    return true
  }

  /**
   * Relevance without scoring every match (bm25 over 36k matches took 1.3 s): a document
   * scores per term 3 when the term is in its title, 2 in its summary, 1 elsewhere; ties go
   * newest first. The title and summary matches are two more index lookups per term.
   */
  private order(ids: number[], expressions: string[], sort: SortOrder): number[] {
    const byDate = (a: number, b: number) => {
      const da = this.docs.get(a)!.date
      const db = this.docs.get(b)!.date
      // Undated pages (services, homes, models) come after dated ones either way.
      if (da === db) return a - b
      if (!da) return 1
      if (!db) return -1
      return sort === 'oldest' ? (da < db ? -1 : 1) : da < db ? 1 : -1
    }
    if (sort !== 'relevance' || !expressions.length) return [...ids].sort(byDate)
    const score = new Map<number, number>()
    for (const e of expressions) {
      const title = new Set(this.ids(`title : (${e})`))
      const summary = new Set(this.ids(`summary : (${e})`))
      for (const id of ids) score.set(id, (score.get(id) ?? 0) + (title.has(id) ? 3 : summary.has(id) ? 2 : 1))
    }
    return [...ids].sort((a, b) => score.get(b)! - score.get(a)! || byDate(a, b))
  }

  /** Counts per filter value among the matches, each filter counted with the other filters applied (so its other values stay visible). */
  private facets(matched: number[], filters: SearchRequest['filters']): SearchResponse['facets'] {
    const out = {} as SearchResponse['facets']
    for (const name of FILTER_ORDER) {
      const docs = matched.map((id) => this.docs.get(id)!).filter((d) => this.passes(d, filters, name))
      out[name] = filterCounts(docs.map((d) => ({ [name]: d.filters[name] }))).find((f) => f.name === name)?.values ?? []
    }
    return out
  }
}
