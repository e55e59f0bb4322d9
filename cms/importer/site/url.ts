/**
 * Where a saved page came from, for `originalUrl`: a web address when the page or the way it
 * was saved names one, else the page's path inside the folder or zip that was imported —
 * never a path on the importing machine, which the public article page would otherwise print.
 */

/** Only web addresses are ever shown to the public as 原文出处. */
export const isWebUrl = (value: string | null | undefined): boolean => !!value && /^https?:\/\/[^\s/?#]+/i.test(value)

/**
 * Top-level domains seen on Chinese union and government sites, for telling a folder that
 * wget or HTTrack named after a host (`www.jnzgh.gov.cn`) from one a person named.
 */
const hostFolder = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:cn|com|net|org|gov|edu|info|cc|tv|me|io|top|xyz|biz|site|hk|tw|mo)(?::\d+)?$/i

/** A folder named after a host, as wget and HTTrack name the folder of a mirrored site. */
export const isHostFolder = (name: string) => hostFolder.test(name)

/** The file names wget gives query URLs (`list.php?page=2`), with HTTrack's and Windows' `@` for `?`. */
const queryFile = /^([^?@]+\.(?:php|asp|aspx|jsp|do|cgi|shtml|html?))[?@](.+)$/i

/**
 * `www.jnzgh.gov.cn/a/xinwen/2019/0312/123.html` → `http://www.jnzgh.gov.cn/a/xinwen/2019/0312/123.html`:
 * wget `--mirror` and HTTrack keep the host as a folder. A query saved into the name keeps
 * its `?`; the `.html` wget's `--adjust-extension` appends to it is not part of the address.
 */
export const mirroredUrl = (relativePath: string): string | undefined => {
  const parts = relativePath.split('/')
  const at = parts.findIndex((p, i) => i < parts.length - 1 && hostFolder.test(p))
  if (at < 0) return undefined
  const rest = parts.slice(at + 1)
  const last = rest.at(-1)!
  const query = queryFile.exec(last)
  if (query) rest[rest.length - 1] = `${query[1]}?${query[2].replace(/\.html?$/i, '')}`
  return `http://${parts[at].toLowerCase()}/${rest.join('/')}`
}

/** `<!-- Mirrored from www.jnzgh.gov.cn/a/1.html by HTTrack Website Copier/3.x … -->`. */
export const httrackUrl = (html: string): string | undefined => {
  const found = /<!--\s*Mirrored from\s+(\S+)\s+by HTTrack/i.exec(html.slice(0, 4096))?.[1]
  if (!found) return undefined
  const url = /^https?:\/\//i.test(found) ? found : `http://${found}`
  return isWebUrl(url) ? url : undefined
}

/** `<!-- saved from url=(0054)http://www.jnzgh.gov.cn/a/1.html -->`, which browsers write into pages saved "网页，全部". */
export const savedFromUrl = (html: string): string | undefined => {
  const found = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 1024))?.[1]
  return found && isWebUrl(found) ? found : undefined
}

/**
 * The address the page names for itself (canonical link, `og:url`, a browser's saved-from
 * comment), made absolute against where the mirror says the page was; `file:` and other
 * local addresses are not addresses of the page.
 */
export const ownUrl = (named: string | undefined, base: string | undefined): string | undefined => {
  const value = named?.trim()
  if (!value) return undefined
  if (isWebUrl(value)) return value
  if (value.startsWith('//')) return isWebUrl(`http:${value}`) ? `http:${value}` : undefined
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined
  try {
    const url = new URL(value, base).href
    return isWebUrl(url) ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * What `originalUrl` records for a page: the page's own address when it names one, else the
 * address its place in a mirror gives it (`mirrored`, from the host folder or HTTrack's
 * comment), else its path inside the imported folder.
 */
export const originalUrlOf = (page: { named?: string; relativePath: string; mirrored?: string }): string => {
  const mirrored = page.mirrored ?? mirroredUrl(page.relativePath)
  return ownUrl(page.named, mirrored) ?? mirrored ?? page.relativePath
}
