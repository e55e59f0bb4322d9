/**
 * The worker-service directory. On the server it renders the complete list, grouped by
 * category, so the page works with no JavaScript at all; once hydrated it adds filter controls
 * (category, district, audience, open now, free text) that hide non-matching items in place.
 * Filters live in the query string, so a reload or the back button keeps them. 「离我最近」
 * asks for the position only when pressed and then lists the matching services as one list,
 * nearest first, with distance, open-now and map links; refused, it says so and hands the
 * worker the district filter.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { FormEvent, Ref } from 'react'

import { audiences, serviceCategories } from '../../content-models/options'
import { smsHref, telHref } from '../lib/format'
import { amapLink, baiduLink } from '../lib/mapLinks'
import { byDistance, distanceText, locationProblem, requestPosition } from '../lib/nearby'
import type { LatLng } from '../lib/nearby'
import { hasFilters, isItemOpen, itemOpenState, matches, noFilters } from '../lib/serviceDirectory'
import type { DirectoryFilters, DirectoryItem } from '../lib/serviceDirectory'
import { routes } from '../routes'

export interface ServiceDirectoryProps {
  /** Already in display order (see sortItems). */
  items: DirectoryItem[]
  /** District (区县) filter options: region code and name. */
  districts: { value: string; label: string }[]
  /** The national hotline, offered when nothing matches. */
  hotline?: string
  /** The clock "open now" reads; tests inject a fixed one. */
  clock?: () => Date
}

const PARAMS = { category: 'cat', district: 'district', audience: 'aud', openNow: 'open', q: 'q' } as const

const readParams = (search: string): DirectoryFilters => {
  const p = new URLSearchParams(search)
  return {
    category: p.get(PARAMS.category) ?? '',
    district: p.get(PARAMS.district) ?? '',
    audience: p.get(PARAMS.audience) ?? '',
    openNow: p.get(PARAMS.openNow) === '1',
    q: p.get(PARAMS.q) ?? '',
  }
}

const writeParams = (f: DirectoryFilters, search: string): string => {
  const p = new URLSearchParams(search)
  for (const key of Object.values(PARAMS)) p.delete(key)
  if (f.category) p.set(PARAMS.category, f.category)
  if (f.district) p.set(PARAMS.district, f.district)
  if (f.audience) p.set(PARAMS.audience, f.audience)
  if (f.openNow) p.set(PARAMS.openNow, '1')
  if (f.q.trim()) p.set(PARAMS.q, f.q.trim())
  const s = p.toString()
  return s ? `?${s}` : ''
}

const phoneHref = (p: NonNullable<DirectoryItem['phone']>) => (p.sms ? smsHref(p.number) : telHref(p.number))

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

interface ItemCardProps {
  item: DirectoryItem
  hidden: boolean
  open: boolean
  where: string
  /** In the nearest-first list: the distance and place, and the open state to spell out. */
  near?: { metres?: number; place?: number; state: 'open' | 'closed' | 'unknown' }
}

const OPEN_WORDS = { open: '现在开放', closed: '现在未开放', unknown: '开放时间请电话确认' } as const

