import { routes } from '../routes'

/**
 * Offline copies (离线可用): which pages the service worker keeps, how a copy is stored and how
 * it is marked when served without a network. Shared by the worker (site/offline/sw.ts), the
 * 收藏 button and the 我的收藏 page, so there is one rule for all three.
 *
 * Only pinned pages are ever stored: the hotlines page, the service directory, 我的收藏 and
 * the services a worker saved. Everything else (news, the admin, previews, search) always
 * comes from the network, so nothing out of date is passed off as current.
 */
export const OFFLINE_CACHE = 'union-offline-pages-v1'
export const ASSET_CACHE = 'union-offline-assets-v1'
/** When the copy was taken, on the stored response. */
export const SAVED_AT_HEADER = 'X-Offline-Saved-At'

/** 我的收藏: lists the saved services; also what a worker sees offline for a page not kept. */
export const SAVED_PAGE = routes.saved.url({})
/** Kept from the first visit, whatever page it was. */
export const PINNED_PAGES = [routes.hotlines.url({}), routes.services.url({}), SAVED_PAGE] as const
/**
 * The service directory's data files, which its filters fetch (/services/data/<category>.json):
 * from the network when there is one, else the copy kept when they were last fetched, so the
 * filters a worker used online still answer offline.
 */
export const DATA_CACHE = 'union-offline-data-v1'
export const isDirectoryData = (pathname: string) => pathname.startsWith(routes.servicesData.url({ category: '' }).replace(/\.json$/, ''))
/** Files every kept page may need. */
export const PINNED_FILES = ['/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png'] as const

/** Never stored and never answered by the worker. */
const NEVER = [/^\/admin(\/|$)/, /^\/api\//, /^\/preview\//, /^\/search\//, /^\/pagefind/, /^\/_astro\/.*\.map$/]
export const neverCached = (pathname: string) => NEVER.some((re) => re.test(pathname))

/** The cache key of a page: its path, without query or hash (/services/?cat=… is /services/). */
export const pageKey = (url: URL | string) => {
  const u = new URL(url)
  return `${u.origin}${u.pathname}`
}

/**
 * Same-origin files a page loads (styles, scripts, icons, and an island's component and
 * renderer, which Astro names in attributes rather than in src), to keep beside its copy.
 */
export const assetsOf = (html: string): string[] => {
  const found = new Set<string>()
  for (const m of html.matchAll(
    /\b(?:href|src|component-url|renderer-url|before-hydration-url)="(\/(?:_astro\/|favicon|icons\/)[^"#?]+)"/g,
  ))
    found.add(m[1]!)
  return [...found]
}

/** The chunks a bundled script imports (`from"./x.js"`, `import("./x.js")`, `import(\`./x.js\`)`), as URLs. */
export const importsOf = (js: string, base: string): string[] =>
  [...js.matchAll(/(?:\bfrom\s*|\bimport\s*(?:\(\s*)?)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((m) => new URL(m[1]!, base).href)

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** "2026年12月1日 20:10", in China time whatever the phone's zone. */
export const savedAtText = (iso: string | null | undefined): string => {
  const t = iso ? new Date(iso) : undefined
  if (!t || Number.isNaN(t.getTime())) return '（保存时间不详）'
  const d = new Date(t.getTime() + 8 * 3600_000)
  const hm = d.toISOString().slice(11, 16)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`
}

/** The notice put at the top of <main> on a copy served with no network. */
export const offlineBanner = (savedAt: string | null, missedPath?: string) =>
  missedPath
    ? `<div class="offline-banner" role="alert"><strong>当前没有网络</strong>${missedPath === '/' ? '首页' : `「${escapeHtml(missedPath)}」`}需要联网才能打开，这里不显示它的旧版本，以免内容过时。下面是离线可用的热线和收藏的服务。</div>`
    : `<div class="offline-banner" role="status"><strong>离线可用</strong>当前没有网络，这是 ${escapeHtml(savedAtText(savedAt))} 保存的版本，电话可以直接拨打；联网后会自动更新。</div>`

/** A stored copy as served offline: the same page and headers (CSP included), marked as a copy. */
export const markOffline = async (stored: Response, missedPath?: string): Promise<Response> => {
  const html = (await stored.text()).replace(
    /<main\b[^>]*>/,
    (open) => open + offlineBanner(stored.headers.get(SAVED_AT_HEADER), missedPath),
  )
  const headers = new Headers(stored.headers)
  headers.delete('Content-Length')
  headers.delete('ETag')
  headers.set('Content-Type', 'text/html; charset=utf-8')
  return new Response(html, { status: missedPath ? 503 : 200, statusText: missedPath ? 'Offline' : 'OK', headers })
}

/**
 * Stores a page's copy with the time it was taken, and the files it loads. A response that is
 * not a successful HTML page is not stored (and an old copy of a page that is gone is dropped).
 */
export const storePage = async (key: string, response: Response, now = new Date()): Promise<boolean> => {
  const pages = await caches.open(OFFLINE_CACHE)
  if (response.status === 404 || response.status === 410) {
    await pages.delete(key)
    return false
  }
  if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('text/html') || neverCached(new URL(key).pathname))
    return false
  const html = await response.text()
  const headers = new Headers(response.headers)
  headers.set(SAVED_AT_HEADER, now.toISOString())
  headers.delete('Content-Length')
  // The files first: a page copy whose styles or scripts failed to download is worse than none.
  await keepFiles(assetsOf(html).map((a) => new URL(a, key).href))
  await pages.put(key, new Response(html, { status: 200, headers }))
  return true
}

/** Keeps files not kept yet, and the chunks their scripts import, transitively. */
const keepFiles = async (urls: string[]) => {
  const assets = await caches.open(ASSET_CACHE)
  const queue = [...urls]
  const seen = new Set(queue)
  while (queue.length) {
    const url = queue.shift()!
    let response = await assets.match(url)
    if (!response) {
      const fetched = await fetch(url)
      if (!fetched.ok) throw new Error(`could not keep ${url}: HTTP ${fetched.status}`)
      await assets.put(url, fetched.clone())
      response = fetched
    }
    if (!url.endsWith('.js')) continue
    for (const next of importsOf(await response.text(), url)) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
}

/** A saved service, as 我的收藏 lists it (kept in localStorage). */
export interface SavedService {
  slug: string
  name: string
  phones: { number: string; label?: string; href: string }[]
  savedAt: string
}

export const SAVED_KEY = 'saved-services'

export const readSaved = (): SavedService[] => {
  try {
    const list = JSON.parse(localStorage.getItem(SAVED_KEY) ?? '[]')
    return Array.isArray(list) ? list.filter((s) => s && typeof s.slug === 'string' && typeof s.name === 'string') : []
  } catch {
    // Storage blocked or garbled: show nothing saved rather than break the page.
    return []
  }
}

export const writeSaved = (list: SavedService[]) => localStorage.setItem(SAVED_KEY, JSON.stringify(list))

export const serviceUrl = (slug: string) => routes.service.url({ slug })
