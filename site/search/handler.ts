import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import { indexFileOf } from './files'
import { parseRequest, SearchIndex } from './query'
import { renderSearchPage } from './render'

export interface SearchHandlerOptions {
  /** The served site folder: dist/live (a symlink, followed on every request) or a build folder. */
  siteDir: string
  /** Headers every response carries (the site's CSP and friends). */
  headers: Record<string, string>
  log?: (message: string) => void
}

/**
 * Answers GET /search/ and /search.json from the index beside the build being served; returns
 * false (and the static files answer) when the build has no index, e.g. one made before
 * server search existed. The live symlink is resolved per request, so after a publish the
 * next search reads the new build's index and page; the old index is closed then.
 */
export const createSearchHandler = (options: SearchHandlerOptions) => {
  let current: { build: string; index: SearchIndex; template: string } | undefined
  const log = options.log ?? ((m: string) => console.error(m))

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
    const next = { build, index: new SearchIndex(file), template: fs.readFileSync(path.join(build, 'search', 'index.html'), 'utf8') }
    // Queries run synchronously, so none is using the old index while this runs.
    current?.index.close()
    current = next
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

  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      return false
    }
    const json = url.pathname === '/search.json'
    if (!json && url.pathname !== '/search/' && url.pathname !== '/search/index.html') return false
    const head = req.method === 'HEAD'
    let state: typeof current
    try {
      state = forBuild()
    } catch (error) {
      log(`[search] 搜索索引无法打开，改用静态搜索页：${error instanceof Error ? error.message : String(error)}`)
      return false
    }
    if (!state) return false
    const request = parseRequest(url.searchParams)
    try {
      const response = state.index.search(request)
      if (json) send(req, res, 200, 'application/json; charset=utf-8', JSON.stringify(response), head)
      else send(req, res, 200, 'text/html; charset=utf-8', renderSearchPage(state.template, request, response), head)
    } catch (error) {
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
    return true
  }
}
