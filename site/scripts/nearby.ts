/**
 * 离我最近 on a paged server-rendered list (workers' homes, rest stations). Without script the
 * list stays as built and the button stays hidden. Pressed, it asks for the position once,
 * fetches the list's data file (every place, lib/nearPlaces.ts) and puts the nearest places in
 * the list's stead, each with its distance, whether it is open now (China time) and the map-app
 * links; 显示更多 adds more. The page itself carries one page of the list, whatever its size.
 * Refused or unavailable, it says so and moves focus to the page's district filter.
 *
 * Markup: a `[data-near]` box naming its list (`data-near-list`, an id), the filter to fall
 * back on (`data-near-fallback`), the data file (`data-near-src`) and how to read it
 * (`data-near-kind`).
 */
import { amapLink, baiduLink } from '../lib/mapLinks'
import { smsHref, telHref } from '../lib/format'
import { NEAR_PLACES_SHOWN, nearReaders, type NearKind, type NearPlace } from '../lib/nearPlaces'
import { distanceText, locationProblem, requestPosition, type LatLng } from '../lib/nearby'

const OPEN_WORDS = { open: '现在开放', closed: '现在未开放', unknown: '开放时间请电话确认' } as const

const link = (href: string, text: string) => {
  const a = document.createElement('a')
  a.href = href
  a.rel = 'external noopener'
  a.textContent = text
  return a
}

const span = (text: string, className: string) => {
  const s = document.createElement('span')
  s.className = className
  s.textContent = text
  return s
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]) => {
  const e = document.createElement(tag)
  if (className) e.className = className
  e.append(...children)
  return e
}

/** A place's card as the page draws its items (components/RestStationCards.astro), with the distance line. */
const placeCard = (p: NearPlace, kind: NearKind) => {
  const title = el('a', '', p.name)
  title.href = p.href
  const heading = el('h3', 'svc-name', title)
  if (p.open === 'paused') heading.append(' ', span('暂停服务', 'badge warn'))
  const open = p.open === 'paused' ? '暂停服务' : OPEN_WORDS[p.open]
  const info = el('p', 'near-info', span(distanceText(p.metres), 'near-distance'), span(open, p.open === 'open' ? 'badge ok' : 'badge'))
  const address = kind === 'homes' ? el('p', 'dir-address', p.address) : el('p', 'svc-line', span('地址', 'svc-k'), p.address)
  const li = el('li', kind === 'homes' ? 'card dir-card' : 'card svc-item', heading, info, address)
  li.dataset.name = p.name
  if (p.phone) {
    const tel = el('a', 'tel', span('拨打', 'sr-only'), p.phone.number)
    tel.href = p.phone.sms ? smsHref(p.phone.number) : telHref(p.phone.number)
    tel.style.whiteSpace = 'nowrap'
    li.append(el('p', 'svc-call', tel, ...(p.phone.label ? [' ', span(p.phone.label, 'svc-phone-label')] : [])))
  }
  const place = { lat: p.lat, lng: p.lng, name: p.name, address: p.address }
  const maps = [link(amapLink(place), '高德地图导航'), link(baiduLink(place), '百度地图导航')]
  // The homes' pages have no services.css: their links sit in the distance line (styles/nearby.css).
  if (kind === 'homes') info.append(...maps)
  else li.append(el('p', 'svc-maps', span('地图', 'svc-k'), ...maps))
  return li
}

/** Fills the list with the nearest places of the box's data file; 显示更多 below it adds more. */
const rankFromData = async (box: HTMLElement, list: HTMLElement, origin: LatLng) => {
  const kind = box.dataset.nearKind as NearKind
  const response = await fetch(box.dataset.nearSrc!)
  if (!response.ok) throw new Error(`${kind}: HTTP ${response.status}`)
  const ranked = nearReaders[kind](await response.json(), origin, new Date())
  let shown = 0
  const more = box.parentElement?.querySelector<HTMLButtonElement>('.near-more') ?? el('button', 'near-btn near-more')
  const showMore = () => {
    list.append(...ranked.slice(shown, shown + NEAR_PLACES_SHOWN).map((p) => placeCard(p, kind)))
    shown = Math.min(ranked.length, shown + NEAR_PLACES_SHOWN)
    more.hidden = shown >= ranked.length
  }
  if (!more.isConnected) {
    more.type = 'button'
    more.textContent = '显示更多'
    more.addEventListener('click', showMore)
    list.after(more)
  }
  list.replaceChildren()
  showMore()
  // A note on what the list held (「前 20 处」) no longer describes it.
  for (const note of document.querySelectorAll<HTMLElement>('[data-near-note]')) note.textContent = '（离您最近的在前）'
  return ranked[0] && { name: ranked[0].name, metres: ranked[0].metres }
}

const setUp = (box: HTMLElement) => {
  const list = document.getElementById(box.dataset.nearList ?? '')
  const button = box.querySelector<HTMLButtonElement>('.near-btn')
  const status = box.querySelector<HTMLElement>('.near-status')
  if (!list || !button || !status) return
  button.hidden = false
  const hint = box.querySelector<HTMLElement>('.near-hint')
  if (hint) hint.hidden = false
  button.addEventListener('click', async () => {
    button.disabled = true
    button.textContent = '正在获取位置…'
    status.classList.remove('problem')
    status.textContent = ''
    if (hint) hint.hidden = true
    // Pressed: the hint's kept room (styles/nearby.css) is no longer needed.
    box.classList.add('near-used')
    try {
      const origin = await requestPosition()
      const first = await rankFromData(box, list, origin)
      status.textContent = first
        ? `已按直线距离排序，最近的是${first.name}（${distanceText(first.metres)}）。`
        : '这些地点都没有登记位置，无法按距离排序。'
    } catch (error) {
      status.classList.add('problem')
      status.textContent =
        error instanceof Error
          ? '暂时无法读取各处的位置，请检查网络后再试，或用下面的地区筛选查找。'
          : locationProblem(error as { code?: number } | 'unsupported')
      const fallback = document.getElementById(box.dataset.nearFallback ?? '')
      if (fallback) {
        if (!fallback.matches('a, button, input, select, [tabindex]')) fallback.tabIndex = -1
        fallback.scrollIntoView({ block: 'center' })
        fallback.focus({ preventScroll: true })
      }
    } finally {
      button.disabled = false
      button.textContent = '离我最近'
    }
  })
}

document.querySelectorAll<HTMLElement>('[data-near]').forEach(setUp)
