import { NOT_TEMPLATE, type PageFeatures } from './page'
import { pathShape, type PathShape } from './shape'
import { lineKey } from './template'

/**
 * A union's archive often arrives as its old site saved whole — `wget --mirror`, HTTrack,
 * or the browser's "网页，全部" of every page: the home page, column pages and their
 * pagination, tag and search pages, print and phone copies of each article, forum thread
 * lists, and the articles. What staff expect from importing it: **every article once, and
 * nothing else**, with every page they do not get accounted for in the report.
 *
 * - **list** — a home, column, pagination, tag, search or forum-list page: once the site's
 *   template is set aside, it is mostly links to article titles with no body of its own (no
 *   run of prose long enough for the links it carries), usually with a pager (下一页, 尾页,
 *   共 N 页) or a list-shaped name (`index_3.htm`, `list_1_2.html`, `?page=2`); and the page
 *   titled with nothing but the site's name (what most titles end with), the home page, even
 *   with a welcome text of its own. Skipped.
 *   An `index.html` that holds a real text (工会简介) is an article.
 * - **copy** — a print version (`/print/…`, `print.php?id=`, a `<title>` saying 打印本页),
 *   a phone version (`/m/…`, a `wap.` host, `/mobile/`) or the same page saved twice: same
 *   title and mostly the same lines as another page in the set. The normal page is imported
 *   and the copies are skipped naming it; when only the print or phone copy was saved, that
 *   copy is the article. The second and later pages of an article or thread split over
 *   several (`123_2.html`, `thread-12-2-1.html`) are skipped too, naming the first: a
 *   thread's later pages are replies, which are never imported, and an article's continuation
 *   is not stitched on (the report says so, so staff can add it).
 * - **frame** — a page a browser saved into another page's `<name>_files` folder ("网页，全部"
 *   keeps each `<iframe>`: share boxes, comment boxes, counters). Skipped.
 * - **article** — everything else, including pages too short or too odd to judge: the
 *   extractor still decides whether they have a title and a body, and says so if not.
 *
 * The site's **template** — lines that repeat on many pages (menus, header, sidebar boxes,
 * the footer) — is found on the way: a line is template when it is on at least 30% of the
 * distinct articles of the site, or of one of its sections (`/a/`, `/bbs/`, `/m/`), and on at
 * least three. Pages are counted once per title, so the copies of one article never make its
 * own text look like template, and long sentences need half the pages, so an article reposted
 * a few times under new titles keeps its body. Lines that carry the fields (来源, 作者, dates,
 * a closing credit in brackets) are never template.
 *
 * A batch of fewer than three HTML pages is not read as a site: staff who pick a page or two
 * get them imported as they always were.
 *
 * Pure functions over `PageFeatures`: the first pass can run anywhere, and this one is cheap
 * (no HTML is held).
 */

export type CopyVariant = 'print' | 'mobile' | 'page' | 'same'

export type Verdict =
  | { kind: 'article' }
  | { kind: 'list' }
  /** A frame (`<iframe>`) the browser saved into another page's `<name>_files` folder. */
  | { kind: 'frame'; of: string }
  /** `of` is the path of the page imported instead; absent when that page was not saved. */
  | { kind: 'copy'; variant: CopyVariant; of?: string; n?: number; thread?: boolean }

export interface SitePage {
  /** The page's path inside the imported folder, `/`-separated. */
  path: string
  verdict: Verdict
  /** The address the page's place in a mirror (host folder, HTTrack comment) gives it. */
  mirrored?: string
  /**
   * The canonical address the page names is named by pages with other titles too — a template
   * pointing every page at the home page — so it is not this page's address, and must not make
   * every article after the first a duplicate of it.
   */
  addressShared?: boolean
}

export interface SiteAnalysis {
  pages: SitePage[]
  /** `lineKey` of every template line: `parsePage`'s `boilerplate` option. */
  template: number[]
}

