// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'

import { serverBackend, type SearchJson } from '../site/scripts/searchServer'
import { startSearchPage } from '../site/scripts/searchView'

/** Synthetic documents the fake /search.json answers from, with the contract's matching rule. */
const docs = Array.from({ length: 7 }, (_, i) => ({
  url: `/news/n${i}/`,
  title: `${i % 2 ? '东港区' : '青湖区'}职工书屋第${i}期读书会`,
  type: i === 6 ? '服务' : '新闻',
  date: `2025-0${i + 1}-15`,
}))

const requested: URL[] = []
const fakeServer = async (url: string): Promise<SearchJson> => {
  const u = new URL(url, 'http://portal.test')
  requested.push(u)
  const terms = (u.searchParams.get('q') ?? '').split(/\s+/).filter(Boolean)
  const type = u.searchParams.get('类型')
  const hits = docs.filter((d) => terms.every((t) => d.title.includes(t)) && (!type || d.type === type))
  const page = Number(u.searchParams.get('page') ?? 1)
  const pageSize = 3
  return {
    query: terms.join(' '),
    total: hits.length,
    page,
    pageSize,
    // A hostile title and excerpt, as a hostile document could make them: text only, <mark> kept.
    results: hits
      .slice((page - 1) * pageSize, page * pageSize)
      .map((d) => ({ ...d, excerptHtml: `<img src=x onerror="alert(1)">读书会<mark>${terms[0] ?? ''}</mark>` })),
    facets: {},
  }
}

/** As site/search/render.ts writes it: links for visitors without JavaScript, the button hidden. */
const markup = (rendered: string[], pager = rendered.length ? PAGER : '') => `
<form id="search-page-form" action="/search/"><input id="q" name="q" type="search" />
<div id="search-filters"><select name="类型"><option value="">全部</option><option value="新闻">新闻</option><option value="服务">服务</option></select></div>
<select id="sort"><option value="relevance">按相关度</option><option value="newest">最新在前</option><option value="oldest">最早在前</option></select></form>
<p id="search-status">${rendered.length ? `找到 ${docs.length} 条结果` : ''}</p>
<ol id="search-results">${rendered.map((t) => `<li class="card"><h2><a href="/x/">${t}</a></h2></li>`).join('')}</ol>${pager}
<button id="search-more" type="button" hidden>显示更多结果</button>`

const PAGER =
  '<nav class="search-pager" aria-label="搜索结果分页"><span>第 1 / 2 页</span><a href="/search/?q=x&amp;page=2" rel="next">下一页</a></nav>'

const titles = () => [...document.querySelectorAll('#search-results h2 a')].map((a) => a.textContent)
const settle = () => new Promise((r) => setTimeout(r, 30))

beforeEach(() => {
  requested.length = 0
  document.documentElement.dataset.search = 'server'
})

