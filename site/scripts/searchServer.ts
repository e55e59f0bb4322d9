import { type ResultItem, type ResultSet, type SearchBackend, SearchRefused, type SearchRequest } from './searchView'

/** One page of /search.json, as search-contract.md defines it. */
export interface SearchJson {
  query: string
  total: number
  page: number
  pageSize: number
  results: { url: string; title: string; type: string; date?: string; excerptHtml: string }[]
  facets: Record<string, { value: string; count: number }[]>
  partial?: { checked: number; candidates: number }
}

/** How a partial answer is announced, on the server's page and by the page's script alike. */
export const partialNote = (partial: SearchJson['partial']) =>
  partial ? `（这个词太常见，只查了最近的 ${partial.checked} 篇，请再加一个词缩小范围）` : ''

const urlOf = (req: SearchRequest, page: number) => {
  const params = new URLSearchParams()
  if (req.q) params.set('q', req.q)
  for (const [k, v] of Object.entries(req.filters)) params.set(k, v)
  if (req.sort !== 'relevance') params.set('sort', req.sort)
  if (page > 1) params.set('page', String(page))
  return `/search.json${params.size ? `?${params}` : ''}`
}

const items = (json: SearchJson): ResultItem[] =>
  json.results.map((r) => ({ url: r.url, title: r.title, meta: [r.type, r.date ?? ''], excerptHtml: r.excerptHtml }))

/**
 * On the project's own server (<html data-search="server">): every query goes to /search.json,
 * a page of results at a time.
 */
export const serverBackend = (fetchJson: (url: string) => Promise<SearchJson> = defaultFetch): SearchBackend => {
  const pages = (req: SearchRequest, firstPage: number): ResultSet => {
    let page = firstPage
    let total = Number.POSITIVE_INFINITY
    let note = ''
    let done = false
    return {
      get total() {
        return total
      },
      get note() {
        return note
      },
      next: async () => {
        if (done) return []
        const json = await fetchJson(urlOf(req, page))
        total = json.total
        note = partialNote(json.partial)
        done = !json.results.length || page * json.pageSize >= json.total
        page++
        return items(json)
      },
    }
  }
  return {
    search: async (req) => {
      const set = pages(req, 1)
      // The first page answers with the total, which the status line needs at once.
      const first = await set.next()
      let served = false
      return {
        get total() {
          return set.total
        },
        get note() {
          return set.note
        },
        next: async () => {
          if (served) return set.next()
          served = true
          return first
        },
      }
    },
    // The server rendered page N of the query (?page=N, else 1); "more" continues with N + 1.
    resume: (req, renderedPage) => pages(req, renderedPage + 1),
  }
}

const defaultFetch = async (url: string): Promise<SearchJson> => {
  const response = await fetch(url, { headers: { Accept: 'application/json' } })
  if (response.status === 429 || response.status === 503) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; busy?: boolean }
    if (body.busy && body.error) throw new SearchRefused(body.error)
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return (await response.json()) as SearchJson
}
