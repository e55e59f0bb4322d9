import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'

import { encodeNow, negotiate } from '../compress'
import { indexFileOf } from './files'
import { createSearchPool, IndexUnreadable, SearchBusy } from './pool'
import { parseRequest } from './query'
import { createRateLimiter } from './rateLimit'
import { renderSearchPage } from './render'

export interface SearchHandlerOptions {
  /** The served site folder: dist/live (a symlink, followed on every request) or a build folder. */
  siteDir: string
  /** Headers every response carries (the site's CSP and friends). */
  headers: Record<string, string>
  /** Threads that run queries (settings().searchThreads). */
  threads: number
  /** Searches per second one client address may make after a burst (settings().searchRatePerSecond; 0: no limit). */
  ratePerSecond?: number
  log?: (message: string) => void
}

/** What a refused search tells the visitor, with the page still usable (hotline, directory). */
const BUSY = '搜索的人太多，请几秒后再试；急需帮助请直接拨打 12351 职工服务热线，或浏览服务目录。'
const tooFast = (seconds: number) => `搜索太频繁，请 ${seconds} 秒后再试。`
const UNAVAILABLE = '搜索暂时不可用，请稍后再试，或浏览新闻归档与服务目录。'

/** The built search page with a message in its status line (the form above it still works). */
const withStatus = (template: string, message: string) =>
  template.replace(/(<p\b[^>]*\bid="search-status"[^>]*>)[\s\S]*?(<\/p>)/, `$1${message}$2`)

/**
 * Answers GET /search/ and /search.json from the index beside the build being served; returns
 * false (and the static files answer) when the build has no index, e.g. one made before
 * server search existed. The live symlink is resolved per request, so after a publish the
 * next search reads the new build's index and page. Queries run on a pool of threads
 * (./pool.ts); `close()` stops them.
 */
export const createSearchHandler = (options: SearchHandlerOptions) => {
  let current: { build: string; file: string; template: string } | undefined
  const log = options.log ?? ((m: string) => console.error(m))
  const pool = createSearchPool({ threads: options.threads })
  const limiter = options.ratePerSecond
    ? createRateLimiter({ burst: options.ratePerSecond * 10, perSecond: options.ratePerSecond })
    : undefined

  const forBuild = (): typeof current => {
    let build: string
    try {
      build = fs.realpathSync(options.siteDir)
    } catch {
      return undefined
    }
    if (current?.build === build) return current
    const file = indexFileOf(build)
    if (!fs.existsSync(file)) return undefined
    current = { build, file, template: fs.readFileSync(path.join(build, 'search', 'index.html'), 'utf8') }
    pool.warm(file)
    return current
  }

  // Pages and answers are made per request, so they are compressed per request (a 20 kB page
  // shrinks to ~5 kB in well under a millisecond); the static files' copies are the build's (site/compress.ts).
  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    type: string,
    text: string,
    head: boolean,
    extra: Record<string, string> = {},
  ) => {
    const encoding = negotiate(req.headers['accept-encoding'])
    const body = encoding ? encodeNow(text, encoding) : Buffer.from(text)
    res.writeHead(status, {
      ...options.headers,
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...extra,
    })
    res.end(head ? undefined : body)
  }

  const answer = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    state: NonNullable<typeof current>,
    url: URL,
    unreadable: () => void,
  ) => {
    const json = url.pathname === '/search.json'
    const head = req.method === 'HEAD'
    const request = parseRequest(url.searchParams)
    // `busy`: refused for load, not broken; the page's script shows the message instead of retrying.
    const refuse = (status: number, message: string, retryAfter: number, busy = true) => {
      const extra = { 'Retry-After': String(retryAfter) }
      if (json) send(req, res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message, busy }), head, extra)
      else send(req, res, status, 'text/html; charset=utf-8', withStatus(state.template, message), head, extra)
    }
    const wait = limiter?.take(req.socket.remoteAddress ?? '') ?? 0
    if (wait > 0) return refuse(429, tooFast(wait), wait)
    try {
      const response = await pool.search(state.file, request)
      if (json) send(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(response), head)
      else send(req, res, 200, 'text/html; charset=utf-8', renderSearchPage(state.template, request, response), head)
    } catch (error) {
      if (error instanceof IndexUnreadable) {
        log(`[search] 搜索索引无法打开，改用静态搜索页：${error.message}`)
        return unreadable()
      }
      if (error instanceof SearchBusy) {
        log(`[search] 搜索繁忙，已拒绝一次搜索：${error.message}`)
        return refuse(503, BUSY, 5)
      }
      // Queries are quoted token by token, so this is a broken index, not a hostile query.
      log(`[search] 搜索出错：${error instanceof Error ? error.message : String(error)}`)
      refuse(503, UNAVAILABLE, 30, false)
    }
  }

  /** True when the request is a search this handler answers; `unreadable` serves it otherwise (the static page). */
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, unreadable: () => void): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      return false
    }
    if (url.pathname !== '/search.json' && url.pathname !== '/search/' && url.pathname !== '/search/index.html') return false
    let state: typeof current
    try {
      state = forBuild()
    } catch (error) {
      log(`[search] 搜索页无法读取，改用静态搜索页：${error instanceof Error ? error.message : String(error)}`)
      return false
    }
    if (!state) return false
    void answer(req, res, state, url, unreadable)
    return true
  }
  return Object.assign(handle, { close: () => pool.close() })
}