describe('the search page on the project’s server', () => {
  it('keeps the results the server rendered and fetches nothing on load', async () => {
    history.replaceState(null, '', '/search/?q=职工书屋')
    document.body.innerHTML = markup(['服务器渲染的第一条', '服务器渲染的第二条', '服务器渲染的第三条'])
    startSearchPage(document, serverBackend(fakeServer), { serverRendered: true })
    await settle()
    expect(requested).toEqual([])
    expect(titles()).toEqual(['服务器渲染的第一条', '服务器渲染的第二条', '服务器渲染的第三条'])
    expect(document.querySelector('#search-status')!.textContent).toBe(`找到 ${docs.length} 条结果`)
  })

  it('continues with the next page of /search.json when asked for more', async () => {
    history.replaceState(null, '', '/search/?q=职工书屋')
    document.body.innerHTML = markup(['服务器渲染的第一条', '服务器渲染的第二条', '服务器渲染的第三条'])
    startSearchPage(document, serverBackend(fakeServer), { serverRendered: true })
    // The server's page links give way to the button, which a new query keeps in step.
    expect(document.querySelector('.search-pager')).toBeNull()
    expect(document.querySelector<HTMLButtonElement>('#search-more')!.hidden).toBe(false)
    document.querySelector<HTMLButtonElement>('#search-more')!.click()
    await settle()
    expect(requested.map((u) => [u.pathname, u.searchParams.get('q'), u.searchParams.get('page')])).toEqual([
      ['/search.json', '职工书屋', '2'],
    ])
    expect(titles().slice(3)).toEqual(docs.slice(3, 6).map((d) => d.title))
    document.querySelector<HTMLButtonElement>('#search-more')!.click()
    await settle()
    expect(titles().slice(3)).toEqual(docs.slice(3).map((d) => d.title))
    expect(document.querySelector<HTMLButtonElement>('#search-more')!.hidden).toBe(true)
  })

  it('offers no more on the last page the server rendered', async () => {
    history.replaceState(null, '', '/search/?q=职工书屋&page=2')
    const last =
      '<nav class="search-pager" aria-label="搜索结果分页"><a href="/search/?q=x" rel="prev">上一页</a><span>第 2 / 2 页</span></nav>'
    document.body.innerHTML = markup(['服务器渲染的第四条'], last)
    startSearchPage(document, serverBackend(fakeServer), { serverRendered: true })
    await settle()
    expect(document.querySelector<HTMLButtonElement>('#search-more')!.hidden).toBe(true)
    expect(requested).toEqual([])
  })

  it('asks /search.json as the visitor types and filters, and shows the answer as text with only <mark> kept', async () => {
    history.replaceState(null, '', '/search/')
    document.body.innerHTML = markup([])
    startSearchPage(document, serverBackend(fakeServer), { serverRendered: true, debounceMs: 0 })
    const input = document.querySelector<HTMLInputElement>('#q')!
    input.value = '东港区'
    input.dispatchEvent(new Event('input'))
    await settle()
    const expected = docs.filter((d) => d.title.includes('东港区'))
    expect(document.querySelector('#search-status')!.textContent).toBe(`找到 ${expected.length} 条结果`)
    expect(titles()).toEqual(expected.slice(0, 3).map((d) => d.title))
    const excerpt = document.querySelector('#search-results li p:last-child')!
    expect(excerpt.querySelector('img')).toBeNull()
    expect(excerpt.querySelector('mark')!.textContent).toBe('东港区')
    expect(document.querySelector('#search-results .meta')!.textContent).toBe(`${expected[0]!.type} · ${expected[0]!.date}`)
    expect(location.search).toBe(`?q=${encodeURIComponent('东港区')}`)

    const type = document.querySelector<HTMLSelectElement>('select[name="类型"]')!
    type.value = '服务'
    type.dispatchEvent(new Event('change'))
    await settle()
    expect(requested.at(-1)!.searchParams.get('类型')).toBe('服务')
    const services = docs.filter((d) => d.title.includes('东港区') && d.type === '服务')
    expect(titles()).toEqual(services.map((d) => d.title))

    const sort = document.querySelector<HTMLSelectElement>('#sort')!
    sort.value = 'newest'
    sort.dispatchEvent(new Event('change'))
    await settle()
    expect(requested.at(-1)!.searchParams.get('sort')).toBe('newest')
  })

  it('says so in the status line when /search.json fails, and keeps the page usable', async () => {
    history.replaceState(null, '', '/search/')
    document.body.innerHTML = markup([])
    const failing = async (): Promise<SearchJson> => {
      throw new Error('503')
    }
    const page = startSearchPage(document, serverBackend(failing), { serverRendered: true })
    document.querySelector<HTMLInputElement>('#q')!.value = '职工'
    await page.run()
    expect(document.querySelector('#search-status')!.textContent).toMatch(/暂时不可用/)
    expect(document.querySelector('#search-results')!.getAttribute('aria-busy')).toBe('false')
  })

  it('searches once when the visitor types and presses Enter, so the results they move to stay put', async () => {
    history.replaceState(null, '', '/search/')
    document.body.innerHTML = markup([])
    startSearchPage(document, serverBackend(fakeServer), { serverRendered: true, debounceMs: 20 })
    const input = document.querySelector<HTMLInputElement>('#q')!
    input.value = '职工书屋'
    input.dispatchEvent(new Event('input'))
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    const first = document.querySelector('#search-results a')
    expect(first).not.toBeNull()
    await settle()
    // The typing's own search, had it still run, would have replaced the result in focus.
    expect(requested.filter((u) => u.searchParams.get('q') === '职工书屋')).toHaveLength(1)
    expect(document.querySelector('#search-results a')).toBe(first)
  })
})
