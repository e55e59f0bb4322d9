import { readLabels } from './labels'

/**
 * Dates as old Chinese sites print them: `2017/5/23 13:22:57`, `2014-10-29 20:06`,
 * `2015年3月5日`, `2021.09.01`. Times are Beijing time; a date without a time is stored at
 * 09:00 Beijing time, like the sample content, so it shows on the same day in any zone.
 */
export const datePattern =
  /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/

export interface FoundDate {
  /** ISO 8601 in UTC. */
  iso: string
  /** The matched text, so callers can see how much of a line the date is. */
  match: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * `9/17/2004 5:54:13 AM`: the month first and a 12-hour clock, as ASP pages on servers set to
 * US English printed `Now()`. Only with a four-digit year; `9/12/05` is left alone.
 */
const usDatePattern = /(?<!\d)(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP]M))?)?/i

/** Year, month, day, hour, minute, second of the first date a text gives, in either order. */
const dateParts = (text: string): { parts: number[]; match: string } | undefined => {
  const m = datePattern.exec(text)
  if (m) {
    // `2005年09月07日 9:57 PM`: a 12-hour clock after a Chinese date.
    const pm = m[4] !== undefined && Number(m[4]) < 12 && /^\s*PM/i.test(text.slice(m.index + m[0].length))
    const time = m[4] === undefined ? [9, 0, 0] : [Number(m[4]) + (pm ? 12 : 0), Number(m[5]), Number(m[6] ?? 0)]
    return { parts: [Number(m[1]), Number(m[2]), Number(m[3]), ...time], match: m[0] }
  }
  const us = usDatePattern.exec(text)
  if (!us) return undefined
  const hour12 = Number(us[4])
  const hour = us[4] === undefined ? 9 : us[7] ? (hour12 % 12) + (us[7].toUpperCase() === 'PM' ? 12 : 0) : hour12
  const time = us[4] === undefined ? [9, 0, 0] : [hour, Number(us[5]), Number(us[6] ?? 0)]
  return { parts: [Number(us[3]), Number(us[1]), Number(us[2]), ...time], match: us[0] }
}

export const findDate = (text: string): FoundDate | undefined => {
  const found = dateParts(text)
  if (!found) return undefined
  const [year, month, day, hour, minute, second] = found.parts
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  const date = new Date(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`)
  if (Number.isNaN(date.getTime())) return undefined
  // 2021-02-30 rolls over into March; a date that moved was not a date.
  const beijing = new Date(date.getTime() + 8 * 3600_000)
  if (beijing.getUTCMonth() + 1 !== month || beijing.getUTCDate() !== day) return undefined
  return { iso: date.toISOString(), match: found.match }
}

/**
 * `2003年5月`, `1998年3月号`: a date that names only its month, as reports and magazine issues
 * print it; the 1st of the month at 09:00 Beijing time, for staff to check (INFERRED_DATE_TAG).
 */
export const findMonth = (text: string): string | undefined => {
  const m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/.exec(text)
  const month = m ? Number(m[2]) : 0
  return m && month >= 1 && month <= 12 ? new Date(`${m[1]}-${m[2].padStart(2, '0')}-01T09:00:00+08:00`).toISOString() : undefined
}

/**
 * `时间：2019-09-24 17:08`, `发布日期：2021-04-28 浏览次数：12`: a labelled date on a line of its
 * own, which institutional templates and blogs print under the article rather than beside the headline.
 */
export const closingDateline = (text: string): boolean => {
  // `[点击此处收藏本文] 发表于2005年09月07日 11:57 AM`: a blog's tool link before the line.
  const t = text.trim().replace(/^[[【][^[\]【】]{1,12}[\]】]\s*/u, '')
  if (t.length > 60) return false
  // `发表于 2004年12月27日 12:40 - (阅读:3727)`, `posted on 2008-03-01 09:12 林晓燕`: a blog's line under its post.
  if (/^(?:发表于|发布于|posted on)\s*(?:19|20)\d{2}/i.test(t)) return !!findDate(t)
  const labels = readLabels(t, t)
  return (
    !!labels?.leading &&
    labels.labels.some((l) => l.kind === 'date' && !!findDate(l.value)) &&
    labels.labels.every((l) => l.kind === 'date' || l.kind === 'other' || l.kind === 'source' || l.kind === 'author')
  )
}

/** The Beijing calendar day of an ISO date, for "same title and date" comparisons. */
export const beijingDay = (iso: string | null | undefined): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : ''

export interface InferredDate {
  iso: string
  /** Where it came from, for the import summary. */
  basis: string
}

/**
 * For pages that print no date: the latest full date the text mentions (not in the future),
 * else 31 December of a year the title names ("2015年工作总结"). Old annual reports and
 * round-ups are often undated; a plausible, clearly flagged date keeps them findable in the
 * archive instead of stuck as drafts.
 */
export const inferDate = (title: string, text: string, now = new Date()): InferredDate | undefined => {
  const global = new RegExp(datePattern.source, 'g')
  const mentioned = [...text.matchAll(global)]
    .map((m) => findDate(m[0]))
    .filter((d): d is FoundDate => d !== undefined && new Date(d.iso) <= now)
    .sort((a, b) => b.iso.localeCompare(a.iso))[0]
  if (mentioned) return { iso: mentioned.iso, basis: `正文提到的最晚日期 ${mentioned.match}` }
  const year = title.match(/((?:19|20)\d{2})\s*年/)?.[1]
  if (year && Number(year) <= now.getFullYear()) {
    return { iso: new Date(`${year}-12-31T09:00:00+08:00`).toISOString(), basis: `标题中的年份 ${year}年` }
  }
  return undefined
}

/** Tag put on articles whose date was inferred, so staff can find and check them. */
export const INFERRED_DATE_TAG = '日期待核实'
