import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import { indexFileOf } from './files'
import { createSearchPool, IndexUnreadable } from './pool'
import { parseRequest } from './query'
import { renderSearchPage } from './render'

export interface SearchHandlerOptions {
  /** The served site folder: dist/live (a symlink, followed on every request) or a build folder. */
  siteDir: string
  /** Headers every response carries (the site's CSP and friends). */
  headers: Record<string, string>
  /** Threads that run queries (settings().searchThreads). */
  threads: number
  log?: (message: string) => void
}

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
  const pool = createSearchPool(options.threads)

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
  // gzips to ~6 kB in well under a millisecond); the static files are left to sirv as before.
  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, text: string, head: boolean) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? zlib.gzipSync(text, { level: 6 }) : Buffer.from(text)
    res.writeHead(status, {
      ...options.headers,
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
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
    try {
      const response = await pool.search(state.file, request)
      if (json) send(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(response), head)
      else send(req, res, 200, 'text/html; charset=utf-8', renderSearchPage(state.template, request, response), head)
    } catch (error) {
      if (error instanceof IndexUnreadable) {
        log(`[search] 搜索索引无法打开，改用静态搜索页：${error.message}`)
        return unreadable()
      }
      // Queries are quoted token by token, so this is a broken index, not a hostile query.
      log(`[search] 搜索出错：${error instanceof Error ? error.message : String(error)}`)
      const message = '搜索暂时不可用，请稍后再试，或浏览新闻归档与服务目录。'
      if (json) send(req, res, 503, 'application/json; charset=utf-8', JSON.stringify({ error: message }), head)
      else
        send(
          req,
          res,
          503,
          'text/html; charset=utf-8',
          state.template.replace(/(<p\b[^>]*\bid="search-status"[^>]*>)[\s\S]*?(<\/p>)/, `$1${message}$2`),
          head,
        )
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
