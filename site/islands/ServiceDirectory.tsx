/**
 * The worker-service directory's filters. The page around it is server-rendered (the index,
 * or a paged list such as /services/category/legal-aid/) and works with no
 * JavaScript; this island adds combined filters (category, district, audience, open now, free
 * text) and 「离我最近」. It holds no list of its own: when a worker sets a filter beyond the
 * page's own, it fetches the items of the categories asked for (/services/data/<category>.json,
 * a few kB each), shows the matches in place of the page's list, and puts that list back when
 * the filters are cleared. Filters live in the query string, so a reload or the back button
 * keeps them. The form is rendered on the server too, in the same place, so nothing shifts
 * when the island hydrates, which it does when a worker first touches the form
 * (components/ServiceFinder.astro, scripts/serviceFinder.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FormEvent, Ref } from 'react'

import { telHref } from '../lib/format'
import { byDistance, locationProblem, requestPosition } from '../lib/nearby'
import type { LatLng } from '../lib/nearby'
import { isItemOpen, itemOpenState, matches, noFilters } from '../lib/serviceDirectory'
import type { DirectoryFilters, DirectoryItem } from '../lib/serviceDirectory'
import { routes } from '../routes'
import ServiceCard, { whereText } from './ServiceCard'

type Option = { value: string; label: string }

export interface ServiceDirectoryProps {
  /** Categories that have services, in display order: the choices, and the data files there are. */
  categories: Option[]
  /** District (区县) filter options: region code and name. */
  districts: Option[]
  /** Audiences some service names. */
  audiences: Option[]
  /** The filter the page itself stands for (a filter page's), the island's starting point. */
  scope?: Partial<DirectoryFilters>
  /** How many services the page's own list holds, where the page shows that (a paged list does not). */
  total?: number
  /** The id of the page's server-rendered list, hidden while the island shows its matches. */
  list?: string
  /** The national hotline, offered when nothing matches. */
  hotline?: string
  /** The clock "open now" reads; tests inject a fixed one. */
  clock?: () => Date
  /** What the worker did to the server-rendered form before the island took over (scripts/serviceFinder.ts). */
  early?: () => EarlyInput
}

/** The form's state as the worker left it before hydration, and whether 离我最近 was pressed. */
export type EarlyInput = Partial<DirectoryFilters> & { nearest?: boolean }

const PARAMS = { category: 'cat', district: 'district', audience: 'aud', openNow: 'open', q: 'q' } as const

/** The query string's filters over the page's own (a filter page keeps its own unless the query names another). */
const readParams = (search: string, start: DirectoryFilters): DirectoryFilters => {
  const p = new URLSearchParams(search)
  return {
    category: p.get(PARAMS.category) ?? start.category,
    district: p.get(PARAMS.district) ?? start.district,
    audience: p.get(PARAMS.audience) ?? start.audience,
    openNow: p.has(PARAMS.openNow) ? p.get(PARAMS.openNow) === '1' : start.openNow,
    q: p.get(PARAMS.q) ?? start.q,
  }
}

/** The filters that differ from the page's own, into the query string. */
const writeParams = (f: DirectoryFilters, start: DirectoryFilters, search: string): string => {
  const p = new URLSearchParams(search)
  for (const key of Object.values(PARAMS)) p.delete(key)
  if (f.category !== start.category) p.set(PARAMS.category, f.category)
  if (f.district !== start.district) p.set(PARAMS.district, f.district)
  if (f.audience !== start.audience) p.set(PARAMS.audience, f.audience)
  if (f.openNow !== start.openNow) p.set(PARAMS.openNow, f.openNow ? '1' : '0')
  if (f.q.trim() !== start.q.trim()) p.set(PARAMS.q, f.q.trim())
  const s = p.toString()
  return s ? `?${s}` : ''
}

interface FilterSelectProps {
  id: string
  label: string
  /** The first choice, which clears this filter. */
  all: string
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
  selectRef?: Ref<HTMLSelectElement>
}

/** One dropdown filter: its label, an "all" choice, then the options. */
const FilterSelect = ({ id, label, all, value, options, onChange, selectRef }: FilterSelectProps) => (
  <div className="svc-f">
    <label htmlFor={id}>{label}</label>
    <select id={id} ref={selectRef} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
)

/** Matches shown at first, and how many more each press of 「显示更多」 adds: a phone renders a few dozen cards at once, never a thousand. */
const SHOW_STEP = 30

const sameFilters = (a: DirectoryFilters, b: DirectoryFilters) =>
  a.category === b.category &&
  a.district === b.district &&
  a.audience === b.audience &&
  a.openNow === b.openNow &&
  a.q.trim() === b.q.trim()

