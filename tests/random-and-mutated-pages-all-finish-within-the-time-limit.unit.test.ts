import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ImportError } from '../cms/importer/errors'
import { createParsePool, type ParsePool } from '../cms/importer/parsePool'

/**
 * A bounded fuzz test: pages made from the project's own fixtures by seeded mutations
 * (slices repeated, tags and labels injected, runs of the characters the rules look for,
 * random bytes, truncation, deep wrapping), each of which must parse or fail with a reason
 * within the time limit: none may time out.
 */
const PAGES = 200
const SEED = 23

const fixtureDirs = ['legacy', 'platforms'].map((d) => path.join(import.meta.dirname, 'fixtures', d))
const fixtures = fixtureDirs.flatMap((d) =>
  fs
    .readdirSync(d)
    .filter((f) => /\.(html?|txt)$/.test(f))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(d, f), 'utf8') })),
)

const random = (seed: number) => {
  let x = seed
  return (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % n
  }
}

/** The characters and fragments the extraction rules react to. */
const fragments = [
  ' ',
  '\u3000',
  '\t',
  '[--',
  '--]',
  '<a',
  '<div>',
  '</div>',
  '<p>',
  '来源：',
  '作者：',
  '摘要：',
  '...',
  '…',
  '|',
  '（',
  '）',
  '原标题：',
  '2024-03-05',
  '2024 年 3 月',
  '记者',
  '\n',
  '。',
  'Zr!7~pQ',
  '<br>',
  '&nbsp;',
  '<script>',
  '<title>',
]

const mutate = (text: string, pick: (n: number) => number): string => {
  const at = () => pick(text.length + 1)
  switch (pick(7)) {
    case 0: {
      // A run of one fragment, up to a few thousand characters.
      const f = fragments[pick(fragments.length)]
      const i = at()
      return text.slice(0, i) + f.repeat(1 + pick(3000 / f.length)) + text.slice(i)
    }
    case 1: {
      // A slice of the page repeated.
      const i = at()
      const slice = text.slice(i, i + 1 + pick(400))
      return text.slice(0, i) + slice.repeat(1 + pick(50)) + text.slice(i)
    }
    case 2: {
      // Random fragments sprinkled over the page.
      let out = text
      for (let k = 0; k < 1 + pick(200); k++) {
        const i = pick(out.length + 1)
        out = out.slice(0, i) + fragments[pick(fragments.length)] + out.slice(i)
      }
      return out
    }
    case 3:
      // Truncated anywhere, even mid-tag.
      return text.slice(0, at())
    case 4: {
      // Random characters (any code point below U+3100, including controls).
      const i = at()
      let junk = ''
      for (let k = 0; k < 1 + pick(2000); k++) junk += String.fromCharCode(pick(0x3100))
      return text.slice(0, i) + junk + text.slice(i)
    }
    case 5: {
      // Wrapped deep in unclosed inline tags.
      const depth = 1 + pick(2000)
      return '<font>'.repeat(depth) + text
    }
    default:
      // A line break after every character of a slice: many short lines.
      return text.replace(text.slice(0, 2000), (s) => s.split('').join('\n'))
  }
}

let dir: string
let pool: ParsePool
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-'))
  pool = createParsePool()
})
afterAll(async () => {
  await pool?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('random and mutated pages', () => {
  it(`every one of ${PAGES} parses or fails with a reason within the time limit`, { timeout: 180_000 }, async () => {
    const pick = random(SEED)
    const files: string[] = []
    for (let n = 0; n < PAGES; n++) {
      const base = fixtures[pick(fixtures.length)]
      let text = base.text
      for (let m = 0; m < 1 + pick(3); m++) text = mutate(text, pick)
      const file = path.join(dir, `${String(n).padStart(3, '0')}-${base.name}`)
      fs.writeFileSync(file, text)
      files.push(file)
    }
    const t0 = performance.now()
    const outcomes: { file: string; ok: boolean; error?: Error }[] = await Promise.all(
      files.map((file) =>
        pool.parse(file).then(
          () => ({ file, ok: true }),
          (error: Error) => ({ file, ok: false, error }),
        ),
      ),
    )
    const seconds = (performance.now() - t0) / 1000
    const timedOut = outcomes.filter((o) => !o.ok && /解析超时/.test(o.error!.message))
    const unexplained = outcomes.filter((o) => !o.ok && !(o.error instanceof ImportError))
    expect(timedOut.map((o) => path.basename(o.file))).toEqual([])
    expect(unexplained.map((o) => `${path.basename(o.file)}: ${o.error!.message}`)).toEqual([])
    // Most mutated pages still read as articles; the bound is loose, the point is "not hung".
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(PAGES / 2)
    expect(seconds).toBeLessThan(120)
  })
})
