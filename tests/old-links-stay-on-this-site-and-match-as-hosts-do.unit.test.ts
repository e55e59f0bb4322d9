import { describe, expect, it } from 'vitest'

import { nginxMap, readRedirectsFile, redirectsFile } from '../site/redirects/formats'
import { oldLinkFinder, oldLinks, oldSiteHosts } from '../site/redirects/oldLinks'

const hosts = oldSiteHosts({ oldSiteHosts: ['www.jnzgh.gov.cn', 'bbs.jnzgh.gov.cn'], siteUrl: 'https://gonghui.example.org' })
const url = (slug: string) => `/news/${slug}/`
const links = oldLinks(
  [
    { slug: 'a', originalUrl: 'http://www.jnzgh.gov.cn/html/2015/0312/1234.html' },
    { slug: 'b', originalUrl: 'http://jnzgh.gov.cn/show.asp?id=45' },
    { slug: 'c', originalUrl: 'http://bbs.jnzgh.gov.cn/thread-123-1-1.html' },
    { slug: 'd', originalUrl: 'https://gonghui.example.org/show.asp?id=45&page=2' },
    { slug: 'e', originalUrl: 'https://www.xinhuanet.com/politics/2019/1.htm' },
    { slug: 'f', originalUrl: '旧站/新闻/1.html' },
    { slug: 'g', originalUrl: 'http://www.jnzgh.gov.cn/%E9%80%9A%E7%9F%A5/1.html' },
    { slug: 'h', originalUrl: 'http://www.jnzgh.gov.cn/html/2015/0312/1234.html' },
    { slug: 'i', originalUrl: 'http://www.jnzgh.gov.cn/' },
  ],
  url,
  hosts,
)

describe('old links', () => {
  it('come only from the old site’s hosts (www. or not) and the new site’s own, never from another host or a file path; the first article claiming one keeps it', () => {
    expect(links).toEqual([
      { path: '/html/2015/0312/1234.html', query: '', to: '/news/a/' },
      { path: '/show.asp', query: 'id=45&page=2', to: '/news/d/' },
      { path: '/show.asp', query: 'id=45', to: '/news/b/' },
      { path: '/thread-123-1-1.html', query: '', to: '/news/c/' },
      { path: '/通知/1.html', query: '', to: '/news/g/' },
    ])
  })

  it('never point off this site, even from a slug that reads as another host', () => {
    expect(oldLinks([{ slug: 'x', originalUrl: 'http://www.jnzgh.gov.cn/1.html' }], () => '//evil.example/', hosts)).toEqual([])
    expect(oldLinks([{ slug: 'x', originalUrl: 'http://www.jnzgh.gov.cn/1.html' }], () => '/\\evil.example/', hosts)).toEqual([])
    // An imported page's canonical link is the page's own say: a newline in it never reaches a config file.
    expect(oldLinks([{ slug: 'x', originalUrl: 'http://www.jnzgh.gov.cn/1.html%0A%7D%0Aserver%20%7B' }], url, hosts)).toEqual([])
    expect(readRedirectsFile('/1.html //evil.example/ 301\n/2.html https://evil.example/ 301\n/3.html /\\evil.example/ 301\n')).toEqual([])
  })

  it('match the old query by its parameters, any others ignored; a link without a query matches any', () => {
    const find = oldLinkFinder(readRedirectsFile(redirectsFile(links)))
    const at = (target: string) => {
      const u = new URL(target, 'http://x')
      return find(u.pathname, u.searchParams)
    }
    expect(at('/show.asp?id=45')).toBe('/news/b/')
    expect(at('/show.asp?page=2&id=45&from=timeline')).toBe('/news/d/')
    expect(at('/show.asp?id=46')).toBeUndefined()
    expect(at('/show.asp')).toBeUndefined()
    expect(at('/html/2015/0312/1234.html?from=singlemessage')).toBe('/news/a/')
    expect(at('/%E9%80%9A%E7%9F%A5/1.html')).toBe('/news/g/')
    expect(at('/politics/2019/1.htm')).toBeUndefined()
  })

  it('are written for nginx as literal keys: decoded paths for $uri, links with a query as sent for $request_uri', () => {
    const map = nginxMap(links)
    expect(map).toContain('map $uri $portal_old_path {\n    default "";\n    "/html/2015/0312/1234.html" "/news/a/";')
    expect(map).toContain('    "/通知/1.html" "/news/g/";')
    expect(map).toContain('map $request_uri $portal_old_link {\n    default $portal_old_path;\n    "/show.asp?id=45&page=2" "/news/d/";')
    expect(nginxMap([{ path: '/a"b\\c', query: '', to: '/news/x/' }])).toContain('"/a\\"b\\\\c" "/news/x/";')
  })
})
