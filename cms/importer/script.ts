import * as OpenCC from 'opencc-js'

export type Script = 'simplified' | 'traditional'

let converter: ((text: string) => string) | undefined

/** Traditional (including Taiwan variants) to Simplified; built once, it takes ~10 ms. */
export const toSimplified = (text: string): string => {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' })
  return converter(text)
}

const han = /\p{Script=Han}/u
const isTraditionalChar = new Map<string, boolean>()

/**
 * A page is Traditional when a noticeable share of its Han characters have a Simplified
 * form. Simplified text has almost none; Traditional news text about a quarter. The
 * threshold leaves room for the odd Traditional name quoted in a Simplified article.
 */
export const detectScript = (text: string): Script => {
  let total = 0
  let traditional = 0
  for (const ch of text) {
    if (!han.test(ch)) continue
    total++
    if (isTraditional(ch)) traditional++
  }
  return total > 0 && traditional / total > 0.05 ? 'traditional' : 'simplified'
}

/** Whether one character is a Traditional form (its Simplified form differs). */
export const isTraditional = (ch: string): boolean => {
  let known = isTraditionalChar.get(ch)
  if (known === undefined) {
    known = toSimplified(ch) !== ch
    isTraditionalChar.set(ch, known)
  }
  return known
}
