// @vitest-environment happy-dom
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { SnapshotHours, SnapshotRegion, SnapshotService } from '../content-models/snapshot'
import ServiceDirectory from '../site/islands/ServiceDirectory'
import type { ServiceDirectoryProps } from '../site/islands/ServiceDirectory'
import { directoryItems, serviceFacets } from '../site/lib/serviceDirectory'
import { forAudience, inCategory, servesDistrict } from './helpers/serviceFilters'
import { serviceWith } from './helpers/snapshots'

const city: SnapshotRegion = { code: '339900', name: '江南市', level: 'city' }
const qinghu: SnapshotRegion = { code: '339901', name: '青湖区', level: 'district', parentCode: '339900' }
const hubin: SnapshotRegion = { code: '339901001', name: '湖滨街道', level: 'subdistrict', parentCode: '339901' }
const donggang: SnapshotRegion = { code: '339902', name: '东港区', level: 'district', parentCode: '339900' }
const haicheng: SnapshotRegion = { code: '339902002', name: '海澄街道', level: 'subdistrict', parentCode: '339902' }
const yunxi: SnapshotRegion = { code: '339921', name: '云溪县', level: 'district', parentCode: '339900' }
const regions = [city, qinghu, hubin, donggang, haicheng, yunxi]

const weekdays: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], allDay: false, opens: '08:30', closes: '17:00' }]
const always: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }]
const hotline12351 = { number: '12351', label: '职工服务热线', kind: 'voice' as const, hours: '24 小时', hotline: true }

const svc = serviceWith

const services: SnapshotService[] = [
  svc({
    slug: 'legal-city',
    name: '江南市职工法律援助中心',
    category: 'legal-aid',
    eligibility: '在本市工作的职工。',
    audiences: ['everyone', 'migrant-worker'],
    serviceArea: [city],
    // Lists 12351 as a fallback: that must not make the office "open" at night.
    phones: [{ number: '0579-88310150', label: '法律援助中心', kind: 'voice', hours: '工作日 8:30-17:00', hotline: false }, hotline12351],
    locations: [{ address: '江南市青湖区澄波路200号', district: qinghu, openingHours: weekdays, hoursExceptions: [], amenities: [] }],
  }),
  svc({
    slug: 'legal-donggang',
    name: '东港区职工法律服务站',
    category: 'legal-aid',
    audiences: ['gig-worker'],
    serviceArea: [donggang],
    phones: [{ number: '0579-87250066', kind: 'voice', hotline: false }],
    locations: [{ address: '江南市东港区港湾大道1号', district: donggang, openingHours: weekdays, hoursExceptions: [], amenities: [] }],
  }),
  svc({
    slug: 'rest-hubin',
    name: '湖滨户外劳动者驿站',
    category: 'rest-station',
    audiences: ['outdoor'],
    serviceArea: [hubin],
    phones: [{ number: '0579-86121231', kind: 'voice', hotline: false }],
    locations: [{ address: '江南市青湖区湖滨路1号', district: qinghu, openingHours: always, hoursExceptions: [], amenities: ['water'] }],
  }),
  svc({
    slug: 'rest-lingang',
    name: '临港户外劳动者驿站',
    category: 'rest-station',
    status: 'temporarily-closed',
    audiences: ['outdoor'],
    serviceArea: [haicheng],
    phones: [{ number: '0579-87268010', kind: 'voice', hotline: false }],
    locations: [{ address: '江南市东港区金帆路8号', district: donggang, openingHours: always, hoursExceptions: [], amenities: [] }],
  }),
  svc({
    slug: 'hotline-12351',
    name: '12351 职工服务热线',
    category: 'hotline',
    audiences: ['everyone'],
    serviceArea: [city],
    phones: [hotline12351],
  }),
  svc({
    slug: 'perk-swim',
    name: '会员夏季游泳券',
    category: 'member-perks',
    summary: '暑期向会员发放免费游泳券。',
    audiences: ['member'],
    // Only a 街道 and no address: the district filter must still find it under 青湖区.
    serviceArea: [hubin],
    phones: [{ number: '0579-86120030', kind: 'voice', hours: '工作日 8:30-17:00', hotline: false }],
  }),
  svc({
    slug: 'book-yunxi',
    name: '云溪流动书车',
    category: 'book-house',
    status: 'ended',
    audiences: ['everyone'],
    serviceArea: [yunxi],
    phones: [{ number: '0579-85630038', kind: 'voice', hours: '工作日 8:30-17:00', hotline: false }],
  }),
]

