import { FILTER_ORDER } from '../lib/searchFilters'
import { partialNote } from '../scripts/searchServer'
import { site } from '../lib/site'
import { escapeHtml } from './excerpt'
import type { SearchRequest, SearchResponse } from './query'

/**
 * The built search page (search/index.html) with a search answered into it, so it works
 * without JavaScript. Only the parts with known ids change — the query box, filter and sort
 * selects, #search-status, #search-results and the pager after it — and <html> gains
 * data-search="server", which tells the page's script to ask /search.json instead of Pagefind.
 */

const attr = escapeHtml

const replaceInner = (html: string, id: string, tag: string, inner: string) => {
  const re = new RegExp(`(<${tag}\\b[^>]*\\bid="${id}"[^>]*>)[\\s\\S]*?(</${tag}>)`)
  return re.test(html) ? html.replace(re, (_m, open: string, close: string) => `${open}${inner}${close}`) : html
}

const resultItem = (r: SearchResponse['results'][number]) =>
  `<li class="card"><h2><a href="${attr(r.url)}">${escapeHtml(r.title)}</a></h2>` +
  `<p class="meta">${escapeHtml([r.type, r.date, r.region].filter(Boolean).join(' · '))}</p>` +
  `<p>${r.excerptHtml}</p></li>`

export const searchHref = (request: SearchRequest, changes: Partial<SearchRequest> = {}) => {
  const r = { ...request, ...changes }
  const params = new URLSearchParams()
  if (r.q.trim()) params.set('q', r.q.trim())
  for (const [k, v] of Object.entries(r.filters)) if (v) params.set(k, v)
  if (r.sort !== 'relevance') params.set('sort', r.sort)
  if (r.page > 1) params.set('page', String(r.page))
  return `/search/${params.size ? `?${params}` : ''}`
}

const pager = (request: SearchRequest, response: SearchResponse) => {
  const pages = Math.ceil(response.total / response.pageSize)
  if (pages <= 1) return ''
  const link = (page: number, label: string, rel: string) => `<a href="${attr(searchHref(request, { page }))}" rel="${rel}">${label}</a>`
  return (
    `<nav class="search-pager" aria-label="搜索结果分页">` +
    (response.page > 1 ? link(response.page - 1, '上一页', 'prev') : '') +
    `<span>第 ${response.page} / ${pages} 页</span>` +
    (response.page < pages ? link(response.page + 1, '下一页', 'next') : '') +
    `</nav>`
  )
}

const statusText = (request: SearchRequest, response: SearchResponse) => {
  const note = (response.truncated ? '（关键词过长，只按前面的部分搜索）' : '') + partialNote(response.partial)
  if (!response.query && !Object.keys(request.filters).length) return `请输入关键词，例如：法律援助、职工书屋、${site.hotline.number}。`
  if (response.total > 0) return `找到 ${response.total} 条结果${note}`
  const what = response.query ? `与“${escapeHtml(response.query)}”相关的内容` : '符合条件的内容'
  const filtered = Object.keys(request.filters).length
    ? `，也可以<a href="${attr(searchHref(request, { filters: {}, page: 1 }))}">去掉筛选条件再搜</a>`
    : ''
  return (
    `没有找到${what}${note}。可以换个说法${filtered}，` +
    `或拨打<a href="tel:${site.hotline.number}">${site.hotline.label} ${site.hotline.number}</a>（${escapeHtml(site.hotline.hours)}）咨询，` +
    `也可以查看<a href="/services/">职工服务目录</a>和<a href="/hotlines/">服务热线</a>。`
  )
}

const filterSelects = (request: SearchRequest, response: SearchResponse) =>
  FILTER_ORDER.map((name) => {
    const chosen = request.filters[name] ?? ''
    const values = [...response.facets[name]]
    if (chosen && !values.some((v) => v.value === chosen)) values.push({ value: chosen, count: 0 })
    const options = values
      .map((v) => `<option value="${attr(v.value)}"${v.value === chosen ? ' selected' : ''}>${escapeHtml(v.value)}（${v.count}）</option>`)
      .join('')
    return `<label>${name}<select name="${name}"><option value="">全部</option>${options}</select></label>`
  }).join('')

export const renderSearchPage = (template: string, request: SearchRequest, response: SearchResponse): string => {
  let html = template.replace(/<html\b/, '<html data-search="server"')
  html = html.replace(/<input\b[^>]*\bid="q"[^>]*>/, (tag: string) => {
    // The tag's end (`>`, `/>`, spaces before them) found by hand: a lazy `[^>]*?` before `\s*` backtracks over spaces.
    let end = tag.length - 1
    if (tag[end - 1] === '/') end--
    while (/\s/.test(tag[end - 1] ?? '')) end--
    return `${tag.slice(0, end).replace(/\svalue="[^"]*"/, '')} value="${attr(response.query)}"${tag.slice(end)}`
  })
  html = html.replace(
    /(<select\b[^>]*\bid="sort"[^>]*>)([\s\S]*?)(<\/select>)/,
    (_m, open: string, inner: string, close: string) =>
      `${open}${inner.replace(/\sselected(="[^"]*")?/g, '').replace(`value="${request.sort}"`, `value="${request.sort}" selected`)}${close}`,
  )
  // With a query, the filters list what the results hold; without one, the built page's site-wide counts stay.
  if (response.query || Object.keys(request.filters).length)
    html = replaceInner(html, 'search-filters', 'div', filterSelects(request, response))
  html = replaceInner(html, 'search-status', 'p', statusText(request, response))
  html = html.replace(
    /(<ol\b[^>]*\bid="search-results"[^>]*>)[\s\S]*?(<\/ol>)/,
    (_m, open: string, close: string) => `${open}${response.results.map(resultItem).join('')}${close}${pager(request, response)}`,
  )
  return html
}
