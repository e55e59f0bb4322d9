/**
 * "Is it open now?" for opening hours stored as weekday rules plus dated exceptions, always
 * answered in China time (UTC+8, no daylight saving) whatever the device's time zone.
 *
 * Pure and dependency-free: the directory island runs it in the browser, pages run it at build
 * time, tests run it with a fixed clock.
 *
 * Rules:
 * - A session belongs to the day it starts. `closes` at or before `opens` (22:00–02:00) runs
 *   past midnight into the next day; `closes` 24:00 means midnight.
 * - An exception replaces the regular rules for its date: `closed` closes the whole date,
 *   special `opens`/`closes` replace that day's sessions. An exception that is neither closed
 *   nor has times only carries a note; the regular rules apply. Because sessions belong to
 *   their start day, a closure on date D does not cut short a session that began on D-1.
 * - No rules at all (and no exception for the day) is "unknown", not "closed": the page says
 *   to call rather than claiming the place is shut.
 */
import type { SnapshotHours, SnapshotHoursException } from '../../content-models/snapshot'

export type OpenState = 'open' | 'closed' | 'unknown'

export type WeekdayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

/** Monday-first, the order Chinese timetables use. */
export const WEEK: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const BY_UTC_DAY: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const CHINA_OFFSET_MS = 8 * 3600_000
const DAY = 1440

export interface ChinaClock {
  /** YYYY-MM-DD in China. */
  date: string
  weekday: WeekdayKey
  /** Minutes since China midnight. */
  minutes: number
}

export const chinaClock = (at: Date): ChinaClock => {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS)
  return { date: t.toISOString().slice(0, 10), weekday: BY_UTC_DAY[t.getUTCDay()]!, minutes: t.getUTCHours() * 60 + t.getUTCMinutes() }
}

/** "08:30" → 510; "24:00" → 1440; anything else → undefined. */
export const toMinutes = (hhmm: string | undefined): number | undefined => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm?.trim() ?? '')
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined
  return h * 60 + min
}

interface Session {
  start: number
  /** Minutes from the start day's midnight; above 1440 when the session runs past midnight. */
  end: number
}

const span = (opens: number, closes: number): Session => ({ start: opens, end: closes <= opens ? closes + DAY : closes })

/**
 * The sessions that start on a date, or undefined when nothing is known about that date.
 */
const sessionsOn = (
  day: ChinaClock,
  hours: readonly SnapshotHours[],
  exceptions: readonly SnapshotHoursException[],
): Session[] | undefined => {
  const exception = exceptions.find((e) => e.date === day.date)
  if (exception?.closed) return []
  if (exception) {
    const opens = toMinutes(exception.opens)
    const closes = toMinutes(exception.closes)
    if (opens !== undefined && closes !== undefined) return [span(opens, closes)]
  }
  if (hours.length === 0) return undefined
  const sessions: Session[] = []
  for (const rule of hours) {
    if (!rule.days.includes(day.weekday)) continue
    if (rule.allDay) {
      sessions.push({ start: 0, end: DAY })
      continue
    }
    const opens = toMinutes(rule.opens)
    const closes = toMinutes(rule.closes)
    if (opens !== undefined && closes !== undefined) sessions.push(span(opens, closes))
  }
  return sessions
}

/** Open, closed or unknown at `at`, in China time. */
export const openState = (hours: readonly SnapshotHours[], exceptions: readonly SnapshotHoursException[], at: Date): OpenState => {
  const today = chinaClock(at)
  const yesterday = chinaClock(new Date(at.getTime() - DAY * 60_000))
  const todays = sessionsOn(today, hours, exceptions)
  const carried = sessionsOn(yesterday, hours, exceptions)
  if (todays === undefined && carried === undefined) return 'unknown'
  const m = today.minutes
  if (todays?.some((s) => s.start <= m && m < s.end)) return 'open'
  if (carried?.some((s) => s.end > DAY && m + DAY < s.end)) return 'open'
  // Yesterday known but today not (no rules, only an old exception): still unknown for today.
  return todays === undefined ? 'unknown' : 'closed'
}

export const isOpenAt = (hours: readonly SnapshotHours[], exceptions: readonly SnapshotHoursException[], at: Date): boolean =>
  openState(hours, exceptions, at) === 'open'

const CN_DAY: Record<string, WeekdayKey> = {
  一: 'mon',
  二: 'tue',
  三: 'wed',
  四: 'thu',
  五: 'fri',
  六: 'sat',
  日: 'sun',
  天: 'sun',
  七: 'sun',
}

const dayRange = (from: WeekdayKey, to: WeekdayKey): WeekdayKey[] => {
  const a = WEEK.indexOf(from)
  const b = WEEK.indexOf(to)
  return a <= b ? WEEK.slice(a, b + 1) : [...WEEK.slice(a), ...WEEK.slice(0, b + 1)]
}

/**
 * Reads the free-text hours staff write beside a phone number ("24 小时", "工作日 8:30-17:00",
 * "每天 7:00-21:00", "周一至周六 9:00-12:00、14:00-17:00") into weekday rules, so "open now" can
 * cover hotlines too. Returns undefined when the text does not say which days — a guess would
 * tell a worker a line is staffed when it is not.
 */
export const hoursFromText = (text: string | undefined): SnapshotHours[] | undefined => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!t) return undefined
  if (/24\s*小时|全天候?|7\s*[×x*]\s*24/.test(t)) return [{ days: [...WEEK], allDay: true }]
  let days: WeekdayKey[] | undefined
  const range = /(?:周|星期)([一二三四五六日天七])\s*(?:至|到|-|–|—|~)\s*(?:周|星期)?([一二三四五六日天七])/.exec(t)
  if (range) days = dayRange(CN_DAY[range[1]!]!, CN_DAY[range[2]!]!)
  else if (/工作日/.test(t)) days = ['mon', 'tue', 'wed', 'thu', 'fri']
  else if (/每天|每日|全年|天天/.test(t)) days = [...WEEK]
  else if (/周末|双休日/.test(t)) days = ['sat', 'sun']
  else {
    const listed = [...t.matchAll(/(?:周|星期)([一二三四五六日天七])/g)].map((m) => CN_DAY[m[1]!]!)
    if (listed.length) days = [...new Set(listed)]
  }
  if (!days) return undefined
  const times = [...t.matchAll(/(\d{1,2}[:：]\d{2})\s*(?:-|–|—|~|至|到)\s*(\d{1,2}[:：]\d{2})/g)]
  const rules = times
    .map((m) => ({ opens: m[1]!.replace('：', ':').padStart(5, '0'), closes: m[2]!.replace('：', ':').padStart(5, '0') }))
    .filter((r) => toMinutes(r.opens) !== undefined && toMinutes(r.closes) !== undefined)
    .map((r) => ({ days: [...days!], allDay: false, ...r }))
  return rules.length ? rules : undefined
}
