import type { CheerioAPI } from 'cheerio/slim'

import { findDate } from './date'
import { titleKey as key } from './compare'

/**
 * What a page says about itself in its head, by precedence: the article's own meta tags
 * (Open Graph, the government standard, `pubdate` and friends), then JSON-LD, then the
 * page's address. The text beside the headline comes after the tags and before the URL;
 * the extractor decides that (`extract.ts`), since only it knows where the headline is.
 */

const metaValue = ($: CheerioAPI, names: string[]) => {
  for (const name of names) {
    const value = $(`meta[name="${name}" i], meta[property="${name}" i], meta[itemprop="${name}" i]`).attr('content')
    if (value?.trim()) return value.trim()
  }
  return undefined
}

/** Publish-date tags as portals, WordPress, news CMSs and the government standard write them. */
const dateTags = [
  'article:published_time',
  'og:published_time',
  'og:release_date',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'PubDate',
  'datePublished',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'weibo:article:create_at',
  'firstpublishedtime',
  'date',
]

/** ISO dates with a zone as they are; anything else read as Beijing time. */
export const isoDate = (value: string | undefined): string | undefined => {
  if (!value) return undefined
  if (/^\d{4}-\d{2}-\d{2}T[^\s]*(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const date = new Date(value)
    if (!Number.isNaN(date.getTime())) return date.toISOString()
  }
  return findDate(value)?.iso
}

/** `datePublished` of the first JSON-LD object (or graph member) that has one. */
const jsonLdDate = ($: CheerioAPI): string | undefined => {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown
    try {
      data = JSON.parse($(el).text())
    } catch {
      continue
    }
    const queue: unknown[] = [data]
    // Bounded: a crafted page cannot make this walk long.
    for (let seen = 0; queue.length && seen < 200; seen++) {
      const item = queue.shift()
      if (Array.isArray(item)) queue.push(...item)
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>
        const value = record.datePublished ?? record.dateCreated
        if (typeof value === 'string' && isoDate(value)) return isoDate(value)
        if (record['@graph']) queue.push(record['@graph'])
      }
    }
  }
  return undefined
}

/** `/2019-09/25/`, `/201909/25/`, `/20190925/`, `t20190925_`, `/2019/0312/` in an article address. */
export const urlDate = (url: string | undefined): string | undefined => {
  if (!url) return undefined
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '')
  const m =
    /(?:^|[/_t])((?:19|20)\d{2})-?(0[1-9]|1[0-2])[/_-]?([0-2]\d|3[01])(?=[/_.]|\d{0,12}[._/])/.exec(path) ??
    /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-]([0-2]\d|3[01])\//.exec(path) ??
    // DedeCMS: `/a/xinwen/2019/0312/123.html`
    /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])([0-2]\d|3[01])\//.exec(path)
  return m ? findDate(`${m[1]}-${m[2]}-${m[3]}`)?.iso : undefined
}

export interface HeadFacts {
  /** The headline as the page's tags state it (`og:title`, `ArticleTitle`). */
  statedTitle?: string
  siteName?: string
  date?: string
  url?: string
}

export const readHeadFacts = ($: CheerioAPI, html: string): HeadFacts => {
  const url =
    $('link[rel="canonical"]').attr('href')?.trim() ||
    metaValue($, ['og:url']) ||
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 1024))?.[1]
  return {
    statedTitle: metaValue($, ['og:title', 'ArticleTitle', 'twitter:title']),
    siteName: metaValue($, ['og:site_name', 'SiteName', 'application-name']),
    date: isoDate(metaValue($, dateTags)) ?? jsonLdDate($),
    url,
  }
}

/**
 * `<title>` split where templates join the headline and the site's name: `标题 - 某某网`,
 * `标题_某某网`, `新闻动态--某某学会官网`, `标题|频道|网站`, `标题 某某网`.
 */
const separators = / [-|–—·] | ?(?:--|－－|__|\||｜|_|<|»|>>) ?| -|- /

/** The last word of a title that only names a site: `新华网`, `人民网-人民日报`, `某某医院`. */
const siteWord = /(?:网|网站|官网|在线|频道|新闻|资讯|门户|日报|晚报|报|电视台|医院|大学|学院|学会|协会|总工会|工会|政府|人民政府|公众号)$/

