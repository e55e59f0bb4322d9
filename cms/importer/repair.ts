import { isTraditional } from './script'

/**
 * A broken Traditional-Chinese converter that some portals ran wrote the pinyin of every
 * converted character after it: `區(qū)`, `會(huì)`. Where the page was later saved in an
 * encoding without the character, the character and the opening bracket became `?`:
 * `?bào)`. We drop the annotations and put lost characters back from the same page's own
 * annotated pairs, or from the few unambiguous ones below.
 */
const tone = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ'
const syllable = `[a-zü]{0,5}[${tone}][a-zü]{0,4}`
const annotated = new RegExp(`(\\p{Script=Han})[(（](${syllable}|[a-z]{1,6})[)）]`, 'gu')
const toned = new RegExp(`[${tone}]`)
const lost = new RegExp(`[?\\ufffd？](${syllable})[)）]`, 'gu')

/** Characters a news page loses most often, where one Traditional form is the only likely one. */
const common: Record<string, string> = {
  bào: '報',
  huì: '會',
  qū: '區',
  dòng: '動',
  yè: '業',
  wù: '務',
  lián: '聯',
  gè: '個',
  diǎn: '點',
  guó: '國',
  xué: '學',
  jìn: '進',
  guān: '關',
  xié: '協',
  zhí: '職',
  wèi: '衛',
  tǐ: '體',
  xiàn: '縣',
  zhèn: '鎮',
}

export interface Repaired {
  text: string
  /** Annotations removed and lost characters restored. */
  repaired: number
  /** Lost characters that could not be restored and were dropped. */
  unresolved: number
}

export const repairPinyin = (text: string): Repaired => {
  if (!text.includes(')') && !text.includes('）')) return { text, repaired: 0, unresolved: 0 }
  const seen = new Map<string, string>()
  let repaired = 0
  let out = text.replace(annotated, (match, ch: string, pinyin: string) => {
    // Toneless syllables (`們(men)`) count only after a Traditional form, so an English
    // aside such as `网(web)` survives.
    if (!toned.test(pinyin) && !isTraditional(ch)) return match
    if (!seen.has(pinyin)) seen.set(pinyin, ch)
    repaired++
    return ch
  })
  let unresolved = 0
  out = out.replace(lost, (_match, pinyin: string) => {
    const ch = seen.get(pinyin) || common[pinyin]
    if (ch) repaired++
    else unresolved++
    return ch ?? ''
  })
  return { text: out, repaired, unresolved }
}
