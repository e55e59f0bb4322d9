import { weekdays } from '../../content-models/options'
import type { SnapshotHours, SnapshotHoursException } from '../../content-models/snapshot'

const order: string[] = weekdays.map((d) => d.value)
const schemaDays: Record<string, string> = {
  mon: 'https://schema.org/Monday',
  tue: 'https://schema.org/Tuesday',
  wed: 'https://schema.org/Wednesday',
  thu: 'https://schema.org/Thursday',
  fri: 'https://schema.org/Friday',
  sat: 'https://schema.org/Saturday',
  sun: 'https://schema.org/Sunday',
}

/** Weekday keys as people say them: runs of three or more become 周一至周五, others are listed. */
export const formatDays = (days: readonly string[]): string => {
  const sorted = [...new Set(days)].filter((d) => order.includes(d)).sort((a, b) => order.indexOf(a) - order.indexOf(b))
  if (sorted.length === 7) return '每天'
  const runs: string[][] = []
  for (const day of sorted) {
    const last = runs.at(-1)
    if (last && order.indexOf(day) === order.indexOf(last.at(-1)!) + 1) last.push(day)
    else runs.push([day])
  }
  const label = (d: string) => weekdays.find((w) => w.value === d)?.label ?? d
  return runs
    .map((run) => (run.length >= 3 ? `${label(run[0]!)}至${label(run.at(-1)!)}` : run.map(label).join('、')))
    .join('、')
}

/** One opening-hours row as text, e.g. 周一至周五 08:30–17:30. */
export const formatHours = (h: SnapshotHours): string =>
  `${formatDays(h.days)} ${h.allDay ? '全天开放' : `${h.opens ?? ''}–${h.closes ?? ''}`}`

/** Exceptions on or after today (Beijing date at build time), earliest first. */
export const upcomingExceptions = (list: readonly SnapshotHoursException[], now = new Date()): SnapshotHoursException[] => {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  return list.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date))
}

export const formatException = (e: SnapshotHoursException): string =>
  `${e.date} ${e.closed ? '闭馆' : `${e.opens ?? ''}–${e.closes ?? ''}`}${e.note ? `（${e.note}）` : ''}`

/** schema.org OpeningHoursSpecification entries, exceptions included as dated specifications. */
export const openingHoursSpecification = (hours: readonly SnapshotHours[], exceptions: readonly SnapshotHoursException[] = []) => [
  ...hours.map((h) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: h.days.map((d) => schemaDays[d]).filter(Boolean),
    opens: h.allDay ? '00:00' : h.opens,
    closes: h.allDay ? '23:59' : h.closes,
  })),
  ...exceptions.map((e) => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: e.date,
    validThrough: e.date,
    // schema.org marks a closed day by equal opening and closing times.
    opens: e.closed ? '00:00' : e.opens,
    closes: e.closed ? '00:00' : e.closes,
  })),
]
