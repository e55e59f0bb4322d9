/**
 * What a page's path inside a saved site says about it. Portal and forum systems name their
 * pages in a few fixed ways, and mirroring tools keep those names (with `?` or `@` where the
 * address had a query), so the path is evidence — never the only evidence (see `classify.ts`).
 */
export interface PathShape {
  /** A print version: `/print/…`, `print.php?id=`, `?action=print`. */
  print: boolean
  /** A copy for phones: `/m/…`, `/wap/…`, `/mobile/…`, a `m.`/`wap.`/`3g.` host. */
  mobile: boolean
  /** A home, column, pagination, tag or search page: `index_3.htm`, `list_1_2.html`, `?page=2`, `/tags/…`, `search.php`. */
  list: boolean
  /** An article: a dated folder (`/2019/0312/123.html`), `t20190312_123.html`, `content_123`, `viewthread.php?tid=`, `thread-12-1-1.html`. */
  article: boolean
  /**
   * One page of an article or thread split over several (`123_2.html`, `thread-12-2-1.html`,
   * `viewthread.php?tid=12&page=2`, `read-htm-tid-12-page-2.html`): the key its pages share and
   * its number.
   */
  part?: { key: string; n: number }
}

const segmentsOf = (path: string) => path.toLowerCase().split('/')

export const pathShape = (path: string): PathShape => {
  const segments = segmentsOf(path)
  const file = segments.at(-1) ?? ''
  const dirs = segments.slice(0, -1)
  // The first `?` or `@` (HTTrack writes `@` for `?`) starts the query: found by position, not by a pattern that rescans.
  const at = file.search(/[?@]/)
  const query = at < 0 ? '' : file.slice(at + 1)
  const name = at < 0 ? file : file.slice(0, at)

  const print =
    dirs.some((d) => d === 'print' || d === 'printer') ||
    /^print(?:er|page)?\.(?:php|asp|aspx|jsp|do|html?)$/.test(name) ||
    /(?:^|&)(?:action|do|mod|type)=print\b|(?:^|&)print=1\b|(?:^|&)printable=/.test(query)
  const mobile =
    dirs.some((d) => ['m', 'wap', 'mobile', '3g', 'mob', 'touch'].includes(d)) ||
    dirs.some((d) => /^(?:m|wap|3g|mobile)\.[a-z0-9-]+\./.test(d)) ||
    /(?:^|&)(?:mobile|wap)=1\b/.test(query)

  let part: PathShape['part']
  const thread = /^thread-(\d+)-(\d+)-\d+\.html?$/.exec(name)
  const phpwind = /^read-htm-tid-(\d+)(?:-page-(\d+))?/.exec(name)
  const tid = /(?:^|&)tid=(\d+)/.exec(query)
  const articlePage = /^(\d+)(?:_(\d+))?\.s?html?$/.exec(name)
  // PHPCMS `show-12-345-2.html` (column, id, page); TRS `t20190312_1234_1.html` is the second page.
  const phpcms = /^show-(\d+-\d+)(?:-(\d+))?\.html?$/.exec(name)
  const trs = /^(t\d{8}_\d+)(?:_(\d+))?\.s?html?$/.exec(name)
  const articleId = /(?:^|&)(?:aid|id|articleid|newsid)=(\d+)/.exec(query)
  if (thread) part = { key: `thread-${thread[1]}`, n: Number(thread[2]) }
  else if (phpwind) part = { key: `thread-${phpwind[1]}`, n: Number(phpwind[2] ?? 1) }
  else if (tid && /^(?:viewthread|read|forum)\.php$/.test(name) && !/mod=forumdisplay/.test(query))
    part = { key: `thread-${tid[1]}`, n: Number(/(?:^|&)page=(\d+)/.exec(query)?.[1] ?? 1) }
  else if (articlePage) part = { key: [...dirs, articlePage[1]].join('/'), n: Number(articlePage[2] ?? 1) }
  else if (phpcms) part = { key: [...dirs, `show-${phpcms[1]}`].join('/'), n: Number(phpcms[2] ?? 1) }
  else if (trs) part = { key: [...dirs, trs[1]].join('/'), n: trs[2] ? Number(trs[2]) + 1 : 1 }
  else if (
    articleId &&
    (/^(?:show|view|article|detail|content|info|news)\.(?:php|asp|aspx|jsp)$/.test(name) ||
      // PHPCMS's dynamic address: `index.php?m=content&c=index&a=show&catid=12&id=345`.
      /(?:^|&)(?:a|act|action|mod|do)=(?:show|view|article|detail|content)(?:&|$)/.test(query))
  )
    part = { key: [...dirs, `${name}?${articleId[1]}`].join('/'), n: Number(/(?:^|&)(?:page|p)=(\d+)/.exec(query)?.[1] ?? 1) }

  const listName =
    // A folder's own page (`/a/xinwen/`), as HTTrack's comment names the index it saved.
    name === '' ||
    /^(?:index|default|home|main)(?:_\d+)?\.(?:s?html?|php|asp|aspx|jsp)$/.test(name) ||
    /^list[_-]?[\d_-]*\.(?:s?html?|php|asp|aspx|jsp)$/.test(name) ||
    /^(?:forum|forumdisplay|thread|search|tag|tags|category|column|channel|node|plist|more)[\d_-]*\.(?:s?html?|php|asp|aspx|jsp)$/.test(
      name,
    ) ||
    /^forum-\d+-\d+\.html?$/.test(name) ||
    /(?:^|&)(?:page|p|pn|pageno|pageindex)=\d+/.test(query) ||
    /(?:^|&)(?:mod=forumdisplay|fid=)/.test(query) ||
    /(?:^|&)(?:q|kw|keyword|keywords|searchword|tag)=/.test(query)
  const listDir = dirs.some((d) => ['tag', 'tags', 'search', 'page', 'list', 'category'].includes(d))
  const article =
    !!part ||
    /(?:^|\/)(?:19|20)\d{2}(?:\/|-)?\d{2}(?:\/|-)?(?:\d{2})?\/[^/]+$/.test(path) ||
    /^t\d{8}_\d+\.s?html?$/.test(name) ||
    /^(?:content|article|show|view|detail|news|info)[_-]\d+/.test(name) ||
    /^(?:show|view|article|detail|content)\.(?:php|asp|aspx|jsp)$/.test(name) ||
    /(?:^|&)(?:aid|articleid|newsid|id)=\d+/.test(query) ||
    /(?:^|\/)archives\/\d+/.test(path)
  // `forum.php?mod=viewthread&tid=12` is a thread, though `forum.php` alone is a forum's list.
  const list = (listName && !part) || (listDir && !article)
  return { print, mobile, list, article: article && !list, part }
}
