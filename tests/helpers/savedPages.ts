import fs from 'node:fs'
import path from 'node:path'

import iconv from 'iconv-lite'

const fixtures = path.join(import.meta.dirname, '..', 'fixtures')

export interface SavedPage {
  /** The platform family the page was saved from. */
  family: string
  /** The fixture, relative to tests/fixtures. */
  fixture: string
  bytes: Buffer
  /** What the page's own markup says, read here with one pattern per field, not by the importer. */
  title: string
  /** The publication day in China time, YYYY-MM-DD, as the admin shows it. */
  date: string
  source: string
}

const pick = (html: string, pattern: RegExp, what: string, fixture: string) => {
  const found = pattern.exec(html)?.[1]?.trim()
  if (!found) throw new Error(`${fixture} has no ${what} (${pattern})`)
  return found
}

/** `2021-9-1 20:15` or `2016-03-07` → `2021-09-01`. */
const day = (text: string) => {
  const [y, m, d] = text.split(/[^\d]+/)
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
}

const chinaDay = (epochSeconds: number) => new Date(epochSeconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10)

const read = (
  family: string,
  fixture: string,
  encoding: string,
  fields: (field: (pattern: RegExp, what: string) => string) => Pick<SavedPage, 'title' | 'date' | 'source'>,
): SavedPage => {
  const bytes = fs.readFileSync(path.join(fixtures, fixture))
  const html = iconv.decode(bytes, encoding)
  return { family, fixture, bytes, ...fields((pattern, what) => pick(html, pattern, what, fixture)) }
}

/**
 * One saved page of each platform family union archives come from, with the title, date and
 * source each carries in its own markup: a Discuz! X3 thread (GBK), a government TRS page with
 * the national meta tags, a WeChat article saved from a browser, a DedeCMS article.
 */
export const savedPages = (): SavedPage[] => [
  read('Discuz! X3', 'platforms/discuz-x3-thread.html', 'gb18030', (field) => ({
    title: field(/id="thread_subject">([^<]+)</, 'thread subject'),
    // The first post's own 发表于 line, not the poster's 注册时间.
    date: day(field(/id="authorposton\d+">发表于 ([\d-]+)/, 'first post date')),
    source: field(/来源：([^<\s]+)/, '来源 line'),
  })),
  read('政府网站（TRS）', 'platforms/gov-trs-meta.html', 'utf8', (field) => ({
    title: field(/<meta name="ArticleTitle" content="([^"]+)"/, 'ArticleTitle'),
    date: day(field(/<meta name="PubDate" content="([^"]+)"/, 'PubDate')),
    source: field(/<meta name="ContentSource" content="([^"]+)"/, 'ContentSource'),
  })),
  read('微信公众号', 'platforms/wechat-article.html', 'utf8', (field) => ({
    title: field(/id="activity-name">([^<]+)</, '#activity-name'),
    date: chinaDay(Number(field(/var ct = "(\d+)"/, 'ct timestamp'))),
    source: field(/id="js_name">([^<]+)</, 'account name'),
  })),
  read('DedeCMS', 'legacy/dedecms-article.htm', 'utf8', (field) => ({
    title: field(/<div class="title"><h2>([^<]+)</, 'title heading'),
    date: day(field(/时间:<\/small>([\d-]+)/, '时间 field')),
    source: field(/来源:<\/small>([^<\s]+)/, '来源 field'),
  })),
]

/** The images a page was saved with ("网页，全部" puts them in `<name>_files/`), to zip beside it. */
export const savedWith = (fixture: string): { name: string; bytes: Buffer }[] => {
  const folder = path.join(fixtures, fixture.replace(/\.html?$/, '_files'))
  if (!fs.existsSync(folder)) return []
  return fs.readdirSync(folder).map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)) }))
}
