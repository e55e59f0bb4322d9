export {}

/**
 * Search page behaviour over Pagefind's JS API. Pagefind's component UI has no result
 * sorting, and archive visitors need "newest first", so the page drives the API itself:
 * query from ?q=, one select per filter (type, region, year, section), a sort select.
 */
type Result = { id: string; score: number; data: () => Promise<ResultData> }
type ResultData = { url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }
type Instance = {
  options: (o: Record<string, unknown>) => Promise<void>
  init: () => Promise<void>
  search: (q: string | null, o: Record<string, unknown>) => Promise<{ results: Result[] }>
}
type Pagefind = Instance
/** Written by site/incremental/searchDelta.ts: pages changed since the last full build, and the full index's stale records. */
type DeltaManifest = { urls: string[]; superseded: string[] }

const PAGE = 10
const bundle = '/pagefind/pagefind.js'
const deltaBundle = '/pagefind-delta/pagefind.js'

const form = document.querySelector<HTMLFormElement>('#search-page-form')!
const input = document.querySelector<HTMLInputElement>('#q')!
const filtersBox = document.querySelector<HTMLElement>('#search-filters')!
const sortSelect = document.querySelector<HTMLSelectElement>('#sort')!
const statusLine = document.querySelector<HTMLElement>('#search-status')!
const list = document.querySelector<HTMLOListElement>('#search-results')!
const more = document.querySelector<HTMLButtonElement>('#search-more')!

const params = new URLSearchParams(location.search)
input.value = params.get('q') ?? ''
sortSelect.value = params.get('sort') ?? 'relevance'

let pagefind: Pagefind
let delta: { instance?: Instance; superseded: Set<string> } | undefined
let results: Result[] = []
let shown = 0
let searchId = 0

const selectedFilters = () => {
  const filters: Record<string, string> = {}
  for (const select of filtersBox.querySelectorAll('select')) if (select.value) filters[select.name] = select.value
  return filters
}

const syncUrl = () => {
  const next = new URLSearchParams()
  if (input.value.trim()) next.set('q', input.value.trim())
  for (const [k, v] of Object.entries(selectedFilters())) next.set(k, v)
  if (sortSelect.value !== 'relevance') next.set('sort', sortSelect.value)
  history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`)
}

// A superseded search may still be fetching result data; it must not append to the newer list.
const render = async (id = searchId) => {
  const slice = results.slice(shown, shown + PAGE)
  const data = await Promise.all(slice.map((r) => r.data()))
  if (id !== searchId) return
  for (const item of data) {
    const li = document.createElement('li')
    li.className = 'card'
    const h = document.createElement('h2')
    const a = document.createElement('a')
    a.href = item.url
    a.textContent = item.meta.title ?? item.url
    h.append(a)
    const meta = document.createElement('p')
    meta.className = 'meta'
    meta.textContent = [item.filters['类型']?.[0], item.meta.date, item.filters['地区']?.[0]].filter(Boolean).join(' · ')
    const excerpt = document.createElement('p')
    // Pagefind escapes page text and only adds <mark> around matches.
    excerpt.innerHTML = item.excerpt
    li.append(h, meta, excerpt)
    list.append(li)
  }
  shown += slice.length
  more.hidden = shown >= results.length
}

/** Traditional → Simplified by character (table written by site/integrations/scriptConversion.ts); the index is in Simplified. */
let pairs: Promise<Map<string, string>> | undefined
const simplified = async (q: string): Promise<string> => {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(q)) return q
  pairs ??= fetch('/pagefind/simplified-pairs.json')
    .then((r) => (r.ok ? (r.json() as Promise<string>) : ''))
    .catch(() => '')
    .then((text) => {
      const chars = [...text]
      const table = new Map<string, string>()
      for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i]!, chars[i + 1]!)
      return table
    })
  const table = await pairs
  return [...q].map((c) => table.get(c) ?? c).join('')
}

const run = async () => {
  const id = ++searchId
  const q = input.value.trim()
  const filters = selectedFilters()
  syncUrl()
  if (!q && !Object.keys(filters).length) {
    list.replaceChildren()
    list.setAttribute('aria-busy', 'false')
    more.hidden = true
    statusLine.textContent = '请输入关键词，例如：法律援助、职工书屋、12351。'
    return
  }
  list.setAttribute('aria-busy', 'true')
  statusLine.textContent = '正在搜索…'
  const sort = sortSelect.value === 'relevance' ? undefined : { date: sortSelect.value === 'oldest' ? 'asc' : 'desc' }
  const term = q ? await simplified(q) : null
  const [main, changed] = await Promise.all([pagefind.search(term, { filters, sort }), delta?.instance?.search(term, { filters, sort }) ?? { results: [] }])
  if (id !== searchId) return
  results = await merged(
    main.results.filter((r) => !delta?.superseded.has(r.id)),
    changed.results,
    sortSelect.value,
  )
  if (id !== searchId) return
  shown = 0
  list.replaceChildren()
  statusLine.textContent = results.length ? `找到 ${results.length} 条结果` : `没有找到与“${q}”相关的内容。可以换个说法，或拨打 12351 咨询。`
  await render(id)
  if (id === searchId) list.setAttribute('aria-busy', 'false')
}

/**
 * Pages changed since the last full build are found in the delta index; their entries in the
 * main index are dropped above. The two lists merge by score, or by date when sorting by date
 * (the delta is small, so reading its dates costs a few fragments).
 */
const merged = async (main: Result[], changed: Result[], order: string): Promise<Result[]> => {
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

const loadDelta = async () => {
  const response = await fetch('/pagefind-delta/manifest.json').catch(() => undefined)
  if (!response?.ok) return undefined
  const manifest = (await response.json()) as DeltaManifest
  // Its own copy of Pagefind's script: two instances of one module share WebAssembly memory
  // and fail ("memory access out of bounds").
  const instance = manifest.urls.length ? ((await import(/* @vite-ignore */ deltaBundle)) as Instance) : undefined
  await instance?.options({ excerptLength: 40 })
  await instance?.init()
  return { instance, superseded: new Set(manifest.superseded) }
}

const wireFilters = () => {
  for (const select of filtersBox.querySelectorAll('select')) {
    select.value = params.get(select.name) ?? ''
    select.addEventListener('change', run)
  }
}

const start = async () => {
  try {
    pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind
    await pagefind.options({ excerptLength: 40 })
    await pagefind.init()
    delta = await loadDelta()
    wireFilters()
  } catch {
    statusLine.textContent = '搜索暂时不可用，请稍后再试，或浏览新闻归档与服务目录。'
    return
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })
  let timer: number | undefined
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = window.setTimeout(run, 250)
  })
  sortSelect.addEventListener('change', run)
  more.addEventListener('click', () => void render())
  await run()
}

void start()