/** A portal channel's name: `搜狐财经`, `新浪体育`, `网易娱乐`. */
const channel = /(?:财经|娱乐|体育|科技|汽车|房产|教育|健康|军事|时政|国际|国内|社会|文化|旅游|女性|读书)$/

/** `<title>` in its parts as written, the site's name included (the site analysis compares those). */
export const splitTitle = (raw: string): string[] =>
  // Whitespace is one space before the split, so the separators need no quantifier; a
  // `<title>` longer than any headline is cut first.
  raw
    .slice(0, 400)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .split(separators)
    .map((p) => p.trim())
    .filter(Boolean)

/** `<title>` in its parts, the headline first and the parts that only name the site left out. */
export const titleParts = (raw: string, siteName?: string): string[] => {
  const parts = splitTitle(raw)
  const site = siteName ? key(siteName) : ''
  const kept = parts.filter((p, i) => i === 0 || !(key(p) === site || (siteWord.test(p) && key(p).length <= 16)))
  // `博客名 » 标题`: the site first and the headline after it.
  if (kept.length > 1 && (key(kept[0]) === site || (key(kept[0]).length <= 8 && key(kept[1]).length > key(kept[0]).length * 2)))
    kept.push(kept.shift()!)
  // `劳伦斯：……-搜狐财经`: a channel glued on with a bare hyphen.
  const hyphen = /^(.{6,})-([^-\s]{2,10})$/u.exec(kept[0] ?? '')
  if (hyphen && (key(hyphen[2]) === site || siteWord.test(hyphen[2]) || channel.test(hyphen[2]))) kept[0] = hyphen[1]
  // `土豆不“土” 土豆无“土” 松花江网`: the site glued on with a space.
  const firstPart = kept[0] ?? ''
  const spaced = /^(.{4,}?) (\S{2,14})$/.exec(firstPart)
  if (spaced && key(spaced[1]).length >= 8 && (key(spaced[2]) === site || siteWord.test(spaced[2]))) kept[0] = spaced[1]
  return kept
}

/**
 * A `<title>` that names only the site or a channel (`北医新闻网`, `网易娱乐`,
 * `blog.example.com`): old templates print it on every page, so it is never an article's title
 * while the page shows a headline of its own.
 */
export const namesOnlySite = (part: string, siteName?: string): boolean => {
  const k = key(part)
  if (!k) return false
  return (
    (!!siteName && k === key(siteName)) ||
    /^[\w-]+(?:\.[\w-]+)+$/.test(part.trim()) ||
    (k.length <= 10 && (siteWord.test(k) || channel.test(k)))
  )
}

/** A heading that only says the site's name: the logo in an `<h1>`. */
export const isSiteName = (text: string, siteName: string | undefined, titleRest: string[]): boolean => {
  const k = key(text)
  return (!!siteName && k === key(siteName)) || titleRest.some((p) => key(p) === k)
}

/** `原标题：…` is the print edition's headline, never the article's title. */
export const stripOriginalTitle = (title: string): string => {
  const m = /^([(（]?)原标题[:：]\s*/.exec(title)
  if (!m) return title
  const rest = title.slice(m[0].length)
  return m[1] ? rest.replace(/[)）]$/, '') : rest
}

/**
 * `<span id="paperdate">2022年02月13日</span>`, `<em id="pubtime">…</em>`: an element whose id names
 * it the page's publish date. Ids are one per page, unlike the `class="time"` of every item in a list of
 * other articles, so this is read after the dateline and before the address.
 */
export const idDate = ($: CheerioAPI): string | undefined => {
  for (const el of $('[id]').toArray().slice(0, 2000)) {
    const id = $(el).attr('id') ?? ''
    // Named for publishing, not any date: a saved page's top bar often shows the day it was saved (`id="date"`).
    if (
      !/pub|paper|post|release|fabu|fbsj|(?:article|news|content)[-_]?(?:date|time)/i.test(id) ||
      /reg|login|last|update|modif|now|clock/i.test(id)
    )
      continue
    const text = $(el).text().trim()
    if (text.length > 40) continue
    const found = findDate(text)
    if (found) return found.iso
  }
  return undefined
}
