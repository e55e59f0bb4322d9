import { isImageBlock, toBlocks, type BodyLine, type PageBlock } from './blocks'
import {
  authorNames,
  closingNames,
  headNames,
  closingUnit,
  leadByline,
  leadSource,
  readByline,
  readPublisher,
  editorCredit,
  sourceName,
} from './byline'
import { defaultCaps, splitLongLine, type PageCaps } from './caps'
import { isChrome, isTerminal, withoutBackLink } from './chrome'
import { beijingDay, closingDateline, findDate, findMonth, INFERRED_DATE_TAG } from './date'
import { reprintCitation } from './citation'
import { ImportError } from './errors'
import { isCreditLabel, isNameList, readLabels, slashCredits, type LabelLine } from './labels'
import type { PageMeta, SourceLine } from './lines'
import { stripNoise } from './noise'
import { toSimplified } from './script'
import { postSignature } from './signature'
import { compact, titleKey } from './compare'

export interface Extracted {
  title: string
  /** ISO 8601; absent when the page shows no date. */
  publishedAt?: string
  source?: string
  author?: string
  responsibleEditor?: string
  summary?: string
  tags: string[]
  /** The page's own address when it names one (canonical link, "saved from" comment). */
  url?: string
  /** The site's section and name, when the page names them (government meta tags). */
  column?: string
  siteName?: string
  blocks: PageBlock[]
  /** Noise strings removed; reported so staff can see the page was dirty. */
  noiseRemoved: number
}

const han = /\p{Script=Han}/u
const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0

/** Lines in the page header that carry dates which are not the publish date. */
const otherDates = /注册时间|最后登录|上次登录|加入时间|建立于|创建于|开通于|管理提醒|本帖|gmt[+-]\d|版权|copyright/i
const explicitTitle = /^(?:主题|标题|帖子主题|文章标题)\s*[:：]\s*(\S.*)$/
/** `[-- 标题 --]`: found by position, since a pattern with spaces on both sides of a lazy `.+?` is cubic in a run of spaces. */
const bracketTitle = (line: string): [string, string] | null => {
  const open = line.indexOf('[--')
  const close = open < 0 ? -1 : line.indexOf('--]', open + 4)
  if (close < 0) return null
  const inner = line.slice(open + 3, close).trim()
  return inner ? [line.slice(open, close + 3), inner] : null
}
/**
 * `干在实处 走在前列`: a series slogan printed above the real title, in parts of one length as
 * such couplets are written. A headline's two clauses seldom match (`从上海车展看在华布局 现代汽车再次提速`).
 */