/** One service in the list; the same card in the category view and the nearest-first view. */
const ItemCard = ({ item: i, hidden, open, where, near }: ItemCardProps) => {
  const place = near?.place !== undefined ? i.places[near.place] : undefined
  const mapPlace = place && { ...place, name: place.name ?? i.name }
  return (
    <li id={near ? undefined : `svc-${i.slug}`} className="card svc-item" hidden={hidden}>
      <h3 className="svc-name">
        <a href={routes.service.url({ slug: i.slug })}>{i.name}</a>
        {i.status !== 'active' && <span className="badge warn">{i.status === 'ended' ? '已停止' : '暂停服务'}</span>}
        {near
          ? i.status === 'active' && <span className={`badge ${near.state === 'open' ? 'ok' : ''}`}>{OPEN_WORDS[near.state]}</span>
          : open && <span className="badge ok">现在开放</span>}
      </h3>
      {near && (
        <p className="svc-line svc-distance">
          <span className="svc-k">距离</span>
          {near.metres !== undefined && place ? (
            <>
              <strong>{distanceText(near.metres)}</strong> · {place.name ? `${place.name}，` : ''}
              {place.address}
            </>
          ) : (
            '没有登记位置，请电话咨询'
          )}
        </p>
      )}
      {i.eligibility && (
        <p className="svc-line">
          <span className="svc-k">适用</span>
          {i.eligibility}
        </p>
      )}
      <p className="svc-line">
        <span className="svc-k">地区</span>
        {where}
      </p>
      {i.phone && (
        <p className="svc-call">
          <a className="tel" href={phoneHref(i.phone)} style={{ whiteSpace: 'nowrap' }}>
            {i.phone.sms && <span className="sr-only">发短信 </span>}
            {i.phone.number}
          </a>
          {i.phone.label && <span className="svc-phone-label">{i.phone.label}</span>}
        </p>
      )}
      {mapPlace && (
        <p className="svc-maps">
          <span className="svc-k">地图</span>
          <a href={amapLink(mapPlace)} rel="external noopener">
            高德地图导航
          </a>
          <a href={baiduLink(mapPlace)} rel="external noopener">
            百度地图导航
          </a>
        </p>
      )}
    </li>
  )
}

