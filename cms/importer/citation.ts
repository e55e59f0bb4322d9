import { findDate, findMonth } from './date'

/**
 * The line under a reprinted text naming where it first appeared: `——《江南工运》1998年3月号`,
 * `（原载《江南日报》2005年3月2日）`, `摘自《职工之友》`. The publication is the source; its date
 * dates the page when nothing else does.
 */
export interface Citation {
  source: string
  iso?: string
  /** The citation names only the issue's month (`1998年3月号`): the date is the 1st, to be checked. */
  monthOnly?: boolean
}

const MAX_CHARS = 60
/** Words that say the text was printed elsewhere first. */
const reprinted = /^(?:原载于?|转载自|转自|摘自|选自|刊于|载于|原刊于?)\s*/u
const issueDate = (rest: string): Pick<Citation, 'iso' | 'monthOnly'> => {
  const full = findDate(rest)
  if (full) return { iso: full.iso }
  const month = findMonth(rest)
  return month ? { iso: month, monthOnly: true } : {}
}

/** The citation a line is, or undefined. A dash or a word such as 原载 must introduce the title. */
export const reprintCitation = (line: string): Citation | undefined => {
  let t = line.trim()
  if (t.length > MAX_CHARS) return undefined
  if (/^[(（]/.test(t) && /[)）]$/.test(t)) t = t.slice(1, -1).trim()
  const dashed = /^□?\s*[—－]{1,2}\s*/u.exec(t)
  if (dashed) t = t.slice(dashed[0].length)
  const verb = reprinted.exec(t)
  if (verb) t = t.slice(verb[0].length)
  if ((!dashed && !verb) || !t.startsWith('《')) return undefined
  const close = t.indexOf('》')
  const source = close > 1 ? t.slice(1, close).trim() : ''
  const rest = t.slice(close + 1)
  if (!source || source.length > 24 || source.includes('《') || /[。，！？]/.test(rest) || rest.length > 30) return undefined
  return { source, ...issueDate(rest) }
}