/** Share of a site's (or section's) distinct pages a line must appear on to be template, and the least count. */
export const TEMPLATE_SHARE = 0.3
export const TEMPLATE_MIN_PAGES = 3
/** Long sentences are template only when on half the pages, and at least this many. */
const PROSE_SHARE = 0.5
const PROSE_MIN_PAGES = 5
/** A run of prose at least this long is an article's body on a page with few links of its own… */
const BODY_RUN = 150
/** …and it must be longer, the more article links a page carries: 25 characters a link. */
const RUN_PER_LINK = 25
/** …up to this: a list's longest run is one entry's summary, so a run this long is an article's text. */
const MAX_BODY_RUN = 400
/** A page named like a list with no run of prose this long is one, whatever links it has; an article's address needs no more. */
const LIST_PAGE_RUN = 100
/** Share of lines two pages with one title must have in common to be one article. */
const SAME_LINES = 0.5
/** Pages compared with each other at most, within one title. */
const MAX_GROUP = 50
/** A title on more than this share of the pages (and more than the least count) is the site's, not an article's. */
const COMMON_TITLE_SHARE = 0.1
const COMMON_TITLE_MIN = 5
/** Groups sampled to find candidate template lines on a large site, before they are counted exactly. */
const SAMPLE = 1000

/**
 * Index lists of the pages counted once per title. Pages without a title stand alone, and so
 * do pages whose title is on too many pages to name an article: old templates that print the
 * site's name as every page's title.
 */
const byTitle = (pages: number[], features: PageFeatures[]): number[][] => {
  const counts = new Map<string, number>()
  for (const i of pages) counts.set(features[i].titleKey, (counts.get(features[i].titleKey) ?? 0) + 1)
  const tooCommon = Math.max(COMMON_TITLE_MIN, COMMON_TITLE_SHARE * pages.length)
  const groups = new Map<string, number[]>()
  for (const i of pages) {
    const title = features[i].titleKey
    const key = title.length >= 4 && counts.get(title)! <= tooCommon ? title : `#${i}`
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  }
  return [...groups.values()]
}

/**
 * Keys that appear on at least `share` of the groups (and `min`): each group counts a key
 * once. Candidates come from a sample of groups first, so a 50,000-page site never counts
 * every body line it has.
 */
