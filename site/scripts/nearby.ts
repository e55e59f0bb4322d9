/**
 * 离我最近 on a plain server-rendered list (workers' homes, rest stations). Without script the
 * list stays as built and the button stays hidden. Pressed, it asks for the position once,
 * reorders the list nearest first and writes into each item its distance, whether it is open
 * now (China time) and the map-app links. Refused or unavailable, it says so and moves focus
 * to the page's district filter.
 *
 * Markup: a `[data-near]` box naming its list (`data-near-list`, an id) and the filter to fall
 * back on (`data-near-fallback`); items `[data-near-item]` with data-lat/-lng/-name/-address,
 * data-hours (JSON `{ h: SnapshotHours[], x: SnapshotHoursException[] }`), data-status, and an
 * empty `.near-info` paragraph.
 */
import type { SnapshotHours, SnapshotHoursException } from '../../content-models/snapshot'
import { amapLink, baiduLink } from '../lib/mapLinks'
import { byDistance, distanceText, isPlace, locationProblem, requestPosition } from '../lib/nearby'
import { openState } from '../lib/openNow'

const OPEN_WORDS = { open: '现在开放', closed: '现在未开放', unknown: '开放时间请电话确认' } as const

const placeOf = (li: HTMLElement) => {
  const p = { lat: Number(li.dataset.lat), lng: Number(li.dataset.lng) }
  return li.dataset.lat && li.dataset.lng && isPlace(p) ? p : undefined
}

const openWords = (li: HTMLElement, now: Date): { text: string; ok: boolean } => {
  if (li.dataset.status && li.dataset.status !== 'active') return { text: '暂停服务', ok: false }
  let schedule: { h?: SnapshotHours[]; x?: SnapshotHoursException[] } = {}
  try {
    schedule = JSON.parse(li.dataset.hours ?? '{}')
  } catch {
    // A malformed attribute only costs the open-now line, never the list.
  }
  const state = openState(schedule.h ?? [], schedule.x ?? [], now)
  return { text: OPEN_WORDS[state], ok: state === 'open' }
}

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

const fillInfo = (li: HTMLElement, metres: number | undefined, now: Date) => {
  const info = li.querySelector<HTMLElement>('.near-info')
  if (!info) return
  const place = placeOf(li)
  const open = openWords(li, now)
  info.replaceChildren(
    span(metres === undefined ? '没有登记位置' : distanceText(metres), 'near-distance'),
    span(open.text, open.ok ? 'badge ok' : 'badge'),
  )
  // A card that already shows map links (rest stations) keeps them; others gain them here.
  if (place && !li.querySelector('.svc-maps')) {
    const mapPlace = { ...place, name: li.dataset.name ?? '', address: li.dataset.address }
    info.append(link(amapLink(mapPlace), '高德地图导航'), link(baiduLink(mapPlace), '百度地图导航'))
  }
  info.hidden = false
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
      const items = [...list.querySelectorAll<HTMLElement>(':scope > [data-near-item]')]
      const ranked = byDistance(items, origin, (li) => {
        const p = placeOf(li)
        return p ? [p] : []
      })
      const now = new Date()
      for (const r of ranked) {
        fillInfo(r.item, r.metres, now)
        list.append(r.item)
      }
      const first = ranked[0]
      status.textContent =
        first?.metres !== undefined
          ? `已按直线距离排序，最近的是${first.item.dataset.name}（${distanceText(first.metres)}）。`
          : '这些地点都没有登记位置，无法按距离排序。'
    } catch (error) {
      status.classList.add('problem')
      status.textContent = locationProblem(error as { code?: number } | 'unsupported')
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