const items = directoryItems(services, regions, '12351')
const districts = [qinghu, donggang, yunxi].map((r) => ({ value: r.code, label: r.name }))

// China time: 2026-11-16 is a Monday, 2026-11-21 a Saturday.
const mondayMorning = new Date('2026-11-16T10:00:00+08:00')
const saturdayNight = new Date('2026-11-21T22:00:00+08:00')

const facets = serviceFacets(items, districts)
const valuesOf = (key: string) => facets.find((f) => f.key === key)!.values

/** What the island fetched: the per-category data files, as the build writes them. */
let requested: string[] = []
beforeEach(() => {
  requested = []
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url)
    const category = /^\/services\/data\/([\w-]+)\.json$/.exec(url)?.[1]
    const list = items.filter((i) => i.category === category)
    return new Response(JSON.stringify(list), { status: category && list.length ? 200 : 404 })
  })
})

const mount = (props: Partial<ServiceDirectoryProps> = {}) =>
  render(
    createElement(ServiceDirectory, {
      categories: valuesOf('category'),
      districts,
      audiences: valuesOf('audience'),
      total: items.length,
      clock: () => mondayMorning,
      ...props,
    }),
  )

/** Names of the items a sighted user sees: not hidden themselves, not in a hidden section. */
const shown = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('li.svc-item')]
    .filter((li) => !li.closest('[hidden]'))
    .map((li) => li.querySelector('h3 a')!.textContent)
    .sort()

/** The island's answer once the data it asked for has come. */
const settled = () => waitFor(() => expect(screen.getByRole('status').textContent).not.toBe('正在载入服务…'))

const names = (...slugs: string[]) => slugs.map((slug) => services.find((s) => s.slug === slug)!.name).sort()

const choose = async (label: string, value: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
  await settled()
}

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/services/')
})

