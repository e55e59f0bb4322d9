/**
 * The service worker (served as /sw.js, scope /). Network first for every page, always: when
 * the network answers, that answer is what the worker sees, and a kept page's copy is renewed
 * from it. Only with no network does a kept page come from its copy, marked 离线可用 with the
 * time it was saved; any other page gets 我的收藏 with a notice instead of an old version.
 */
import {
  ASSET_CACHE,
  DATA_CACHE,
  OFFLINE_CACHE,
  PINNED_FILES,
  PINNED_PAGES,
  SAVED_PAGE,
  markOffline,
  isDirectoryData,
  neverCached,
  pageKey,
  storePage,
} from '../lib/offline'

// The few service-worker types used here; the project's lib is DOM, which lacks them.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  respondWith(response: Promise<Response> | Response): void
}
declare const self: {
  readonly location: Location
  readonly clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
}

const CURRENT = new Set<string>([OFFLINE_CACHE, ASSET_CACHE, DATA_CACHE])

const keep = async (path: string) => {
  const key = pageKey(new URL(path, self.location.origin))
  const response = await fetch(key, { cache: 'no-cache' })
  if (!(await storePage(key, response))) throw new Error(`could not keep ${path} for offline use: HTTP ${response.status}`)
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(PINNED_PAGES.map(keep))
      await (await caches.open(ASSET_CACHE)).addAll(PINNED_FILES.map((f) => new URL(f, self.location.origin).href))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('union-offline-') && !CURRENT.has(name)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

const page = async (event: FetchEvent, url: URL): Promise<Response> => {
  const key = pageKey(url)
  const pages = await caches.open(OFFLINE_CACHE)
  const kept = await pages.match(key)
  let response: Response
  try {
    response = await fetch(event.request)
  } catch (error) {
    if (kept) return markOffline(kept)
    const saved = await pages.match(pageKey(new URL(SAVED_PAGE, url)))
    if (saved) return markOffline(saved, url.pathname)
    throw new Error(`offline and no copy of ${url.pathname}`, { cause: error })
  }
  if (kept && !response.redirected)
    event.waitUntil(storePage(key, response.clone()).catch((e) => console.warn('offline copy not renewed', key, e)))
  return response
}

/** Hashed build files never change; kept ones answer at once, others come from the network. */
const file = async (request: Request): Promise<Response> => (await caches.match(request, { cacheName: ASSET_CACHE })) ?? fetch(request)

/** Network first; the last copy only when there is no network. */
const directoryData = async (event: FetchEvent): Promise<Response> => {
  const kept = await caches.open(DATA_CACHE)
  try {
    const response = await fetch(event.request)
    if (response.ok) event.waitUntil(kept.put(event.request, response.clone()))
    return response
  } catch (error) {
    const copy = await kept.match(event.request)
    if (copy) return copy
    throw new Error(`offline and no copy of ${event.request.url}`, { cause: error })
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || neverCached(url.pathname)) return
  if (request.mode === 'navigate') event.respondWith(page(event, url))
  else if (isDirectoryData(url.pathname)) event.respondWith(directoryData(event))
  else if (url.pathname.startsWith('/_astro/') || (PINNED_FILES as readonly string[]).includes(url.pathname))
    event.respondWith(file(request))
})
