/**
 * Labelled values in page headers and footers: `来源:苏州日报`, `责编:8037`,
 * `2014-10-29 20:06| 发布者: 蜚语| 查看: 353`. Matching runs on the Simplified form of a
 * line; values are cut from the original line so Traditional pages keep their script.
 */
export type LabelKind = 'source' | 'author' | 'editor' | 'photo' | 'review' | 'date' | 'summary' | 'poster' | 'other'

const names: Record<LabelKind, string[]> = {
  source: ['来源', '本文来源', '稿件来源', '文章来源', '信息来源', '新闻来源', '稿源', '出处', '供稿单位', '供稿', '来稿单位'],
  author: ['作者', '原作者', '撰稿', '撰稿人', '撰文', '记者', '通讯员', '文', '文字', '执笔', '执笔人'],
  editor: ['责编', '责任编辑', '编辑', '本文编辑', '值班编辑', '网络编辑', '网页编辑', '选稿'],
  // `文字：林晓燕 图片：王磊`, `编辑：陈静 审核：周明`: the credits universities and institutions print under the text.
  photo: ['摄影', '摄像', '图片'],
  review: ['审核', '审校', '审稿', '初审', '复审', '终审', '一审', '二审', '三审', '签发'],
  date: ['发布时间', '发表时间', '发布日期', '发表日期', '发表于', '更新时间', '时间', '日期'],
  summary: ['摘要', '内容提要', '内容摘要', '导读', '核心提示'],
  poster: ['发布者', '发布人', '发帖人', '楼主'],
  other: ['浏览', '查看', '阅读', '点击', '评论', '人气', '字号', '字体', '分享到', '浏览次数', '阅读次数', '点击数'],
}

const kindOf = new Map<string, LabelKind>()
for (const [kind, list] of Object.entries(names) as [LabelKind, string[]][]) for (const n of list) kindOf.set(n, kind)

// Longest names first so 原作者 wins over 作者; a label starts a line or follows a separator.
const alternatives = [...kindOf.keys()].sort((a, b) => b.length - a.length).join('|')
const labelPattern = new RegExp(`(?<=^|[\\s\\d|｜,，;；·\\-【\\[(（□)）\\]】])(${alternatives})\\s*[:：]\\s*`, 'g')

/**
 * `来源：工人日报作者：本报记者 林晓燕`: labels a template prints in spans of their own, run together
 * with no space once the markup is gone. Only these, and only after a first label on the line:
 * anywhere else a word ending in one of them (`合作者：`) is text.
 */
const glued = [
  '来源',
  '作者',
  '发布时间',
  '发布日期',
  '发表时间',
  '更新时间',
  '责任编辑',
  '编辑',
  '时间',
  '日期',
  '字号',
  '字体',
  '浏览次数',
  '浏览',
  '点击数',
  '阅读数',
]
const gluedPattern = new RegExp(`(?<=\\p{Script=Han})(${glued.sort((a, b) => b.length - a.length).join('|')})\\s*[:：]\\s*`, 'gu')

/** The labels a line holds: separated ones, then run-together ones after the first. */
const labelMatches = (simplified: string): RegExpExecArray[] => {
  const matches = [...simplified.matchAll(labelPattern)]
  if (matches.length === 0) return matches
  const first = matches[0].index
  const overlaps = (m: RegExpExecArray) => matches.some((o) => m.index < o.index + o[0].length && o.index < m.index + m[0].length)
  const extra = [...simplified.matchAll(gluedPattern)].filter((m) => m.index > first && !overlaps(m))
  return extra.length ? [...matches, ...extra].sort((a, b) => a.index - b.index) : matches
}

export interface Label {
  kind: LabelKind
  value: string
}

export interface LabelLine {
  labels: Label[]
  /** Whether the line starts with a label (after a list dash or bullet). */
  leading: boolean
  /** The text ahead of the first label: `2024年05月16日 17:02 新京报` before `作者：新京报`. */
  before: string
}

/**
 * Where a value ends although no label follows: a counter or a date run into it without a
 * separator (`仙桃市总工会浏览次数：639`, `孙海燕 发布于 2024-03-05`, `王磊2023-05-04`), a tool bracket `【`.
 */