export default function ServiceDirectory({
  categories,
  districts,
  audiences,
  scope = {},
  total,
  list,
  hotline = '12351',
  clock = () => new Date(),
  early,
}: ServiceDirectoryProps) {
  const { category = '', district = '', audience = '' } = scope
  const start = useMemo<DirectoryFilters>(() => ({ ...noFilters, category, district, audience }), [category, district, audience])
  const [filters, setFilters] = useState<DirectoryFilters>(start)
  const [now, setNow] = useState<Date | undefined>(undefined)
  // Items by category, as fetched; a category missing here has not been asked for yet.
  const [loaded, setLoaded] = useState<Record<string, DirectoryItem[]>>({})
  const [loadProblem, setLoadProblem] = useState(false)
  const [shown, setShown] = useState(SHOW_STEP)
  // The worker's position, only after they pressed 「离我最近」; never stored or sent.
  const [origin, setOrigin] = useState<LatLng | undefined>(undefined)
  const [locating, setLocating] = useState(false)
  const [geoProblem, setGeoProblem] = useState<string | undefined>(undefined)
  const districtSelect = useRef<HTMLSelectElement>(null)
  const searchBox = useRef<HTMLInputElement>(null)
  const clockRef = useRef(clock)
  clockRef.current = clock
  const [ready, setReady] = useState(false)

  const earlyRef = useRef(early)
  useEffect(() => {
    // Values the worker chose before hydration; undefined ones (a field not there) are left out.
    const { nearest, ...chosen } = earlyRef.current?.() ?? {}
    const before = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined))
    setFilters({ ...start, ...readParams(location.search, start), ...before })
    setNow(clockRef.current())
    setReady(true)
    if (nearest) void findNearestRef.current()
    const timer = setInterval(() => setNow(clockRef.current()), 60_000)
    return () => clearInterval(timer)
  }, [start])

  useEffect(() => {
    if (!ready) return
    const search = writeParams(filters, start, location.search)
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)
  }, [filters, ready, start])

  const active = ready && (!sameFilters(filters, start) || origin !== undefined)
  const wanted = useMemo(
    () => (filters.category ? categories.filter((c) => c.value === filters.category) : categories).map((c) => c.value),
    [filters.category, categories],
  )
  const missing = active ? wanted.filter((c) => !loaded[c]) : []

  useEffect(() => {
    if (!missing.length) return
    let cancelled = false
    setLoadProblem(false)
    Promise.all(
      missing.map(async (category) => {
        const response = await fetch(routes.servicesData.url({ category }))
        if (!response.ok) throw new Error(`${response.status} ${response.url}`)
        return [category, (await response.json()) as DirectoryItem[]] as const
      }),
    ).then(
      (entries) => !cancelled && setLoaded((was) => ({ ...was, ...Object.fromEntries(entries) })),
      (error: unknown) => {
        console.warn('服务目录数据未能载入', error)
        if (!cancelled) setLoadProblem(true)
      },
    )
    return () => {
      cancelled = true
    }
    // missing.join() names the request; the array itself is new on every render.
  }, [missing.join()])

  useEffect(() => {
    // The page's own list stands while the island shows nothing of its own.
    // Not before it is ready: a list hidden by a choice made while it loaded stays hidden.
    if (list && ready) document.getElementById(list)?.toggleAttribute('hidden', active)
  }, [active, list, ready])

  const districtNames = useMemo(() => Object.fromEntries(districts.map((d) => [d.value, d.label])), [districts])
  const pool = useMemo(() => wanted.flatMap((c) => loaded[c] ?? []), [wanted, loaded])
  const matching = useMemo(() => pool.filter((i) => matches(i, filters, now, districtNames)), [pool, filters, now, districtNames])
  const ranked = useMemo(() => (origin ? byDistance(matching, origin, (i) => i.places) : undefined), [matching, origin])
  const loading = active && missing.length > 0 && !loadProblem
  const set = <K extends keyof DirectoryFilters>(key: K, value: DirectoryFilters[K]) => {
    setShown(SHOW_STEP)
    setFilters((f) => ({ ...f, [key]: value }))
  }
  // The clear buttons stay enabled (a disabled or vanishing button would drop keyboard focus
  // on <body>); after clearing, focus moves to the search box and the live region reads the count.
  const clear = () => {
    setFilters(start)
    setOrigin(undefined)
    searchBox.current?.focus()
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    // Enter in the search box: close the phone keyboard so the results show.
    ;(document.activeElement as HTMLElement | null)?.blur?.()
  }
  const findNearestRef = useRef(async () => {})
  const findNearest = async () => {
    setLocating(true)
    setGeoProblem(undefined)
    try {
      setShown(SHOW_STEP)
      setOrigin(await requestPosition())
    } catch (error) {
      setOrigin(undefined)
      setGeoProblem(locationProblem(error as { code?: number } | 'unsupported'))
      districtSelect.current?.focus()
    } finally {
      setLocating(false)
    }
  }
  findNearestRef.current = findNearest
  const status = loadProblem
    ? '服务目录未能载入，请检查网络后重试。'
    : loading
      ? '正在载入服务…'
      : active
        ? `找到 ${matching.length} 项服务`
        : total === undefined
          ? ''
          : `共 ${total} 项服务`

  return (
    <div className="wrap svc-directory" data-ready={ready ? '' : undefined}>
      <form className="svc-filters" role="search" aria-label="筛选服务" onSubmit={onSubmit}>
        <div className="svc-f svc-f-q">
          <label htmlFor="svc-q">搜索服务</label>
          <input
            ref={searchBox}
            id="svc-q"
            type="search"
            value={filters.q}
            placeholder="名称、地址或电话，如：欠薪"
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <FilterSelect
          id="svc-cat"
          label="类别"
          all="全部类别"
          value={filters.category}
          options={categories}
          onChange={(v) => set('category', v)}
        />
        <FilterSelect
          id="svc-district"
          label="地区"
          all="全部地区"
          value={filters.district}
          options={districts}
          onChange={(v) => set('district', v)}
          selectRef={districtSelect}
        />
        <FilterSelect
          id="svc-aud"
          label="适用人群"
          all="全部人群"
          value={filters.audience}
          options={audiences}
          onChange={(v) => set('audience', v)}
        />
        <div className="svc-f svc-f-open">
          <input id="svc-open" type="checkbox" checked={filters.openNow} onChange={(e) => set('openNow', e.target.checked)} />
          <label htmlFor="svc-open">现在开放</label>
        </div>
        <div className="svc-f-bar">
          <p className="svc-result" role="status" aria-live="polite">
            {status}
          </p>
          {/* Filters apply as they change; this closes the phone keyboard so the results show (onSubmit). */}
          <button type="submit" className="svc-clear">
            查看结果
          </button>
          <button type="button" className="svc-clear" onClick={clear}>
            清除筛选
          </button>
          {origin ? (
            <button type="button" className="svc-near-btn" onClick={() => setOrigin(undefined)}>
              按默认顺序显示
            </button>
          ) : (
            <button type="button" className="svc-near-btn" onClick={findNearest} disabled={locating} aria-describedby="svc-near-note">
              {locating ? '正在获取位置…' : '离我最近'}
            </button>
          )}
        </div>
        <p id="svc-near-note" className="svc-hint">
          {geoProblem ? (
            <strong className="svc-geo-problem" role="alert">
              {geoProblem}
            </strong>
          ) : (
            !origin && '按下「离我最近」后才会请求您的位置，位置只在本机使用。'
          )}
        </p>
        {(filters.district || filters.openNow) && (
          <p className="svc-hint">
            {filters.district && '地区筛选包含面向全市的服务。'}
            {filters.openNow && '“现在开放”按北京时间判断，包括服务窗口和电话；节假日请先电话确认。'}
          </p>
        )}
      </form>

      {/* While active it holds the place of the page list it hides, so the footer does not rise and fall as the matches arrive. */}
      <div className={active ? 'svc-results' : undefined}>
        {active && !loading && !loadProblem && matching.length > 0 && (
          <section className={`svc-group svc-matches${ranked ? ' svc-near' : ''}`} aria-labelledby="svc-matches-title">
            <h2 id="svc-matches-title">
              {ranked ? '离我最近' : '筛选结果'}{' '}
              <span className="svc-group-count">
                （{ranked ? '按直线距离，' : ''}
                {matching.length} 项）
              </span>
            </h2>
            <ol className="card-list svc-list">
              {ranked
                ? ranked
                    .slice(0, shown)
                    .map((r) => (
                      <ServiceCard
                        key={r.item.id}
                        item={r.item}
                        open={false}
                        where={whereText(r.item, districtNames)}
                        near={{ metres: r.metres, place: r.place, state: now ? itemOpenState(r.item, now) : 'unknown' }}
                      />
                    ))
                : matching
                    .slice(0, shown)
                    .map((i) => (
                      <ServiceCard key={i.id} item={i} open={now !== undefined && isItemOpen(i, now)} where={whereText(i, districtNames)} />
                    ))}
            </ol>
            {matching.length > shown && (
              <button type="button" className="svc-more" onClick={() => setShown((n) => n + SHOW_STEP)}>
                显示更多（还有 {matching.length - shown} 项）
              </button>
            )}
          </section>
        )}

        {active && !loading && !loadProblem && matching.length === 0 && (
          <p className="svc-empty">
            没有找到符合条件的服务。可以
            <button type="button" className="svc-clear" onClick={clear}>
              清除筛选
            </button>
            ，或拨打 <a href={telHref(hotline)}>{hotline}</a> 职工服务热线咨询（24 小时）。
          </p>
        )}
      </div>
    </div>
  )
}