const kicker = /^\p{Script=Han}{2,10}(?:[\s\u3000]+\p{Script=Han}{2,10})+$/u
const isKicker = (line: string) => {
  if (!kicker.test(line)) return false
  const parts = line.split(/[\s\u3000]+/u)
  return parts.every((part) => part.length === parts[0].length)
}
/** `（原标题：… 张三）`: the name is read from the end, so no pattern scans the title's spaces more than once. */
const originalTitleEnd = /[\s\u3000]\p{Script=Han}{2,4}[)）]$/u
const originalTitleAuthor = (line: string) => {
  const end = originalTitleEnd.exec(line)
  return end !== null && /[(（]原标题[:：]./u.test(line.slice(0, end.index))
}

const trailingCredit = /[(（]([^()（）]{2,80})[)）]$/

/**
 * A short line of link text with no sentence in it: a headline of another page, a promo.
 * A notice's attachment (`附件：2021年职工书屋名单.xlsx`) is a link too, and part of the notice.
 */
const isLinkList = (line: BodyLine): boolean =>
  !!line.linked && compact(line.text).length <= 40 && !/[。！？；]/.test(line.text) && !/^\s*(?:附件|\d{1,2}[.、．])/.test(line.text)

/** A story's deck: one short line with no full stop, printed between the headline and the byline. */
const isDeck = (line: string) => compact(line).length <= 60 && !/[。！？]$/.test(line.trim()) && !leadSource(line)

/** A short unlinked line with no sentence in it: a box's caption, an ad's slogan. */
const isCaptionLike = (line: BodyLine) => !line.linked && compact(line.text).length <= 12 && !/[。，,；！？:：]/.test(line.text)

/** Body text: a long line that reads as a sentence, which no menu or header line is. */
const isProse = (s: string) => compact(s).length >= 50 && /[。，,；！？]/.test(s)

/** A header line that is mostly a date: `- 2017/5/23 13:22:57`, `dongzi 2022-09-05 11:36`. */
const dateLine = (simplified: string) => {
  if (otherDates.test(simplified)) return undefined
  const found = findDate(simplified)
  if (!found) return undefined
  const rest = simplified.replace(found.match, '')
  return hanCount(rest) <= 24 && !rest.includes('。') ? found : undefined
}

const isTitleLike = (original: string, simplified: string) => {
  const c = compact(simplified)
  return han.test(c) && c.length >= 4 && c.length <= 80 && !/[。]$/.test(c) && !isChrome(simplified) && !/^[-·•]/.test(original.trim())
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)

/** Where a closing `...` (three or more dots) or `…` run starts, or -1. */
const ellipsisAt = (value: string): number => {
  let i = value.length
  while (i > 0 && value[i - 1] === '.') i--
  if (value.length - i >= 3) return i
  if (i < value.length) return -1
  while (i > 0 && value[i - 1] === '…') i--
  return i < value.length ? i : -1
}

/**
 * `随着经济……调整和补充。 吴 ...`: portals cut summaries mid-word and add an ellipsis; the
 * cut word (up to 12 characters after a space) goes with it. Read from the end by hand: the
 * pattern this replaces was cubic in a run of spaces.
 */
const cleanSummary = (value: string) => {
  let v = value
  const at = ellipsisAt(v)
  if (at >= 0) {
    let i = at
    while (isSpace(v[i - 1])) i--
    let word = i
    while (word > 0 && !isSpace(v[word - 1]) && i - word <= 12) word--
    // The cut word needs a space before it; without one, only the spaces before the ellipsis go.
    let start = word < i && isSpace(v[word - 1]) && i - word <= 12 ? word : i < at ? i : -1
    if (start >= 0) {
      while (isSpace(v[start - 1])) start--
      v = v.slice(0, start)
      const again = ellipsisAt(v)
      if (again >= 0) v = v.slice(0, again)
    } else v = v.slice(0, at)
  }
  return v.trim()
}

/**
 * The tags' date, unless it names only the day (stored at 09:00 Beijing time) and the
 * dateline under the headline gives the same day with its time (`2022-02-13 07:00`).
 */
const timedDate = (tagged: string | undefined, printed: string | undefined): string | undefined => {
  if (!tagged || !printed) return tagged ?? printed
  const dayOnly = new Date(tagged).getTime() % 86_400_000 === 1 * 3600_000
  return dayOnly && beijingDay(tagged) === beijingDay(printed) ? printed : tagged
}

/**
 * Reads one page (already decoded, repaired and split into lines) into article fields and
 * body blocks. The page is read in three zones: a header up to the title and date line,
 * the body, and a trailer after the first "related reading"/footer line, where only
 * source, author and editor lines are still taken.
 */
export const extractArticle = (
  source: SourceLine[],
  meta: PageMeta = {},
  caps: Pick<PageCaps, 'maxLineChars'> = defaultCaps,
): Extracted => {
  const input = source.some((l) => l.text.length > caps.maxLineChars)
    ? source.flatMap((l) => splitLongLine(l.text, caps.maxLineChars).map((text, i) => (i === 0 ? { ...l, text } : { text })))
    : source
  const denoised = stripNoise(input.map((l) => l.text))
  const texts = denoised.lines.map((t) => t.replace(/<\/?[a-z][^<>]*>/gi, '').trim())
  let simplified = toSimplified(texts.join('\n')).split('\n')
  if (simplified.length !== texts.length) simplified = texts.map(toSimplified)
  const hints = input.map((l) => l.hint)
  const n = texts.length

  const fields: {
    source?: string
    author?: string
    labelledAuthor?: string
    editor?: string
    summary?: string
    date?: string
    url?: string
    /** A publisher's name printed alone in the byline block: the source when no label names one. */
    account?: string
    /** `摄影：王磊`: the author of a photo story, when no writer is credited. */
    photographer?: string
  } = {}
  const tags: string[] = []
  const applyLabels = (line: LabelLine, allowDate: boolean) => {
    for (const { kind, value } of line.labels) {
      if (!value) continue
      // `size="20"`: markup a broken page printed as text is never a publisher's name.
      if (kind === 'source') fields.source ??= /[=<>"]/.test(value) ? undefined : sourceName(value)
      // `作者：首先欢迎你来到…？` is a question in an interview, `size="20"` broken markup; a credit of
      // 60 characters names a commentator after their posts (`…部长、研究员徐占忱`).
      // `作者：新京报`: a portal filling the author with the paper names its source.
      else if (kind === 'author' && readPublisher(value)) fields.source ??= readPublisher(value)
      else if (kind === 'author' && compact(value).length <= 60 && !/[。？?=<>"]/.test(value)) fields.labelledAuthor ??= value
      else if (kind === 'editor') fields.editor ??= value
      else if (kind === 'photo' && isNameList(value)) fields.photographer ??= value
      else if (kind === 'summary') fields.summary ??= cleanSummary(value)
      else if (kind === 'date' && allowDate) fields.date ??= findDate(value)?.iso
    }
  }
  const urlLine = /(?:原文(?:链接|地址)|本文(?:链接|地址)|文章地址)[:：]\s*(https?:\/\/\S+)/

  // The first prose line bounds the header: titles and date lines come before it.
  let firstProse = n
  for (let i = 0; i < n; i++)
    if (isProse(simplified[i]) && !isChrome(simplified[i])) {
      firstProse = i
      break
    }

  // Title: what the page states outright, then the line above the date, then the first title-like line.
  let title = ''
  let titleIdx = -1
  for (let i = 0; i < Math.min(n, firstProse + 1); i++) {
    if (hints[i] === 'title' && texts[i]) {
      title = texts[i]
      titleIdx = i
      break
    }
    const m = explicitTitle.exec(texts[i]) ?? explicitTitle.exec(simplified[i]) ?? bracketTitle(texts[i])
    if (m && m[1].trim() && !title) {
      title = (explicitTitle.exec(texts[i]) ?? bracketTitle(texts[i]))?.[1].trim() ?? m[1].trim()
      titleIdx = i
    }
  }

  let dateIdx = -1
  for (let i = 0; i < firstProse; i++) {
    if (!texts[i]) continue
    const found = dateLine(simplified[i])
    if (found) {
      fields.date = found.iso
      dateIdx = i
      // `时间:2016-03-07 来源:青湖区总工会 作者:女工部`: one line, several fields.
      const labels = readLabels(texts[i], simplified[i])
      if (labels) {
        applyLabels(labels, false)
        // `2024年05月16日 17:02 新京报 作者：新京报`: the publisher beside the date, ahead of the labels.
        if (!labels.leading) fields.source ??= readPublisher(labels.before.replace(found.match, ' ').trim())
        // `2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]`: the writer in brackets beside the date.
        const bracketed = labels.leading ? null : /[[［]([^[\]［］]{2,30})[\]］]/.exec(labels.before)
        if (bracketed) fields.author ??= closingNames(bracketed[1])
      } else {
        // `2021-04-28 记者 林晓燕`, `2022-02-13 09:57 光明网`: a byline or the publisher beside the date.
        const rest = texts[i].replace(found.match, ' ').trim()
        // `ggjjzhzz 发表于 2005-9-15 11:46:00`: the blogger, then the time of the post.
        const poster = /^([^\s:：]{2,20})\s*(?:发表于|发布于)$/u.exec(rest)?.[1]
        const credit = poster ?? readByline(rest)
        const names = credit && authorNames(credit)
        if (credit && names && !readPublisher(names)) fields.author ??= credit
        // `新京报作者：新京报`: a portal fills the author with the paper, run into the publisher's name.
        else fields.source ??= readPublisher(rest) ?? readPublisher(rest.replace(/(?:作者|编辑|责编)[:：].*$/u, ''))
      }
      break
    }
  }

  // A line of link text is navigation or another page's headline, never this page's.
  const skippable = (i: number) =>
    !texts[i] || /^[-·•]/.test(texts[i]) || isChrome(simplified[i]) || !!input[i].linked || readLabels(texts[i], simplified[i])?.leading
  if (!title && meta.title) {
    const key = titleKey(toSimplified(meta.title))
    const at = simplified.findIndex((s, i) => i <= firstProse && titleKey(s) === key)
    title = meta.title
    titleIdx = at
  }
  if (!title && dateIdx > 0) {
    for (let j = dateIdx - 1; j >= 0; j--) {
      if (skippable(j)) continue
      if (isTitleLike(texts[j], simplified[j])) {
        title = texts[j]
        titleIdx = j
      }
      break
    }
  }
  // `<h2><a href="…">很高兴入住博客堂</a></h2>` right above the text: a blog links its post's title
  // to the post itself, so here a linked heading is the headline and not another page's.
  let above = firstProse - 1
  while (above >= 0 && !texts[above]) above--
  if (!title && above >= 0 && hints[above] === 'heading' && isTitleLike(texts[above], simplified[above])) {
    title = texts[above]
    titleIdx = above
  }
  if (!title) {
    for (let i = 0; i < Math.min(n, firstProse); i++) {
      if (skippable(i) || !isTitleLike(texts[i], simplified[i])) continue
      title = texts[i]
      titleIdx = i
      break
    }
  }
  if (!title && meta.siteTitle) title = meta.siteTitle
  // `<a href="…/255509.aspx">13岁女孩…</a>` right above the text of a blog saved without a <title>:
  // when nothing else names the page, the linked line over the text is its headline.
  if (!title && above >= 0 && isTitleLike(texts[above], simplified[above])) {
    title = texts[above]
    titleIdx = above
  }
  if (!title) throw new ImportError('找不到标题')
  if (isKicker(title)) {
    const next = texts.findIndex((t, i) => i > titleIdx && i < firstProse && t !== '')
    if (next > 0 && isTitleLike(texts[next], simplified[next]) && !isKicker(texts[next])) {
      tags.push(title.replace(/[\s\u3000]+/g, ' '))
      title = texts[next]
      titleIdx = next
    }
  }
  // `来源：新华社`, `本报记者  王乐文  方  敏` between the headline and the dateline: the body loop starts below the date.
  for (let i = titleIdx + 1; titleIdx >= 0 && i < dateIdx; i++) {
    const labels = texts[i] ? readLabels(texts[i], simplified[i]) : undefined
    if (labels?.leading) applyLabels(labels, false)
    else if (texts[i]) {
      fields.author ??= readByline(texts[i])
      // `经济日报` on a line of its own above `2024-05-13 06:16发布于北京`: the account that published it.
      fields.account ??= readPublisher(texts[i])
    }
  }
  title = title.replace(/\s+/g, ' ').trim()
  const ownTitle = titleKey(toSimplified(title))
  // `简单道理捅破“飞人”神话 耐克鞋的气垫“伤机”` printed over two lines, or without the page's `(页 1)`
  // (most of the headline: a line of its first words alone may be text).
  const titleParts = toSimplified(title).split(' ').map(titleKey)
  const headlinePart = (line: string) => {
    const key = titleKey(line)
    return (
      key.length >= 4 &&
      ((titleParts.length > 1 && titleParts.includes(key)) || (ownTitle.startsWith(key) && key.length * 4 >= ownTitle.length * 3))
    )
  }

  // Body and trailer.
  const headEnd = Math.max(titleIdx, dateIdx)
  const body: BodyLine[] = []
  let gap = 0
  let prelude = true
  let ended = false
  let originalAuthor: string | undefined
  let headlineBlock = false
  // Photos above the first paragraph (a lead photo) join the body when it starts.
  const pendingImages: NonNullable<BodyLine['image']>[] = []
  let closingDate: { iso?: string; at: number } | undefined
  /** Where the body stood when a `来源：`/`责任编辑：` line closed the text. */
  let sourceCreditAt: number | undefined
  for (let i = headEnd + 1; i < n; i++) {
    const text = texts[i]
    const s = simplified[i]
    if (!text) {
      const image = input[i].image
      // The gap is not reset: the blank lines around a photo are what marks its caption.
      if (image && !ended && !prelude) body.push({ text: '', gap, image })
      else if (image && !ended) pendingImages.push(image)
      gap++
      continue
    }
    fields.url ??= urlLine.exec(text)?.[1]
    // The labelled date under the article (fallback.ts): it dates the page only when the head did not.
    if (hints[i] === 'trailer') {
      const labels = readLabels(text, s)
      if (labels) applyLabels(labels, true)
      fields.date ??= findDate(s)?.iso
      continue
    }
    // `发布时间 2005/05/17 22:11:42 by 林晓燕` under a post: it dates the post, names its poster, and ends it.
    const signature = prelude || ended ? undefined : postSignature(s)
    if (signature) {
      fields.date ??= signature.iso
      fields.author ??= signature.poster
      ended = true
      continue
    }
    // A "comment" or "related" link beside the headline is a toolbar; only after the text does it close the article.
    const endedAbove = ended
    if (!ended && !prelude && isTerminal(s)) ended = true
    const toolbar = prelude && isTerminal(s)
    // `【导读】…` above the text: an editor's lead labelled in brackets, as `核心提示：` is with a colon.
    const bracketLead = prelude ? /^【(?:核心提示|导读|摘要|内容提要)】/.exec(s) : null
    if (bracketLead && text.length > bracketLead[0].length) {
      fields.summary ??= cleanSummary(text.slice(bracketLead[0].length))
      continue
    }
    const labels = readLabels(text, s)
    if (labels && (labels.leading || labels.labels.length > 1)) {
      // Mid-body, only a short credit line is metadata; `时间：…` there belongs to a notice.
      const credit = compact(s).length <= 60 && labels.labels.every((l) => l.kind === 'other' || isCreditLabel(l))
      if (prelude || ended || credit) {
        applyLabels(labels, prelude)
        // `发表于 2004年12月27日 12:40 - (阅读:3727)` under a blog post: its date, if the text ends there.
        if (!prelude && !endedAbove && closingDateline(s)) closingDate = { iso: findDate(s)?.iso, at: body.length }
        if (!prelude && !ended && labels.labels.some((l) => l.kind === 'source' || l.kind === 'editor')) sourceCreditAt ??= body.length
        continue
      }
    }
    if (ended || toolbar || isChrome(s)) continue
    if (prelude || body.length < 3 || hints[i] === 'header') {
      if (titleKey(s) === ownTitle || /^[(（]?原标题[:：]/.test(s)) continue
      if (prelude && headlinePart(s)) continue
      // `2003年5月` alone under a report's headline and its authors: its month, the date to check when nothing else dates it.
      const month = body.length < 3 && /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月$/.test(s.trim()) ? findMonth(s) : undefined
      if (month) {
        if (!fields.date && !meta.date) {
          fields.date = month
          tags.push(INFERRED_DATE_TAG)
        }
        continue
      }
      // `胡平` alone under the headline, before any text: the writer. A heading (`黄疸`) names what
      // the text goes on to discuss; a writer's name does not recur in the text.
      const named = prelude && !input[i].linked && i <= headEnd + 3 ? headNames(text) : undefined
      if (named && !named.split(' ').some((name) => simplified.some((line, j) => j > i && hints[j] !== 'header' && line.includes(name)))) {
        fields.author ??= named
        continue
      }
      // `——当代中国的精神危机`: a subtitle under the headline, kept as the summary.
      const subtitle = prelude ? /^[—－]{2}\s*([^—－\s].{1,40})$/u.exec(text.trim()) : null
      if (subtitle && !/[。！？]/.test(subtitle[1])) {
        fields.summary ??= subtitle[1].trim()
        continue
      }
      // `…座谈会强调` / `推动…取得新的重大突破` / `李强蔡奇出席`: a news agency's headline in several
      // lines above the text, the first of them the page's title and a verb; none of them is text.
      if (prelude && titleKey(s).startsWith(ownTitle) && titleKey(s).length <= ownTitle.length + 4) headlineBlock = true
      if (prelude && headlineBlock && compact(s).length <= 30 && !/[，。；！？,]/.test(s)) continue
      // `【新春走基层】`: the column's name above the text is a tag, not a paragraph.
      const column = prelude ? /^【([^【】]{2,12})】$/.exec(text.trim()) : null
      if (column) {
        tags.push(column[1])
        continue
      }
      if ((prelude || hints[i] === 'header') && dateLine(s)) continue
      const credit = readByline(text)
      if (credit) {
        fields.author ??= credit
        // `李扬说，改革一定要加快` / `本报记者 罗科 发自北京`: a line above the byline is the story's deck.
        if (body.length === 1 && isDeck(body[0].text)) fields.summary ??= body.pop()!.text.trim()
        if (!body.length) prelude = true
        continue
      }
    }
    // Beside the headline but outside the article: its byline was read above, an account's name
    // printed alone is the publisher, the rest is chrome.
    if (hints[i] === 'header') {
      fields.account ??= readPublisher(text)
      continue
    }
    // `发送GP到6666 随时随地查行情`: a promo link before the first paragraph.
    if (prelude && isLinkList({ text, gap, linked: input[i].linked })) continue
    if (originalTitleAuthor(s)) originalAuthor ??= /(\p{Script=Han}{2,4})[)）]$/u.exec(text)?.[1]
    for (const image of pendingImages.splice(0)) body.push({ text: '', gap: 0, image })
    body.push({ text, gap, hint: hints[i], ...(input[i].linked ? { linked: true } : {}) })
    gap = 0
    prelude = false
  }

  if (closingDate?.at === body.length) fields.date ??= closingDate.iso
  // A QR code, logo or banner closing the body, an image whose caption was chrome, links to
  // other pages (`金领生活痛并快乐着`, `招商创业 雅虎推荐`) after the last paragraph.
  // `来源：南方都市报` closes a portal's text: short lines after it with no sentence (`盛典国际商机无限`) are its ads.
  if (sourceCreditAt && body.slice(sourceCreditAt).every((b) => !b.image && isCaptionLike(b))) body.length = sourceCreditAt
  for (;;) {
    while (body.length > 1 && (body.at(-1)!.image || isLinkList(body.at(-1)!))) body.pop()
    // `消费热点` / `招商创业 雅虎推荐`: a promo box's captions under its links.
    let captions = 0
    while (captions < 2 && body.length - captions > 2 && isCaptionLike(body.at(-1 - captions)!)) captions++
    if (captions === 0 || !isLinkList(body.at(-1 - captions)!)) break
    body.length -= captions
  }
  if (body.length) body.at(-1)!.text = withoutBackLink(body.at(-1)!.text)
  // `（通讯员 钱晓峰）`, `新京报记者 彭冲 山东冠县报道`: a byline on a line of its own after the text.
  // `整合 新华日报记者 徐睿翔` / `素材来源 江苏各地党报`: credits without a colon, several deep.
  for (let popped = 0; body.length > 1 && popped < 4; popped++) {
    const text = body.at(-1)!.text
    const closingByline = slashCredits(text) ? undefined : readByline(text.replace(/^(?:整合|统筹|策划|监制|制作)\s+/, ''))
    const sourceLine = /^(?:素材来源|资料来源|来源)(?:\s*[|｜]\s*|\s+)(\S.{1,30})$/.exec(text.trim())
    const editor = editorCredit(text)
    // `（袁源）` on a line of its own: the reporters' names alone.
    const bracketed = /^[(（]([^()（）]{2,30})[)）]$/.exec(text.trim())
    const names = bracketed ? closingNames(bracketed[1]) : undefined
    // `（宣传科 林晓燕）`: a unit and its writer in brackets.
    const bracketUnit = bracketed ? closingUnit(bracketed[1]) : undefined
    // Only as the very last line; a notice's signature stands above its date, which ends this loop first.
    const unit = popped === 0 ? closingUnit(text) : undefined
    // `中青报·中青网记者 魏其濛 来源：中国青年报`: the byline, then labelled credits.
    const labelled = readLabels(text, toSimplified(text))
    const creditKinds = labelled && !labelled.leading && labelled.labels.every((l) => ['source', 'editor', 'author'].includes(l.kind))
    const creditThenLabels = creditKinds ? readByline(labelled.before) : undefined
    // `我的博客 林晓燕的小屋 http://…`: a blogger's link to their own blog under the post.
    const citation = reprintCitation(text)
    const ownLink = /^(?:我的|个人)(?:博客|主页|空间|网站|blog)/i.test(text.trim()) && /(?:https?:\/\/|www\.)\S+$/i.test(text)
    if (creditThenLabels) {
      fields.author ??= creditThenLabels
      applyLabels(labelled!, false)
    } else if (closingDateline(toSimplified(text))) {
      // The dateline under the text dates the page only when the head did not.
      fields.date ??= findDate(toSimplified(text))?.iso
      if (labelled) applyLabels(labelled, false)
    } else if (closingByline) fields.author ??= closingByline
    else if (names) fields.author ??= names
    else if (bracketUnit?.name) {
      fields.author ??= bracketUnit.name
      fields.source ??= bracketUnit.unit
    } else if (sourceLine) fields.source ??= sourceLine[1]
    else if (editor) fields.editor ??= editor
    else if (unit) {
      if (unit.name) fields.author ??= unit.name
      fields.source ??= unit.unit
    } else if (citation) {
      fields.source ??= citation.source
      if (citation.iso && !fields.date && !meta.date) {
        fields.date = citation.iso
        if (citation.monthOnly) tags.push(INFERRED_DATE_TAG)
      }
    } else if (!ownLink) break
    body.pop()
  }
  // `据新华社拉萨电（记者 格桑边觉）…`: the lead names its reporter.
  const lead = body.find((b) => !b.image && b.hint !== 'heading')
  if (lead) fields.author ??= leadByline(lead.text)
  if (lead) fields.source ??= leadSource(lead.text)

  // `……发放到各基层工会。（编辑：王芳）`: a credit in brackets closing the last paragraph.
  const last = body.at(-1)
  const credit = last && trailingCredit.exec(last.text)
  // `（文/林晓燕 图/王磊 审核/周明）` is several credits, read as labels below, not one byline.
  const bracketCredit = credit && !slashCredits(credit[1]) && (readByline(credit[1]) ?? closingNames(credit[1]))
  // `……。（宣传科 林晓燕）`: the writer's unit, then the writer.
  const creditUnit = credit ? closingUnit(credit[1]) : undefined
  if (last && credit && creditUnit?.name) {
    fields.author ??= creditUnit.name
    fields.source ??= creditUnit.unit
    last.text = last.text.slice(0, credit.index).trim()
    if (!last.text) body.pop()
  } else if (last && credit && bracketCredit && credit[1].length <= 40 && !/[:：]/.test(credit[1])) {
    // `……高质量发展。（记者 胡晓蓉）`
    fields.author ??= bracketCredit
    last.text = last.text.slice(0, credit.index).trim()
    if (!last.text) body.pop()
  } else if (last && credit) {
    const labels = readLabels(credit[1], toSimplified(credit[1]))
    if (labels?.leading && labels.labels.every(isCreditLabel)) {
      applyLabels(labels, false)
      last.text = last.text.slice(0, credit.index).trim()
      if (!last.text) body.pop()
    }
  }

  const blocks = toBlocks(body)
  if (blocks.every(isImageBlock)) throw new ImportError('正文为空：页面里没有找到文章内容')

  return {
    title,
    publishedAt: timedDate(meta.date, fields.date),
    source: meta.source ?? fields.source ?? meta.publisher ?? fields.account ?? meta.siteName,
    author: authorNames(meta.author ?? fields.author ?? fields.labelledAuthor ?? originalAuthor ?? fields.photographer ?? ''),
    responsibleEditor: meta.editor ?? fields.editor,
    summary: meta.summary ?? (fields.summary || undefined),
    tags,
    url: meta.url ?? fields.url,
    column: meta.column,
    siteName: meta.siteName,
    blocks,
    noiseRemoved: denoised.removed,
  }
}
