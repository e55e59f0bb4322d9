/**
 * How right the importer is on labelled real pages that stay outside the repository:
 * `npx tsx tools/import-accuracy.ts <dataset> [--verbose] [--only <name>]`.
 *
 * The dataset folder holds `original/<name>.html` and, for each, any of `cleaned/<name>.txt`
 * (the article text), `date/<name>.txt` (`2019-9-25 8:12:00`), `author/<name>.txt` (names
 * separated by spaces), `source/<name>.txt` and `title/<name>.txt`; `UNKNOWN` means the page
 * names none. That is the layout of the public Chinese-Web-Content-Extraction-Dataset, with
 * title and source folders added for labels of one's own. Bodies are judged as issue 23 does:
 * both ends within 80 characters of the labelled text's.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { blockText } from '../cms/importer/blocks'
import { closingNames, readByline } from '../cms/importer/byline'
import { beijingDay, findDate } from '../cms/importer/date'
import { decodeBuffer } from '../cms/importer/decode'
import { mainContent } from '../cms/importer/fallback'
import { readLabels } from '../cms/importer/labels'
import { parsePage } from '../cms/importer/parse'
import { toSimplified } from '../cms/importer/script'

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean' }, only: { type: 'string' } },
  allowPositionals: true,
})
const root = positionals[0]
if (!root) {
  console.error('usage: npx tsx tools/import-accuracy.ts <dataset> [--verbose] [--only <name>]')
  process.exit(2)
}

const label = (kind: string, name: string): string | undefined => {
  const file = path.join(root, kind, `${name}.txt`)
  if (!fs.existsSync(file)) return undefined
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
  return text && text !== 'UNKNOWN' ? text : undefined
}

/** Text compared without spaces, punctuation or script differences. */
const norm = (s: string) => toSimplified(s).replace(/[\s\p{P}\p{S}]+/gu, '')
const WINDOW = 80

/** Both ends of `got` lie within 80 characters of the ends of `want`. */
const ends = (got: string, want: string) => {
  const g = norm(got)
  const w = norm(want)
  const probe = 12
  const start = w.slice(0, probe)
  const end = w.slice(-probe)
  const startOk = g.slice(0, WINDOW + probe).includes(start) && w.slice(0, WINDOW + probe).includes(g.slice(0, probe))
  const endOk = g.slice(-(WINDOW + probe)).includes(end) && w.slice(-(WINDOW + probe)).includes(g.slice(-probe))
  return { startOk, endOk }
}

/**
 * The dataset's cleaned texts sometimes begin with the headline block (a kicker, the
 * headline, a subtitle, the dateline) and end with the credit lines the importer moves into
 * fields; none of that counts as body text here.
 */
