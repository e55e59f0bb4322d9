import { datePattern } from './date'

/**
 * Anti-scraping noise: some forums append a short random ASCII string to paragraph ends
 * (`…特色。 E?Zb~xk`) or put one on a line of its own. Chinese body text never ends in a
 * space and a run of ASCII symbols, and never has a short line without a single Han character.
 */
// The character before the tail excludes the ideographic space, which the separator run may
// hold: a class on both sides of the run made the pattern quadratic in a run of them.
const tail = /^(.*[\p{Script=Han}\u3001-\u303f\uff00-\uffef“”‘’…—])[ \t\u00a0\u3000]+([\x21-\x7e][\x20-\x7e]{0,15}?)[ \t\u00a0\u3000]*$/u
const hasHan = /\p{Script=Han}/u
/** Punctuation that words, numbers and URLs do not contain, but random strings do. */
const randomish = /[!"#$&'()*+,:;<=>?@[\\\]^`{|}~]|[a-z][A-Z]|[A-Z][a-z][A-Z]|[a-zA-Z]\d[a-zA-Z]/

const openers: Record<string, string> = { ']': '[', ')': '(', '}': '{' }
/**
 * Tails that are text: a spaced closing bracket whose opener the line holds (`来源：[ 江南工人报 ]`),
 * and the time after a date (`发表于2005年09月07日 9:57 PM`).
 */
const isTextTail = (line: string, tailText: string) => {
  const t = tailText.trim()
  const opener = openers[t]
  return (opener !== undefined && line.includes(opener)) || /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?$/i.test(t)
}

export interface NoiseResult {
  lines: string[]
  removed: number
}

/** Whether a line without Han characters is noise rather than, say, a URL or a number. */
const isNoiseLine = (line: string) => {
  const t = line.trim()
  return t.length > 0 && t.length <= 20 && !hasHan.test(t) && !/^https?:\/\//.test(t) && !datePattern.test(t)
}

/**
 * Removes noise tails and noise lines. On a page that shows the pattern (two or more
 * random-looking tails), every ASCII tail after a Han line is noise; elsewhere only the
 * random-looking ones, so `拨打热线 12351` keeps its number.
 */
export const stripNoise = (input: string[]): NoiseResult => {
  const tails = input.map((line) => {
    const m = tail.exec(line)
    return m && !isTextTail(line, m[2]) ? m : null
  })
  const noisy = tails.filter((m) => m && randomish.test(m[2])).length >= 2
  let removed = 0
  const lines = input.map((line, i) => {
    const m = tails[i]
    if (m && (noisy || randomish.test(m[2]))) {
      removed++
      return m[1]
    }
    if (isNoiseLine(line) && (noisy || randomish.test(line))) {
      removed++
      return ''
    }
    return line
  })
  return { lines, removed }
}

/** For tests and final checks: does any known noise shape survive in this text? */
export const hasNoise = (text: string): boolean =>
  text.split('\n').some((line) => {
    const m = tail.exec(line)
    return (m !== null && randomish.test(m[2])) || (isNoiseLine(line) && randomish.test(line))
  })
