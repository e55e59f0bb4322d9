/**
 * The damage old pages carry, found in a fixture's raw text by shape alone, so importer tests
 * can say "every one of them is gone" from the input instead of copying today's counts.
 */

const tones = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'

/**
 * A broken converter's pinyin after a character, `區(qū)`, or after the `?` a lost character
 * became, `?bào)`. Only toned syllables: `网(web)` is an English aside, not damage.
 */
export const pinyinAnnotations = (text: string): string[] => [
  ...(text.match(new RegExp(`\\p{Script=Han}[(（][a-zü]*[${tones}][a-zü]*[)）]`, 'gu')) ?? []),
  ...(text.match(new RegExp(`[?？][a-zü]*[${tones}][a-zü]*[)）]`, 'gu')) ?? []),
]

/** ASCII symbols that words, dates, numbers and URLs do not use, but random strings do. */
const symbol = /[!"#$%&'*+;<=>?@[\\\]^`{|}~]/
const han = /\p{Script=Han}/u

/**
 * Anti-scraping strings: a run of ASCII after the end of a Chinese line (`…清凉包。 Zr!7~pQ`),
 * or a short line of its own with no Chinese in it (`=K9 x&e`), holding such a symbol.
 */
export const plantedNoise = (text: string): string[] =>
  text.split(/\r?\n/).flatMap((line) => {
    const tail = /[\p{Script=Han}\u3001-\u303f\uff00-\uffef“”]\s+([\x21-\x7e][\x20-\x7e]*)$/u.exec(line.trimEnd())?.[1]
    if (tail && symbol.test(tail)) return [tail]
    const bare = line.trim()
    return bare && bare.length <= 20 && !han.test(bare) && symbol.test(bare) ? [bare] : []
  })