const valueEnd =
  /(?:浏览次数|阅读次数|点击数|浏览量|阅读量)[:：]|[【[\]】]|返回\p{Script=Han}{0,6}首页|返回搜狐|\s(?:发布于|发表于|更新于|阅读|浏览|点击|评论)(?:\s|[:：]|\d)|\s(?:举报|纠错|分享|收藏|打印)$|\s网友评论|(?:\s|(?<=\p{Script=Han}))(?:19|20)\d{2}[-/.年]\d/u

/** Separators a value is trimmed of; by hand, since `[…]+$` rescans a run of them from every start. */
const separator = /[\s|｜,，;；·]/
const trimSeparators = (value: string) => {
  let start = 0
  let end = value.length
  while (start < end && separator.test(value[start])) start++
  while (end > start && separator.test(value[end - 1])) end--
  return value.slice(start, end)
}

const trimValue = (value: string): string => {
  // `来源：[ 国际金融报 ]`: a value the template prints in brackets, which elsewhere end one.
  const bracketed = /^\s*[[【]([^[\]【】]{1,40})[\]】]/.exec(value)
  if (bracketed) return trimSeparators(bracketed[1])
  const end = valueEnd.exec(value)
  let v = trimSeparators(end ? value.slice(0, end.index) : value)
  // `（撰稿：某某）`: the label opened the bracket, so its value must not keep the closing one.
  if (/[)）]$/.test(v) && !/[(（]/.test(v)) v = v.slice(0, -1).trim()
  return v
}

/** The roles a slash credit names, and the label each stands for. */
const slashRoles: Record<string, string> = {
  文: '文字',
  文字: '文字',
  图: '图片',
  图片: '图片',
  摄影: '摄影',
  编辑: '编辑',
  责编: '责编',
  审核: '审核',
  校对: '审校',
  初审: '初审',
  复审: '复审',
  终审: '终审',
}
const slashRole = Object.keys(slashRoles)
  .sort((a, b) => b.length - a.length)
  .join('|')
const slashLine = new RegExp(`^[(（]?(?:\\s*(?:${slashRole})\\s*[/／]\\s*\\p{Script=Han}{2,4})+\\s*[)）]?$`, 'u')
const slashPair = new RegExp(`(${slashRole})\\s*[/／]\\s*`, 'gu')

/**
 * `（文/林晓燕 图/王磊 编辑/陈静 审核/周明）`: credits written with slashes, two or more of them,
 * as colon labels (`文字：林晓燕 图片：王磊 …`); undefined for any other line. One slash credit
 * alone (`文/张三`) is a byline (byline.ts).
 */
export const slashCredits = (line: string): string | undefined => {
  const t = line.trim()
  if (t.length > 80 || !slashLine.test(t)) return undefined
  const pairs = [...t.matchAll(slashPair)]
  if (pairs.length < 2) return undefined
  return t
    .replace(/^[(（]|[)）]$/g, '')
    .replace(slashPair, (_, role: string) => ` ${slashRoles[role]}：`)
    .trim()
}

/** A list of names, and nothing else: `王磊`, `王磊 陈静`. */
export const isNameList = (value: string): boolean => /^\p{Script=Han}{2,4}(?:[\s、，,]+\p{Script=Han}{2,4}){0,3}$/u.test(value.trim())

/**
 * A label that credits the article's makers and is no text of it. A photo label counts only
 * with names: `图片：活动现场` is a caption.
 */
export const isCreditLabel = ({ kind, value }: Label): boolean =>
  kind === 'source' || kind === 'author' || kind === 'editor' || kind === 'review' || (kind === 'photo' && isNameList(value))

/** The labels on a line, or undefined when it has none. */
export const readLabels = (original: string, simplified: string): LabelLine | undefined => {
  const slashed = slashCredits(simplified)
  if (slashed) return readLabels(slashed, slashed)
  const matches = labelMatches(simplified)
  if (matches.length === 0) return undefined
  // Conversion keeps one character per character for the text we meet; if it ever did
  // not, the Simplified value is better than a misaligned cut.
  const from = original.length === simplified.length ? original : simplified
  const labels = matches.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length
    const end = matches[i + 1]?.index ?? simplified.length
    return { kind: kindOf.get(m[1]) ?? 'other', value: trimValue(from.slice(start, end)) }
  })
  // `【纠错】 责任编辑：…`, `【我要纠错】 责任编辑：…`: the portal's correction link before the credit.
  const leading = /^[\s\-·•□【[(（]*(?:(?:我要)?纠错[】\]]?\s*)?$/.test(simplified.slice(0, matches[0].index))
  return { labels, leading, before: from.slice(0, matches[0].index) }
}