const repeated = (
  groups: number[][],
  keysOf: (i: number) => Iterable<number>,
  share: number,
  min: number,
  candidates?: Set<number>,
): Map<number, number> => {
  const counts = new Map<number, number>()
  if (!candidates && groups.length > SAMPLE) {
    const step = groups.length / SAMPLE
    const sample = Array.from({ length: SAMPLE }, (_, k) => groups[Math.floor(k * step)])
    candidates = new Set(repeated(sample, keysOf, share * 0.6, 2).keys())
  }
  for (const group of groups) {
    const seen = new Set<number>()
    for (const i of group) for (const key of keysOf(i)) if (key !== NOT_TEMPLATE && (!candidates || candidates.has(key))) seen.add(key)
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const need = Math.max(min, Math.ceil(share * groups.length))
  for (const [key, n] of counts) if (n < need) counts.delete(key)
  return counts
}

/**
 * The sections a page belongs to: the first folder under the host (`bbs`, `m`) and the first
 * two unless the second is a date (`a/tongzhi`, not `news/2019`), since columns of one portal
 * often have templates of their own.
 */
const sectionsOf = (path: string): string[] => {
  const parts = path.split('/')
  const host = parts.findIndex((p, i) => i < parts.length - 1 && /\.[a-z]{2,}$/i.test(p))
  const prefix = parts[host] ?? ''
  const dirs = parts.slice(host + 1, -1)
  const sections = dirs.length ? [`${prefix}/${dirs[0]}`] : []
  if (dirs.length > 1 && !/^\d+$/.test(dirs[1])) sections.push(`${prefix}/${dirs[0]}/${dirs[1]}`)
  return sections
}

const templateOf = (features: PageFeatures[]): Set<number> => {
  const html = features.flatMap((f, i) => (f.html ? [i] : []))
  const sections = new Map<string, number[]>([['', html]])
  for (const i of html) {
    for (const s of sectionsOf(features[i].path)) {
      const pages = sections.get(s)
      if (pages) pages.push(i)
      else sections.set(s, [i])
    }
  }
  const template = new Set<number>()
  for (const pages of sections.values()) {
    const groups = byTitle(pages, features)
    if (groups.length < TEMPLATE_MIN_PAGES) continue
    const lines = repeated(groups, (i) => features[i].lines, TEMPLATE_SHARE, TEMPLATE_MIN_PAGES)
    const proseKeys = new Set<number>()
    for (const i of pages) features[i].lines.forEach((key, k) => features[i].prose[k] && lines.has(key) && proseKeys.add(key))
    const proseNeed = Math.max(PROSE_MIN_PAGES, Math.ceil(PROSE_SHARE * groups.length))
    for (const [key, n] of lines) if (!proseKeys.has(key) || n >= proseNeed) template.add(key)
  }
  return template
}

export interface PageMeasure {
  /** Characters of the page's own lines (template aside), of them inside links, and the longest run of prose. */
  chars: number
  linkChars: number
  longestRun: number
  /** Links to article titles that are not the template's. */
  articleLinks: number
}

/** How much of a page is its own: text, link text and prose once the template is set aside. */
export const measure = (f: PageFeatures, template: ReadonlySet<number>, templateLinks: ReadonlySet<number>): PageMeasure => {
  let chars = 0
  let linkChars = 0
  let run = 0
  let longestRun = 0
  f.lines.forEach((key, k) => {
    if (template.has(key)) return
    chars += f.chars[k]
    linkChars += f.linkChars[k]
    // A line with a link in it ends a run: list entries alternate title links and summaries.
    if (f.linkChars[k] > 0) run = 0
    else if (f.prose[k]) longestRun = Math.max(longestRun, (run += f.chars[k]))
  })
  return { chars, linkChars, longestRun, articleLinks: f.titleLinks.filter((l) => !templateLinks.has(l)).length }
}

/** List or article, by the page's own content and its path. */
export const isListPage = (m: PageMeasure, f: PageFeatures, shape: PathShape): boolean => {
  if (f.toolPage) return true
  // An article's address (a dated folder, `t20190312_1234.html`) is strong evidence: a short
  // text is enough, however many "related" and "hot" links a portal's sidebars carry.
  const body = shape.article ? LIST_PAGE_RUN : Math.min(MAX_BODY_RUN, Math.max(BODY_RUN, RUN_PER_LINK * m.articleLinks))
  if (m.longestRun >= body) return false
  if (m.articleLinks >= 3 && (f.pager || shape.list || m.linkChars * 2 >= m.chars || m.articleLinks >= 8)) return true
  // An empty tag or search page ("没有找到相关内容") or a column with two entries: no paragraph of its own.
  return shape.list && !shape.article && m.longestRun < LIST_PAGE_RUN
}

/**
 * The lines two pages are compared by: their own, of some length, without the title — the
 * prose ones when there are any, since in a mixed archive (where no template is found) two
 * pages of one forum or portal share their menus and buttons, never their sentences.
 */
const ownLines = (f: PageFeatures, template: ReadonlySet<number>) => {
  const title = lineKey(f.titleKey)
  const all = new Set<number>()
  const prose = new Set<number>()
  f.lines.forEach((key, k) => {
    if (key === NOT_TEMPLATE || key === title || f.chars[k] < 8 || template.has(key)) return
    all.add(key)
    if (f.prose[k]) prose.add(key)
  })
  return { all, prose }
}

const overlap = (a: Set<number>, b: Set<number>) => {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0
  let shared = 0
  for (const key of a) if (b.has(key)) shared++
  return shared / Math.min(a.size, b.size)
}

const sameArticle = (a: ReturnType<typeof ownLines>, b: ReturnType<typeof ownLines>) =>
  (a.prose.size && b.prose.size ? overlap(a.prose, b.prose) : overlap(a.all, b.all)) >= SAME_LINES

/** Among copies of one article, the one to import: a normal page over a phone copy over a print copy, then the one others name canonical, then the longest. */
const rank = (i: number, features: PageFeatures[], shapes: PathShape[], named: Set<string>, measures: PageMeasure[]) => [
  shapes[i].print || features[i].printTitle ? 2 : shapes[i].mobile ? 1 : 0,
  named.has(features[i].path) ? 0 : 1,
  shapes[i].article ? 0 : 1,
  -measures[i].chars,
]

const compareRanks = (a: number[], b: number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k]
  return 0
}

