import fs from 'node:fs/promises'
import type http from 'node:http'
import path from 'node:path'

import { readRedirectsFile, REDIRECTS_FILE } from './formats'
import { oldLinkFinder } from './oldLinks'

type Finder = ReturnType<typeof oldLinkFinder>

/**
 * The site server's redirect step: a request for a path the site has no file for is looked up
 * among the old links in the served build's `_redirects` (the file a static host reads, so
 * both answer alike) and answered with a 301 to the new page. The file is read again when the
 * live build changes (the symlink points elsewhere) or the file does.
 */
export const createOldLinkRedirects = (siteDir: string, headers: Record<string, string>) => {
  let cached: { key: string; find: Promise<Finder | undefined> } | undefined
  const finder = async (): Promise<Finder | undefined> => {
    const file = path.join(siteDir, REDIRECTS_FILE)
    const stat = await fs.stat(file).catch(() => undefined)
    if (!stat) return undefined
    const key = `${await fs.realpath(file).catch(() => file)}:${stat.mtimeMs}:${stat.size}`
    if (cached?.key !== key)
      cached = {
        key,
        find: fs.readFile(file, 'utf8').then(
          (text) => oldLinkFinder(readRedirectsFile(text)),
          () => undefined,
        ),
      }
    return cached.find
  }
  /** Answers `req` with a redirect and says so, or leaves it alone. */
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://site.invalid')
    } catch {
      return false
    }
    const to = (await finder())?.(url.pathname, url.searchParams)
    if (!to) return false
    const location = encodeURI(to)
    res.writeHead(301, {
      ...headers,
      Location: location,
      'Content-Type': 'text/html; charset=utf-8',
      // Old links are followed for years; a day's caching spares the server without fixing a mistake for good.
      'Cache-Control': 'public, max-age=86400',
    })
    res.end(
      req.method === 'HEAD'
        ? undefined
        : `<!doctype html><meta charset="utf-8"><title>页面已迁移</title><p>本页已迁移到 <a href="${location}">新地址</a>。</p>\n`,
    )
    return true
  }
}
