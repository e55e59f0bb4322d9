/**
 * Opening hours as people read them and as schema.org describes them, for every place the site
 * lists (workers' homes, service locations, phone lines). "Open now" itself lives in openNow.ts.
 */
import { labelOf, weekdays } from '../../content-models/options'
import type { SnapshotHours, SnapshotHoursException } from '../../content-models/snapshot'
import { WEEK, hoursFromText, toMinutes } from './openNow'

const dayLabel = (d: string) => labelOf(weekdays, d)

/**
 * Weekday keys as people say them: 每天, 周一至周五, 周六、周日, 周一、周三. Runs of three or
 * more days become a range; unknown keys and repeats are dropped.
 */
export const formatDays = (days: readonly string[]): string => {
  const sorted = WEEK.filter((d) => days.includes(d))
  if (sorted.length === 7) return '每天'
  const runs: string[][] = []
  for (const day of sorted) {
    const last = runs.at(-1)
    if (last && WEEK.indexOf(day) === WEEK.indexOf(last.at(-1) as (typeof WEEK)[number]) + 1) last.push(day)
    else runs.push([day])
  }
  return runs.map((run) => (run.length >= 3 ? `${dayLabel(run[0]!)}至${dayLabel(run.at(-1)!)}` : run.map(dayLabel).join('、'))).join('、')
}

/** 08:30–17:30; a session past midnight reads 22:00–次日 02:00. */
export const timeText = (opens: string, closes: string): string => {
  const o = toMinutes(opens)
  const c = toMinutes(closes)
  const overnight = o !== undefined && c !== undefined && c <= o
  return `${opens}–${overnight ? '次日 ' : ''}${closes}`
}

/** One opening-hours rule as text, e.g. 周一至周五 08:30–17:30. */
export const formatHours = (h: SnapshotHours): string =>
  `${formatDays(h.days)} ${h.allDay ? '全天开放' : timeText(h.opens ?? '', h.closes ?? '')}`

export interface HoursRow {
  days: string
  times: string
  closed: boolean
}

/**
 * A week of rules as a short table: days with the same hours share a row
 * (周一至周五 08:30–17:30 · 周六 09:00–17:00 · 周日 休息), closed days last.
 */
export const weekRows = (hours: readonly SnapshotHours[]): HoursRow[] => {
  if (hours.length === 0) return []
  const byText = new Map<string, string[]>()
  for (const day of WEEK) {
    const rules = hours.filter((h) => h.days.includes(day))
    let text: string
    if (rules.some((r) => r.allDay)) text = '24 小时'
    else {
      const spans = rules
        .filter((r) => toMinutes(r.opens) !== undefined && toMinutes(r.closes) !== undefined)
        .sort((a, b) => toMinutes(a.opens)! - toMinutes(b.opens)!)
        .map((r) => timeText(r.opens!, r.closes!))
      text = spans.length ? spans.join('、') : '休息'
    }
    byText.set(text, [...(byText.get(text) ?? []), day])
  }
  const rows = [...byText].map(([times, days]) => ({ days: formatDays(days), times, closed: times === '休息' }))
  return [...rows.filter((r) => !r.closed), ...rows.filter((r) => r.closed)]
}

/** Exceptions on or after the build's China date, earliest first: past closures help nobody. */
export const upcomingExceptions = (list: readonly SnapshotHoursException[], now = new Date()): SnapshotHoursException[] => {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  return list.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * What happens on an exception's date, without the date and note (the page shows those):
 * 暂停开放, 09:00–12:00 开放, or 照常开放 for an entry that only carries a note (see openNow.ts).
 */
export const exceptionText = (e: SnapshotHoursException): string =>
  e.closed ? '暂停开放' : e.opens && e.closes ? `${timeText(e.opens, e.closes)} 开放` : '照常开放'

const SCHEMA_DAYS: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

/**
 * schema.org OpeningHoursSpecification entries, exceptions included as dated specifications.
 * A closed date has equal opens and closes (schema.org's convention); an exception that neither
 * closes nor sets times changes nothing and is left out.
 */
export const openingHoursSpecification = (hours: readonly SnapshotHours[], exceptions: readonly SnapshotHoursException[] = []) => [
  ...hours.map((h) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: [...new Set(h.days)].filter((d) => Object.hasOwn(SCHEMA_DAYS, d)).map((d) => `https://schema.org/${SCHEMA_DAYS[d]}`),
    opens: h.allDay ? '00:00' : h.opens,
    closes: h.allDay ? '23:59' : h.closes,
  })),
  ...exceptions
    .filter((e) => e.closed || (e.opens && e.closes))
    .map((e) => ({
      '@type': 'OpeningHoursSpecification',
      validFrom: e.date,
      validThrough: e.date,
      opens: e.closed ? '00:00' : e.opens,
      closes: e.closed ? '00:00' : e.closes,
    })),
]

/** ContactPoint.hoursAvailable from a phone's free-text hours, when the text can be read. */
export const hoursAvailable = (text: string | undefined) => {
  const hours = hoursFromText(text)
  return hours ? openingHoursSpecification(hours) : undefined
}