/** Every page by each tail of its path (`host/a/1.html`, `a/1.html`, `1.html`), the first page for a tail shared. */
const byTail = (paths: Iterable<string>): Map<string, string> => {
  const tails = new Map<string, string>()
  for (const path of paths) {
    const parts = path.split('/')
    for (let k = 0; k < parts.length; k++) {
      const tail = parts.slice(k).join('/')
      if (!tails.has(tail)) tails.set(tail, path)
    }
  }
  return tails
}

/** The page a canonical address names (`../a/1.html`, `http://host/a/1.html`, `/a/1.html`), if it is in the set. */
const namedPath = (canonical: string, from: string, tails: Map<string, string>): string | undefined => {
  try {
    const url = new URL(canonical, `http://site.invalid/${from}`)
    return tails.get(decodeURIComponent(url.pathname).replace(/^\//, '') + url.search)
  } catch {
    return undefined
  }
}

/** Classifies every page of a batch and finds its template. */
export const analyseSite = (features: PageFeatures[]): SiteAnalysis => {
  const htmlPages = features.flatMap((f, i) => (f.html ? [i] : []))
  // A page or two chosen by hand are not a site: each is imported as it always was.
  if (htmlPages.length < TEMPLATE_MIN_PAGES)
    return { pages: features.map((f) => ({ path: f.path, verdict: { kind: 'article' } })), template: [] }
  const template = templateOf(features)
  const templateLinks = new Set(
    repeated(byTitle(htmlPages, features), (i) => features[i].titleLinks, TEMPLATE_SHARE, TEMPLATE_MIN_PAGES).keys(),
  )
  const shapes = features.map((f) => pathShape(f.address ?? f.path))
  const measures = features.map((f) => measure(f, template, templateLinks))
  // The site's name, as most pages' titles end: the page titled with it alone is the home page.
  const suffixes = new Map<string, number>()
  for (const i of htmlPages)
    if (features[i].titleSuffix) suffixes.set(features[i].titleSuffix!, (suffixes.get(features[i].titleSuffix!) ?? 0) + 1)
  const siteNames = new Set(
    [...suffixes].filter(([, n]) => n >= Math.max(TEMPLATE_MIN_PAGES, TEMPLATE_SHARE * htmlPages.length)).map(([name]) => name),
  )
  const verdicts: Verdict[] = features.map((f, i) =>
    f.html && (isListPage(measures[i], f, shapes[i]) || (siteNames.has(f.titleKey) && !shapes[i].article))
      ? { kind: 'list' }
      : { kind: 'article' },
  )

  // "网页，全部" saves a page's frames as pages of their own in its `<name>_files` folder.
  const paths = new Set(features.map((f) => f.path))
  features.forEach((f, i) => {
    const folder = /^(.*?)_files\//.exec(f.path)?.[1]
    const owner = folder && ['.html', '.htm', '.shtml'].map((ext) => folder + ext).find((p) => paths.has(p))
    if (owner) verdicts[i] = { kind: 'frame', of: owner }
  })

  // Later pages of an article or thread, pointing to its first page.
  const firstPages = new Map<string, number>()
  features.forEach((_, i) => {
    const part = shapes[i].part
    if (part?.n === 1 && verdicts[i].kind === 'article') firstPages.set(part.key, i)
  })
  features.forEach((_, i) => {
    const part = shapes[i].part
    if (!part || part.n <= 1 || verdicts[i].kind !== 'article') return
    const first = firstPages.get(part.key)
    verdicts[i] = {
      kind: 'copy',
      variant: 'page',
      n: part.n,
      ...(part.key.startsWith('thread-') ? { thread: true } : {}),
      ...(first === undefined ? {} : { of: features[first].path }),
    }
  })

  // Copies: one title, mostly the same lines.
  const named = new Set<string>()
  const tails = byTail(paths)
  for (const f of features) {
    const path = f.canonical && namedPath(f.canonical, f.path, tails)
    if (path && path !== f.path) named.add(path)
  }
  const candidates = features.flatMap((f, i) => (f.html && verdicts[i].kind === 'article' ? [i] : []))
  for (const group of byTitle(candidates, features)) {
    if (group.length < 2) continue
    const lines = new Map(group.slice(0, MAX_GROUP).map((i) => [i, ownLines(features[i], template)]))
    const parent = new Map(group.map((i) => [i, i]))
    const find = (i: number): number => (parent.get(i) === i ? i : find(parent.get(i)!))
    const compared = group.slice(0, MAX_GROUP)
    for (let a = 0; a < compared.length; a++)
      for (let b = a + 1; b < compared.length; b++)
        if (sameArticle(lines.get(compared[a])!, lines.get(compared[b])!)) parent.set(find(compared[b]), find(compared[a]))
    const clusters = new Map<number, number[]>()
    for (const i of compared) clusters.set(find(i), [...(clusters.get(find(i)) ?? []), i])
    for (const cluster of clusters.values()) {
      if (cluster.length < 2) continue
      const [keep, ...copies] = cluster.sort(
        (a, b) =>
          compareRanks(rank(a, features, shapes, named, measures), rank(b, features, shapes, named, measures)) ||
          features[a].path.localeCompare(features[b].path),
      )
      for (const i of copies) {
        const variant: CopyVariant = shapes[i].print || features[i].printTitle ? 'print' : shapes[i].mobile ? 'mobile' : 'same'
        verdicts[i] = { kind: 'copy', variant, of: features[keep].path }
      }
    }
  }

  const titlesByAddress = new Map<string, Set<string>>()
  for (const f of features) {
    if (!f.canonical) continue
    const titles = titlesByAddress.get(f.canonical) ?? new Set<string>()
    titles.add(f.titleKey || f.path)
    titlesByAddress.set(f.canonical, titles)
  }
  return {
    pages: features.map((f, i) => ({
      path: f.path,
      verdict: verdicts[i],
      ...(f.canonical && titlesByAddress.get(f.canonical)!.size > 1 ? { addressShared: true } : {}),
    })),
    template: [...template],
  }
}

/** Why a page was not imported, as staff read it in the report. */
export const skipReason = (verdict: Verdict): string | undefined => {
  if (verdict.kind === 'list') return '列表页（首页/栏目/分页/标签/搜索），不是文章'
  if (verdict.kind === 'frame') return `随 ${verdict.of} 一起保存的框架页（广告、评论框、计数器等），不是文章`
  if (verdict.kind !== 'copy') return undefined
  const of = verdict.of
  switch (verdict.variant) {
    case 'print':
      return `打印版，与 ${of} 是同一篇`
    case 'mobile':
      return `手机版，与 ${of} 是同一篇`
    case 'same':
      return `与 ${of} 是同一篇（标题相同，正文基本相同）`
    case 'page':
      if (verdict.thread)
        return of
          ? `帖子 ${of} 的第 ${verdict.n} 页（回帖），帖子只导入主帖`
          : `帖子的第 ${verdict.n} 页（回帖），主帖所在的第 1 页没有一起保存`
      return of
        ? `文章 ${of} 的第 ${verdict.n} 页；续页的正文不会自动并入，请在导入后把它补进这篇文章`
        : `分页文章的第 ${verdict.n} 页，第 1 页没有一起保存，未单独导入`
  }
}