describe('service directory filters', () => {
  it('shows the filter controls and no list of its own, and fetches nothing, until a filter is set', async () => {
    const { container } = mount()
    expect(shown(container)).toEqual([])
    expect(screen.getByRole('status').textContent).toBe('共 7 项服务')
    for (const label of ['搜索服务', '类别', '地区', '适用人群', '现在开放']) expect(screen.getByLabelText(label)).toBeTruthy()
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    expect(requested).toEqual([])
  })

  it('filters by category, fetching only that category', async () => {
    const { container } = mount()
    await choose('类别', 'legal-aid')
    expect(shown(container)).toEqual(names('legal-city', 'legal-donggang'))
    expect(screen.getByRole('status').textContent).toBe('找到 2 项服务')
    expect(requested).toEqual(['/services/data/legal-aid.json'])
  })

  it("hides the page's own list while it shows matches, and puts it back when cleared", async () => {
    const own = document.body.appendChild(document.createElement('div'))
    own.id = 'page-list'
    mount({ list: 'page-list' })
    expect(own.hidden).toBe(false)
    await choose('类别', 'legal-aid')
    expect(own.hidden).toBe(true)
    fireEvent.click(screen.getAllByRole('button', { name: '清除筛选' })[0]!)
    await waitFor(() => expect(own.hidden).toBe(false))
    own.remove()
  })

  it("starts from its page's own filter and fetches once something beyond it is chosen", async () => {
    const { container } = mount({ scope: { category: 'legal-aid' }, total: 2 })
    expect((screen.getByLabelText('类别') as HTMLSelectElement).value).toBe('legal-aid')
    expect(shown(container)).toEqual([])
    await choose('地区', donggang.code)
    expect(shown(container)).toEqual(names('legal-city', 'legal-donggang'))
    await choose('地区', yunxi.code)
    expect(shown(container)).toEqual(names('legal-city'))
    expect(location.search).toBe(`?district=${yunxi.code}`)
    expect(requested).toEqual(['/services/data/legal-aid.json'])
  })

  it('takes over what the worker chose in the server-rendered form before it hydrated', async () => {
    const { container } = mount({ scope: { category: 'legal-aid' }, total: 2, early: () => ({ district: donggang.code, q: undefined }) })
    await settled()
    expect((screen.getByLabelText('地区') as HTMLSelectElement).value).toBe(donggang.code)
    expect(shown(container)).toEqual(names('legal-city', 'legal-donggang'))
  })

  it('filters by district, keeping city-wide services and placing 街道 under their district', async () => {
    const { container } = mount()
    await choose('地区', donggang.code)
    expect(shown(container)).toEqual(names('legal-city', 'legal-donggang', 'rest-lingang', 'hotline-12351'))
    await choose('地区', qinghu.code)
    expect(shown(container)).toEqual(names('legal-city', 'rest-hubin', 'hotline-12351', 'perk-swim'))
    await choose('地区', yunxi.code)
    expect(shown(container)).toEqual(names('legal-city', 'hotline-12351', 'book-yunxi'))
  })

  it('filters by audience, keeping services open to everyone', async () => {
    const { container } = mount()
    await choose('适用人群', 'gig-worker')
    expect(shown(container)).toEqual(names('legal-city', 'legal-donggang', 'hotline-12351', 'book-yunxi'))
    await choose('适用人群', 'outdoor')
    expect(shown(container)).toEqual(names('legal-city', 'rest-hubin', 'rest-lingang', 'hotline-12351', 'book-yunxi'))
  })

  it('shows, for every choice of category, district and audience, exactly the services that match all three', async () => {
    const { container } = mount()
    const values = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((o) => o.value)
    const [categories, areas, groups] = [values('类别'), values('地区'), values('适用人群')]
    // Every choice the content offers is on offer, and nothing else ('' is "all").
    expect(categories).toEqual(['', ...new Set(items.map((i) => i.category))])
    expect(areas).toEqual(['', ...districts.map((d) => d.value)])
    expect([...groups].sort()).toEqual(['', ...new Set(services.flatMap((s) => s.audiences).filter((a) => a !== 'everyone'))].sort())
    for (const category of categories) {
      await choose('类别', category)
      for (const district of areas) {
        await choose('地区', district)
        for (const audience of groups) {
          await choose('适用人群', audience)
          const expected = services.filter(
            (s) =>
              (!category || inCategory(s, category)) &&
              (!district || servesDistrict(s, district, regions)) &&
              (!audience || forAudience(s, audience)),
          )
          const label = `类别=${category} 地区=${district} 适用人群=${audience}`
          const unfiltered = !category && !district && !audience
          // Nothing chosen: the page's own list stands, the island shows none.
          expect(shown(container), label).toEqual(unfiltered ? [] : expected.map((s) => s.name).sort())
          expect(screen.getByRole('status').textContent, label).toBe(
            unfiltered ? `共 ${services.length} 项服务` : `找到 ${expected.length} 项服务`,
          )
        }
      }
    }
  })

  it('filters by free text, every word must match', async () => {
    const { container } = mount()
    const type = async (value: string) => {
      fireEvent.change(screen.getByLabelText('搜索服务'), { target: { value } })
      await settled()
    }
    await type('游泳')
    expect(shown(container)).toEqual(names('perk-swim'))
    await type('东港 法律')
    expect(shown(container)).toEqual(names('legal-donggang'))
    // Phone numbers and addresses are searchable too.
    await type('86121231')
    expect(shown(container)).toEqual(names('rest-hubin'))
  })

  it('filters by open now with the injected clock, in China time', async () => {
    const monday = mount({ clock: () => mondayMorning })
    fireEvent.click(screen.getByLabelText('现在开放'))
    await settled()
    // Suspended and ended services are never "open"; a weekday phone line counts.
    expect(shown(monday.container)).toEqual(names('legal-city', 'legal-donggang', 'rest-hubin', 'hotline-12351', 'perk-swim'))
    cleanup()
    history.replaceState(null, '', '/services/')

    const saturday = mount({ clock: () => saturdayNight })
    fireEvent.click(screen.getByLabelText('现在开放'))
    await settled()
    expect(shown(saturday.container)).toEqual(names('rest-hubin', 'hotline-12351'))
  })

  it('says when the data cannot be had, rather than showing nothing found', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 503 }))
    const { container } = mount()
    await choose('类别', 'legal-aid')
    expect(screen.getByRole('status').textContent).toBe('服务目录未能载入，请检查网络后重试。')
    expect(container.querySelector('.svc-empty')).toBeNull()
  })

  it('combines filters, says when nothing matches, and clears them all', async () => {
    const { container } = mount({ clock: () => saturdayNight })
    await choose('类别', 'legal-aid')
    fireEvent.click(screen.getByLabelText('现在开放'))
    await settled()
    expect(shown(container)).toEqual([])
    expect(screen.getByRole('status').textContent).toBe('找到 0 项服务')
    expect(container.querySelector('.svc-empty')?.textContent).toContain('12351')
    fireEvent.click(screen.getAllByRole('button', { name: '清除筛选' })[0]!)
    expect(shown(container)).toEqual([])
    expect(screen.getByRole('status').textContent).toBe('共 7 项服务')
    expect((screen.getByLabelText('类别') as HTMLSelectElement).value).toBe('')
    expect((screen.getByLabelText('现在开放') as HTMLInputElement).checked).toBe(false)
    // Keyboard focus lands somewhere useful, not on <body>.
    expect(document.activeElement).toBe(screen.getByLabelText('搜索服务'))
  })

  it('keeps filters in the query string and starts from it', async () => {
    history.replaceState(null, '', '/services/?cat=rest-station&open=1')
    const { container } = mount()
    await waitFor(() => expect(shown(container)).toEqual(names('rest-hubin')))
    expect((screen.getByLabelText('类别') as HTMLSelectElement).value).toBe('rest-station')
    await choose('类别', '')
    expect(location.search).toBe('?open=1')
  })

  it('shows a few dozen matches at a time, never the whole list at once', async () => {
    const many = Array.from({ length: 75 }, (_, n) => ({
      ...items[0]!,
      id: `m${n}`,
      slug: `m${n}`,
      name: `服务${String(n).padStart(2, '0')}`,
    }))
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(many)))
    const { container } = mount({ categories: [{ value: items[0]!.category, label: 'x' }] })
    await choose('类别', items[0]!.category)
    expect(screen.getByRole('status').textContent).toBe('找到 75 项服务')
    expect(container.querySelectorAll('li.svc-item')).toHaveLength(30)
    fireEvent.click(screen.getByRole('button', { name: /显示更多/ }))
    expect(container.querySelectorAll('li.svc-item')).toHaveLength(60)
  })
})

describe('service directory without JavaScript', () => {
  it('server-renders the filter form in its place, and no list: the page around it carries the list', () => {
    const html = renderToString(
      createElement(ServiceDirectory, {
        categories: valuesOf('category'),
        districts,
        audiences: valuesOf('audience'),
        total: items.length,
      }),
    )
    expect(html).toContain('<form')
    expect(html).toContain('共 7 项服务')
    expect(html).not.toContain('svc-item')
  })
})
