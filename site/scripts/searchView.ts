/**
 * The search page's behaviour, whatever answers the query: the project's server
 * (/search.json, site/scripts/searchServer.ts) or Pagefind on a plain static host
 * (site/scripts/searchPagefind.ts). Query from ?q=, one select per filter (type, year,
 * region, section), a sort select, results as you type, "more" below the list.
 */
export type SortOrder = 'relevance' | 'newest' | 'oldest'

export interface SearchRequest {
  q: string
  filters: Record<string, string>
  sort: SortOrder
}

export interface ResultItem {
  url: string
  title: string
  /** Type, date, region: whichever are known, in that order. */
  meta: string[]
  /** Escaped text; only <mark> elements. */
  excerptHtml: string
}

export interface ResultSet {
  /** All results of the query; known once next() has answered at least once. */
  readonly total: number
  /** Said after the count: the server read only part of the candidates (a very common term). */
  readonly note?: string
  /** Parts of the index are still unread (Pagefind's older tiers): "more" reads them even when `total` are shown. */
  readonly open?: boolean
  /** The next results to show (empty when there are none). */
  next: () => Promise<ResultItem[]>
}

export interface SearchBackend {
  search: (request: SearchRequest) => Promise<ResultSet>
  /** Results after the page the server already rendered (server mode only). */
  resume?: (request: SearchRequest, renderedPage: number) => ResultSet
}

/** The server refused the search for now (too many, too fast); its message says what to do. */
export class SearchRefused extends Error {}

const PROMPT = '请输入关键词，例如：法律援助、职工书屋、12351。'

/** Anything but <mark> is dropped: excerpts arrive as HTML and must stay text. */
export const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)[^>]*>?/gi, '')

export const resultItem = (doc: Document, item: ResultItem): HTMLLIElement => {
  const li = doc.createElement('li')
  li.className = 'card'
  const h = doc.createElement('h2')
  const a = doc.createElement('a')
  a.href = item.url
  a.textContent = item.title
  h.append(a)
  const meta = doc.createElement('p')
  meta.className = 'meta'
  meta.textContent = item.meta.filter(Boolean).join(' · ')
  const excerpt = doc.createElement('p')
  excerpt.innerHTML = onlyMarks(item.excerptHtml)
  li.append(h, meta, excerpt)
  return li
}

export const startSearchPage = (doc: Document, backend: SearchBackend, options: { serverRendered?: boolean; debounceMs?: number } = {}) => {
  const win = doc.defaultView!
  const form = doc.querySelector<HTMLFormElement>('#search-page-form')!
  const input = doc.querySelector<HTMLInputElement>('#q')!
  const filtersBox = doc.querySelector<HTMLElement>('#search-filters')!
  const sortSelect = doc.querySelector<HTMLSelectElement>('#sort')!
  const statusLine = doc.querySelector<HTMLElement>('#search-status')!
  const list = doc.querySelector<HTMLOListElement>('#search-results')!
  const more = doc.querySelector<HTMLButtonElement>('#search-more')!

  const params = new URLSearchParams(win.location.search)
  input.value = params.get('q') ?? ''
  sortSelect.value = params.get('sort') ?? 'relevance'
  for (const select of filtersBox.querySelectorAll('select')) select.value = params.get(select.name) ?? ''

  const request = (): SearchRequest => {
    const filters: Record<string, string> = {}
    for (const select of filtersBox.querySelectorAll('select')) if (select.value) filters[select.name] = select.value
    const sort = (['newest', 'oldest'].includes(sortSelect.value) ? sortSelect.value : 'relevance') as SortOrder
    return { q: input.value.trim(), filters, sort }
  }

  const syncUrl = ({ q, filters, sort }: SearchRequest) => {
    const next = new URLSearchParams()
    if (q) next.set('q', q)
    for (const [k, v] of Object.entries(filters)) next.set(k, v)
    if (sort !== 'relevance') next.set('sort', sort)
    win.history.replaceState(null, '', `${win.location.pathname}${next.size ? `?${next}` : ''}`)
  }

  let current: ResultSet | undefined
  let shown = 0
  let searchId = 0

  // A superseded search may still be fetching; it must not touch the newer list.
  const show = async (id: number, replace: boolean) => {
    const items = await current!.next()
    if (id !== searchId) return false
    const nodes = items.map((item) => resultItem(doc, item))
    if (replace) list.replaceChildren(...nodes)
    else list.append(...nodes)
    shown = (replace ? 0 : shown) + items.length
    more.hidden = shown >= current!.total && !current!.open
    // A backend may learn only while listing that some results did not match (Pagefind): the count follows.
    if (!replace) statusLine.textContent = counted(current!.total, request().q, current!.note)
    return true
  }
  const counted = (total: number, q: string, note = '') =>
    total ? `找到 ${total} 条结果${note}` : `没有找到与“${q}”相关的内容${note}。可以换个说法，或拨打 12351 咨询。`

  const run = async () => {
    const id = ++searchId
    const req = request()
    syncUrl(req)
    if (!req.q && !Object.keys(req.filters).length) {
      current = undefined
      list.replaceChildren()
      list.setAttribute('aria-busy', 'false')
      more.hidden = true
      statusLine.textContent = PROMPT
      return
    }
    list.setAttribute('aria-busy', 'true')
    statusLine.textContent = '正在搜索…'
    try {
      // One more try before telling the visitor: a failure seen right after a publish swapped
      // the index (intermittent, cause not found yet) passes on a second attempt.
      const set = await backend.search(req).catch((error: unknown) => {
        if (error instanceof SearchRefused) throw error
        console.error('搜索失败，重试一次', error)
        return backend.search(req)
      })
      if (id !== searchId) return
      current = set
      if (!(await show(id, true))) return
      statusLine.textContent = counted(set.total, req.q, set.note)
    } catch (error) {
      console.error('搜索失败', error)
      if (id !== searchId) return
      list.replaceChildren()
      more.hidden = true
      statusLine.textContent = error instanceof SearchRefused ? error.message : '搜索暂时不可用，请稍后再试，或浏览新闻归档与服务目录。'
    }
    list.setAttribute('aria-busy', 'false')
  }

  let timer: number | undefined
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    // The search typing scheduled would run the same query again 250 ms later and replace the
    // results, taking the focus from a result the visitor has already moved to.
    win.clearTimeout(timer)
    void run()
  })
  input.addEventListener('input', () => {
    win.clearTimeout(timer)
    timer = win.setTimeout(() => void run(), options.debounceMs ?? 250)
  })
  sortSelect.addEventListener('change', () => void run())
  for (const select of filtersBox.querySelectorAll('select')) select.addEventListener('change', () => void run())
  more.addEventListener('click', () => {
    if (!current && options.serverRendered && backend.resume) {
      shown = list.children.length
      current = backend.resume(request(), Math.max(1, Number(params.get('page')) || 1))
    }
    if (current) void show(searchId, false)
  })

  // The server has already put the results into the page: keep them, only take over from here.
  if (options.serverRendered) {
    list.setAttribute('aria-busy', 'false')
    // Its page links are for visitors without JavaScript. Here "more" lists the next page below
    // instead, and the links, which a new query would leave pointing at the old one, go.
    const pager = doc.querySelector('.search-pager')
    if (pager) {
      more.hidden = !pager.querySelector('a[rel="next"]')
      pager.remove()
    }
    return { run }
  }
  void run()
  return { run }
}
