import { sourceName } from '../byline'
import { findDate } from '../date'
import { readLabels } from '../labels'
import type { PageMeta } from '../lines'
import { toSimplified } from '../script'

/** `【字体：大 中 小】【打印本页】【关闭窗口】`, `[打印] [关闭]`: tools printed in the info bar. */
const tools = /[【[]\s*(?:字体|字号|打印|关闭|收藏|分享|返回|纠错|大|中|小)[^】\]]{0,20}[】\]]/g
const counters = /(?:浏览次数|阅读次数|点击数|点击率|浏览量|阅读量|访问量|浏览|阅读|点击|人气|评论)\s*[:：]?\s*\d*\s*次?/g

/**
 * The fields of an article's info bar (`发布时间：2023-05-12 来源：<span>…</span> 浏览次数：639
 * 【字体：大 中 小】`), read as a whole line after the tools and counters are cut out, so a
 * value never runs into the next label.
 */
export const infoFields = (raw: string): Partial<PageMeta> => {
  const text = raw.replace(tools, ' ').replace(counters, ' ').replace(/\s+/g, ' ').trim()
  const simplified = toSimplified(text)
  const out: Partial<PageMeta> = {}
  const labels = readLabels(text, simplified)
  for (const { kind, value } of labels?.labels ?? []) {
    // Cut at the first date after a space (the spaces before it go with the trim).
    const date = /\s(?:19|20)\d{2}[-/.年]/.exec(value)
    const v = (date ? value.slice(0, date.index) : value).trim()
    if (!v) continue
    if (kind === 'source') out.source ??= sourceName(v)
    else if (kind === 'author') out.author ??= v
    else if (kind === 'editor') out.editor ??= v
    else if (kind === 'date') out.date ??= findDate(value)?.iso
  }
  if (!/注册时间|最后登录/.test(simplified)) out.date ??= findDate(simplified)?.iso
  return out
}