const credit = /^[\s(（□]*(?:来源|信息来源|稿件来源|本文来源|编辑|责任编辑|责编|作者|记者|审核|校对)\s*[:：]|^(?:素材来源|资料来源|整合)\s/
// `（经济日报评论员）`, `（作者韩涵系政邦智库研究员）`: a commentary's signature, a credit like `（记者 …）`.
const closingCredit =
  /[(（](?:(?:记者|通讯员|本报记者|\p{Script=Han}{1,4}记者|责编|编辑|作者)[^()（）]{1,30}|\p{Script=Han}{2,8}评论员)[)）]\s*$/u
const closingBracket = /[(（]([^()（）]{2,30})[)）]\s*$/
/** A line of the headline block: no sentence in it, or only a date. */
const headingLine = (line: string) => {
  const date = findDate(line)
  if (date && norm(line.replace(date.match, '')).length <= 12) return true
  return norm(line).length <= 30 && !/[。，；！？]/.test(line)
}
const labelledBody = (text: string, title: string, summary?: string) => {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  for (;;) {
    const last = lines.at(-1)!
    const names = closingBracket.exec(last)
    // `中青报·中青网记者 魏其濛 来源：中国青年报`: a byline, then labelled credits.
    const labelled = readLabels(last, toSimplified(last))
    const creditThenLabels =
      !!labelled &&
      !labelled.leading &&
      labelled.labels.every((l) => ['source', 'editor', 'author'].includes(l.kind)) &&
      !!readByline(labelled.before)
    if (lines.length > 1 && (credit.test(last) || creditThenLabels || readByline(last.replace(/^整合\s+/, '')))) lines.pop()
    else if (closingCredit.test(last)) lines[lines.length - 1] = last.replace(closingCredit, '')
    else if (names && closingNames(names[1])) lines[lines.length - 1] = last.slice(0, names.index)
    else break
  }
  // `文丨政能亮特约评论员 韩涵` opening the text: a byline, as closing credits are, is not body text.
  while (lines.length > 1 && lines[0].length <= 30 && readByline(lines[0])) lines.shift()
  const t = norm(title)
  // The headline within the first three lines: it and the lines of its block go. A part of it
  // counts only when it is half the headline or more: a place name the text links (`呼和浩特`) is not it.
  // A paragraph that repeats the headline in a sentence is longer than any headline line.
  const isHeadline = (l: string) =>
    norm(l).length >= Math.max(4, t.length / 2) && norm(l).length <= t.length + 30 && (norm(l).includes(t) || t.includes(norm(l)))
  const at = t ? lines.slice(0, 3).findIndex(isHeadline) : -1
  if (at >= 0) {
    let start = at + 1
    while (start < lines.length - 1 && start <= at + 2 && headingLine(lines[start])) start++
    lines.splice(0, start)
  }
  // An editor's lead (`核心提示：…`) the importer moved into the summary, which the article page
  // prints above the text, is not body text either.
  const lead = summary ? norm(summary) : ''
  const leadAt = lead ? lines.slice(0, 3).findIndex((l) => norm(l).endsWith(lead) && norm(l).length - lead.length <= 6) : -1
  if (leadAt >= 0 && lines.length > 1) lines.splice(leadAt, 1)
  return lines.join('\n')
}

/** The labelled day (`2019-9-25 8:12:00`), or the month alone (`1998-3`); undefined when the label holds no date. */
/** Words of page chrome, as issue 23 lists what must not stay in a body. */
const chromeWords =
  /分享到|责任编辑|责编|本文来源|声明[:：]|延伸阅读|相关阅读|相关新闻|热点推荐|推荐阅读|扫一扫|二维码|公众号|客户端|点击进入|上一篇|下一篇|打印|关闭窗口|纠错|版权所有|ICP备|当前位置|返回顶部|阅读原文|举报/

const dayOf = (labelled: string) => {
  const m = /(\d{4})\D(\d{1,2})(?:\D(\d{1,2}))?/.exec(labelled)
  return m ? [m[1], m[2].padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-') : undefined
}

/**
 * The field holds the labelled names and nothing else (`记者 张倩` is not the name `张倩`);
 * spaces and list punctuation between names do not count.
 */
const namesIn = (got: string | undefined, want: string) => !!got && norm(got) === norm(want)

const names = fs
  .readdirSync(path.join(root, 'original'))
  .filter((f) => /\.html?$/i.test(f))
  .map((f) => f.replace(/\.html?$/i, ''))
  .filter((n) => !values.only || n.startsWith(values.only))
  .sort()

const tally = {
  pages: 0,
  failed: 0,
  full: 0,
  bodyRight: 0,
  readability: 0,
  date: [0, 0],
  author: [0, 0],
  /** Where the page names no author, the dataset labels the editor (`编辑：苏亮`) as one. */
  editorAsAuthor: 0,
  source: [0, 0],
  title: [0, 0],
  start: 0,
  end: 0,
  /** Pages whose body keeps a line of page chrome the label does not have. */
  chrome: 0,
}
for (const name of names) {
  const file = fs.readdirSync(path.join(root, 'original')).find((f) => f.startsWith(`${name}.`))!
  const bytes = fs.readFileSync(path.join(root, 'original', file))
  tally.pages++
  const problems: string[] = []
  let page
  const t0 = performance.now()
  try {
    page = parsePage(bytes, file)
  } catch (error) {
    tally.failed++
    console.log(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`)
    continue
  }
  const ms = performance.now() - t0
  const body = page.blocks.map(blockText).filter(Boolean).join('\n')

  const wantBody = label('cleaned', name)
  let bodyOk = true
  if (wantBody) {
    const { startOk, endOk } = ends(body, labelledBody(wantBody, page.title, page.summary))
    if (startOk) tally.start++
    else problems.push(`start: «${body.slice(0, 40)}» want «${wantBody.replace(/\s+/g, ' ').slice(0, 40)}»`)
    if (endOk) tally.end++
    else problems.push(`end: «${body.slice(-40)}» want «${wantBody.replace(/\s+/g, ' ').slice(-40)}»`)
    bodyOk = startOk && endOk
    if (bodyOk) tally.bodyRight++
    // Chrome anywhere in the body: a short line in chrome's words that the labelled text does not have.
    const labelled = norm(wantBody)
    const left = body.split('\n').find((l) => l.length <= 60 && chromeWords.test(l) && !labelled.includes(norm(l)))
    if (left) {
      tally.chrome++
      bodyOk = false
      problems.push(`chrome: «${left}»`)
    }
    // The library alone, for comparison: Readability's text over the same page.
    const alone = mainContent(decodeBuffer(bytes).text)
    const reference = alone ? ends(alone.text, labelledBody(wantBody, page.title, page.summary)) : undefined
    if (reference?.startOk && reference.endOk) tally.readability++
  }
  /** One labelled field: counted, judged by `same`, and shown when it is wrong. Unlabelled fields count as right. */
  const judge = (kind: 'date' | 'author' | 'source' | 'title', got: string | undefined, same: (want: string) => boolean) => {
    const want = label(kind, name)
    // A date label without a date (`刘涛`, `UNKNWON`) labels nothing.
    if (!want || (kind === 'date' && !dayOf(want))) return true
    tally[kind][1]++
    const ok = same(want)
    if (ok) tally[kind][0]++
    else problems.push(`${kind}: ${got || '—'} want ${want}`)
    return ok
  }
  const dateOk = judge('date', beijingDay(page.publishedAt), (want) => beijingDay(page.publishedAt).startsWith(dayOf(want)!))
  const authorOk = judge('author', page.author, (want) => namesIn(page.author, want))
  const want = label('author', name)
  if (!authorOk && want && !page.author && namesIn(page.responsibleEditor, want)) tally.editorAsAuthor++
  judge('source', page.source, (want) => !!page.source && norm(page.source) === norm(want))
  const titleOk = judge('title', page.title, (want) => norm(page.title) === norm(want))
  if (bodyOk && dateOk && titleOk) tally.full++
  const mark = problems.length ? '·' : '✓'
  if (values.verbose || problems.length)
    console.log(
      `${mark} ${name} [${page.platform} ${ms.toFixed(0)} ms] «${page.title}» ${beijingDay(page.publishedAt)} 作者:${page.author ?? '—'} 来源:${page.source ?? '—'}`,
    )
  for (const p of problems) console.log(`    ${p}`)
}
const pct = ([a, b]: number[]) => `${a}/${b}`
console.log(
  `\npages ${tally.pages}, failed ${tally.failed}, fully right ${tally.full} (title, date, both body ends, no chrome)\n` +
    `body right ${tally.bodyRight} (Readability alone ${tally.readability}), body start ${tally.start}, body end ${tally.end}, chrome left on ${tally.chrome}, date ${pct(tally.date)}, title ${pct(tally.title)}, author ${pct(tally.author)} (and the editor where the label names the editor and the page no author: ${tally.editorAsAuthor}), source ${pct(tally.source)}`,
)
