/**
 * Pages shaped to make a parser work super-linearly (issue 23): each was measured holding
 * the CMS for seconds to minutes before parsing moved to threads and the rules were rewritten.
 * Built here rather than stored, so the sizes can be turned up or down.
 */
export interface HostilePage {
  name: string
  bytes: Buffer
}

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)

/** A text page whose header and body hold one long line of `line`. */
const textPage = (name: string, line: string): HostilePage => ({
  name,
  bytes: Buffer.from(`职工书屋开放\n2024-03-05 来源：江南工人报\n${line}\n职工书屋今天开放，欢迎大家来读书。\n`),
})

export const hostileLines = (chars: number): HostilePage[] => {
  const spaces = ' '.repeat(chars)
  return [
    // bracketTitle `[-- … --]`: lazy `.+?` between two `\s*` over a run of spaces is cubic.
    textPage(`bracket-${chars}.txt`, `[--${spaces}x`),
    textPage(`brackets-${chars}.txt`, repeat('[--', chars)),
    // A summary cut with an ellipsis: `\s+\S{0,12}\s*(?:\.{3,}|…+)$` over spaces is cubic.
    textPage(`summary-${chars}.txt`, `摘要：a${spaces}x`),
    textPage(`summary-dots-${chars}.txt`, `摘要：a${repeat(' ...', chars)}x`),
    // The tag strip: every `<a` scanned to the line's end for a `>`.
    textPage(`open-tags-${chars}.txt`, repeat('<a', chars)),
    textPage(`open-tags-spaced-${chars}.txt`, repeat('<a ', chars)),
    // Labels: a line of labels, and a label whose value is a long run of separators.
    textPage(`labels-${chars}.txt`, repeat('来源：', chars)),
    textPage(`labels-spaced-${chars}.txt`, repeat(' 来源：', chars)),
    textPage(`label-value-${chars}.txt`, `来源：a${repeat(' |', chars)}x`),
    // Dates, bylines and noise tails: spaces between the parts a rule looks for.
    textPage(`date-spaces-${chars}.txt`, `2024${spaces}x`),
    textPage(`byline-${chars}.txt`, `记者${spaces}x`),
    textPage(`noise-tail-${chars}.txt`, `工会${'\u3000'.repeat(chars)}x`),
    // Paragraphs that end mid-sentence and are joined, each join re-reading the whole text.
    { name: `joins-${chars}.txt`, bytes: Buffer.from(`职工书屋开放\n2024-03-05\n${repeat('职工书屋        \n', chars * 4)}`) },
  ]
}

/** `<div>` nested `depth` deep around one paragraph. */
export const nestedDivs = (depth: number): HostilePage => ({
  name: `nested-${depth}.html`,
  bytes: Buffer.from(
    `<html><head><title>职工书屋开放</title></head><body>${'<div>'.repeat(depth)}<p>职工书屋今天开放，欢迎大家来读书。</p>${'</div>'.repeat(depth)}</body></html>`,
  ),
})

/** A page of at least `bytes` bytes of ordinary paragraphs. */
export const hugePage = (bytes: number): HostilePage => {
  const paragraph = '<p>职工书屋今天开放，欢迎大家来读书，书屋里有两千多册图书。</p>\n'
  const count = Math.ceil(bytes / Buffer.byteLength(paragraph))
  return {
    name: `huge-${bytes}.html`,
    bytes: Buffer.from(`<html><head><title>职工书屋开放</title></head><body>${paragraph.repeat(count)}</body></html>`),
  }
}

/** Bytes from a fixed seed: reproducible "random" data. */
export const seededBytes = (length: number, seed: number): Buffer => {
  const out = Buffer.alloc(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

export const binaryFile = (): HostilePage => ({ name: 'binary.html', bytes: seededBytes(64 * 1024, 23) })
