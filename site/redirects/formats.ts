import { isSitePath, type OldLink } from './oldLinks'

/**
 * The old links as files a web server reads: `_redirects` (Netlify's format; Cloudflare Pages
 * reads the lines without query parameters) and an nginx `map`. Both are written by the build
 * into the site's folder (site/pages/[redirectFile].ts); the site server reads `_redirects`.
 */
export const REDIRECTS_FILE = '_redirects'
export const NGINX_MAP_FILE = '_redirects.nginx.conf'

/** Paths and targets as a browser sends them: percent-encoded, and no `$` nginx would read as a variable. */
const encodePath = (path: string) => encodeURI(path).replace(/\$/g, '%24')

/** `/show.asp id=45 /news/x/ 301`: Netlify matches query parameters named after the path. */
export const redirectsFile = (links: readonly OldLink[]): string =>
  [
    '# 旧网站地址 → 新页面（由网站生成写入，勿手改）。Old links of the union’s old site, written by the site build.',
    ...links.map((l) =>
      [
        encodePath(l.path),
        ...[...new URLSearchParams(l.query)].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
        encodePath(l.to),
        '301',
      ].join(' '),
    ),
    '',
  ].join('\n')

/** Longest line the reader accepts: a link of the old site, not a document. */
const MAX_LINE = 8192

/** Reads a file `redirectsFile` wrote back into links; lines it cannot read are left out. */
export const readRedirectsFile = (text: string): OldLink[] => {
  const links: OldLink[] = []
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line.length > MAX_LINE) continue
    const parts = line.split(' ')
    if (parts.length < 3 || parts.at(-1) !== '301') continue
    const [from, ...rest] = parts
    const to = rest.at(-2)!
    const params = rest.slice(0, -2)
    if (!from!.startsWith('/') || !isSitePath(to)) continue
    try {
      const pairs = params.map((p) => {
        const at = p.indexOf('=')
        return [decodeURIComponent(p.slice(0, at < 0 ? p.length : at)), at < 0 ? '' : decodeURIComponent(p.slice(at + 1))]
      })
      links.push({ path: decodeURIComponent(from!), query: new URLSearchParams(pairs).toString(), to: decodeURI(to) })
    } catch {
      // A line whose escapes do not decode is no link of ours.
    }
  }
  return links
}

/** A string nginx reads as one literal parameter. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)))

/**
 * Two maps for the `http` block: `$uri` (decoded, without the query) for links without a
 * query, `$request_uri` (as sent) for links with one, which nginx can only match exactly, in
 * the parameters' order on the old link. `$portal_old_link` is the new path or empty; the
 * README shows the `location` that answers with it only when no file matches.
 */
export const nginxMap = (links: readonly OldLink[]): string => {
  const plain = links.filter((l) => !l.query)
  const withQuery = links.filter((l) => l.query)
  const longest = Math.max(0, ...links.map((l) => Buffer.byteLength(l.query ? `${encodePath(l.path)}?${l.query}` : l.path)))
  const line = (key: string, to: string) => `    ${quoted(key)} ${quoted(encodePath(to))};`
  return [
    '# 旧网站地址 → 新页面（由网站生成写入，勿手改）。Old links of the union’s old site, written by the site build;',
    '# include it in nginx’s http block (see the README).',
    // A hash of long Chinese paths needs larger buckets than nginx's default.
    `map_hash_bucket_size ${Math.max(64, nextPowerOfTwo(longest + 16))};`,
    `map_hash_max_size ${Math.max(2048, nextPowerOfTwo(links.length * 2))};`,
    'map $uri $portal_old_path {',
    '    default "";',
    ...plain.map((l) => line(l.path, l.to)),
    '}',
    'map $request_uri $portal_old_link {',
    '    default $portal_old_path;',
    ...withQuery.map((l) => line(`${encodePath(l.path)}?${l.query}`, l.to)),
    '}',
    '',
  ].join('\n')
}