export default function ServiceDirectory({ items, districts, hotline = '12351', clock = () => new Date() }: ServiceDirectoryProps) {
  // False on the server and in the first client render, so hydration matches the static list.
  const [ready, setReady] = useState(false)
  const [filters, setFilters] = useState<DirectoryFilters>(noFilters)
  const [now, setNow] = useState<Date | undefined>(undefined)
  const pendingAnchor = useRef<HTMLElement | null>(null)
  // The worker's position, only after they pressed 「离我最近」; never stored or sent.
  const [origin, setOrigin] = useState<LatLng | undefined>(undefined)
  const [locating, setLocating] = useState(false)
  const [geoProblem, setGeoProblem] = useState<string | undefined>(undefined)
  const districtSelect = useRef<HTMLSelectElement>(null)
  const clockRef = useRef(clock)
  clockRef.current = clock

  useEffect(() => {
    // Arriving at /services/#cat-legal-aid, the browser has scrolled to that section; the
    // controls about to appear above it would push it down, so remember to scroll back to it.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
    if (target && Math.abs(target.getBoundingClientRect().top) < 16) pendingAnchor.current = target
    setFilters(readParams(location.search))
    setNow(clockRef.current())
    setReady(true)
    const timer = setInterval(() => setNow(clockRef.current()), 60_000)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    // A category link (the jump list above) to a section the filters hide: show everything
    // again and go there, rather than doing nothing.
    const onHash = () => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))
      if (target?.closest('.svc-directory [hidden]')) {
        pendingAnchor.current = target
        setFilters(noFilters)
        setOrigin(undefined)
      }
    }
    addEventListener('hashchange', onHash)
    return () => removeEventListener('hashchange', onHash)
  }, [])

  useLayoutEffect(() => {
    if (ready && pendingAnchor.current) {
      pendingAnchor.current.scrollIntoView()
      pendingAnchor.current = null
    }
  }, [ready, filters])

  useEffect(() => {
    if (!ready) return
    const search = writeParams(filters, location.search)
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)
  }, [filters, ready])

  const districtNames = useMemo(() => Object.fromEntries(districts.map((d) => [d.value, d.label])), [districts])
  const visible = useMemo(
    () => new Set(items.filter((i) => !ready || matches(i, filters, now, districtNames)).map((i) => i.id)),
    [items, filters, now, ready, districtNames],
  )
  const groups = useMemo(
    () => serviceCategories.map((c) => ({ ...c, items: items.filter((i) => i.category === c.value) })).filter((g) => g.items.length > 0),
    [items],
  )
  const usedAudiences = audiences.filter((a) => a.value !== 'everyone' && items.some((i) => i.audiences.includes(a.value)))
  const filtered = hasFilters(filters)
  const set = <K extends keyof DirectoryFilters>(key: K, value: DirectoryFilters[K]) => setFilters((f) => ({ ...f, [key]: value }))
  const searchBox = useRef<HTMLInputElement>(null)
  // The clear buttons stay enabled (a disabled or vanishing button would drop keyboard focus
  // on <body>); after clearing, focus moves to the search box and the live region reads the count.
  const clear = () => {
    setFilters(noFilters)
    searchBox.current?.focus()
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    // Enter in the search box: close the phone keyboard so the results show.
    ;(document.activeElement as HTMLElement | null)?.blur?.()
  }
  const findNearest = async () => {
    setLocating(true)
    setGeoProblem(undefined)
    try {
      setOrigin(await requestPosition())
    } catch (error) {
      setOrigin(undefined)
      setGeoProblem(locationProblem(error as { code?: number } | 'unsupported'))
      districtSelect.current?.focus()
    } finally {
      setLocating(false)
    }
  }
  const ranked = useMemo(() => (origin ? byDistance(items, origin, (i) => i.places) : []), [items, origin])
  const where = (i: DirectoryItem) => {
    const names = i.districts.map((d) => districtNames[d] ?? d)
    if (!i.citywide) return names.join('、')
    return names.length ? `${names.join('、')} · 面向全市` : '全市'
  }

  return (
    <div className="wrap svc-directory">
      {ready && (
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
            options={groups}
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
            options={usedAudiences}
            onChange={(v) => set('audience', v)}
          />
          <div className="svc-f svc-f-open">
            <input id="svc-open" type="checkbox" checked={filters.openNow} onChange={(e) => set('openNow', e.target.checked)} />
            <label htmlFor="svc-open">现在开放</label>
          </div>
          <div className="svc-f-bar">
            <p className="svc-result" role="status" aria-live="polite">
              {filtered ? `找到 ${visible.size} 项服务（共 ${items.length} 项）` : `共 ${items.length} 项服务`}
            </p>
            <button type="button" className="svc-clear" onClick={clear}>
              清除筛选
            </button>
            {origin ? (
              <button type="button" className="svc-near-btn" onClick={() => setOrigin(undefined)}>
                按类别显示
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
      )}

      {origin && (
        <section className="svc-group svc-near" aria-labelledby="near-title">
          <h2 id="near-title">
            离我最近 <span className="svc-group-count">（按直线距离，{visible.size} 项）</span>
          </h2>
          <ol className="card-list svc-list">
            {ranked
              .filter((r) => visible.has(r.item.id))
              .map((r) => (
                <ItemCard
                  key={r.item.id}
                  item={r.item}
                  hidden={false}
                  open={false}
                  where={where(r.item)}
                  near={{ metres: r.metres, place: r.place, state: now ? itemOpenState(r.item, now) : 'unknown' }}
                />
              ))}
          </ol>
        </section>
      )}

      {groups.map((g) => {
        const shown = g.items.filter((i) => visible.has(i.id)).length
        return (
          <section
            key={g.value}
            id={`cat-${g.value}`}
            className="svc-group"
            aria-labelledby={`cat-${g.value}-title`}
            hidden={shown === 0 || origin !== undefined}
          >
            <h2 id={`cat-${g.value}-title`}>
              {g.label} <span className="svc-group-count">（{ready && filtered ? `${shown}/${g.items.length}` : g.items.length}）</span>
            </h2>
            <ul className="card-list svc-list">
              {g.items.map((i) => (
                <ItemCard
                  key={i.id}
                  item={i}
                  hidden={!visible.has(i.id)}
                  open={ready && now !== undefined && isItemOpen(i, now)}
                  where={where(i)}
                />
              ))}
            </ul>
          </section>
        )
      })}

      {ready && visible.size === 0 && (
        <p className="svc-empty">
          没有找到符合条件的服务。可以
          <button type="button" className="svc-clear" onClick={clear}>
            清除筛选
          </button>
          ，或拨打 <a href={telHref(hotline)}>{hotline}</a> 职工服务热线咨询（24 小时）。
        </p>
      )}
    </div>
  )
}
