import type { SnapshotArticle } from '../../content-models/snapshot'
import { archiveUrl } from '../routes'
import { month, year } from './format'

export interface ArchiveMonth {
  year: number
  month: number
  /** Two-digit month for URLs: /news/archive/2024/05/. */
  mm: string
  articles: SnapshotArticle[]
}

export interface ArchiveYear {
  year: number
  articles: SnapshotArticle[]
  /** Months that have news, newest first. */
  months: ArchiveMonth[]
}

/** News grouped by Beijing year and month, newest first; articles keep their (newest-first) order. */
export const archiveOf = (articles: readonly SnapshotArticle[]): ArchiveYear[] => {
  const years = new Map<number, ArchiveYear>()
  for (const a of articles) {
    const y = year(a.publishedAt)
    const m = month(a.publishedAt)
    const entry = years.get(y) ?? { year: y, articles: [], months: [] }
    years.set(y, entry)
    entry.articles.push(a)
    let mEntry = entry.months.find((x) => x.month === m)
    if (!mEntry) entry.months.push((mEntry = { year: y, month: m, mm: String(m).padStart(2, '0'), articles: [] }))
    mEntry.articles.push(a)
  }
  const list = [...years.values()].sort((a, b) => b.year - a.year)
  for (const y of list) y.months.sort((a, b) => b.month - a.month)
  return list
}

export const yearHref = (y: number) => archiveUrl(y)
export const monthHref = (m: Pick<ArchiveMonth, 'year' | 'mm'>) => archiveUrl(m.year, m.mm)
