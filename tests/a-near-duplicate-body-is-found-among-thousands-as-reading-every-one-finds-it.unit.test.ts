import { describe, expect, it } from 'vitest'

import { DuplicateIndex, type KnownArticle } from '../cms/importer/dedupe'

/**
 * The index finds a body by its bands instead of comparing it with every known one
 * (cms/importer/bands.ts). Its answers must be exactly a full comparison's: the earliest
 * known body whose signature differs in at most 12 of its 64 positions (80 % alike).
 */
const POSITIONS = 64
const MOST_DIFFERENT = 12

// A fixed sequence, so a failure repeats.
let state = 20261207
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0
  return state
}
const randomSignature = () => Uint32Array.from({ length: POSITIONS }, random)
/** A copy of `signature` changed at the given positions. */
const changedAt = (signature: Uint32Array, positions: Iterable<number>) => {
  const copy = signature.slice()
  for (const p of positions) copy[p] = copy[p] + 1 + (random() % 1000)
  return copy
}
const distinctPositions = (n: number) => {
  const all = Array.from({ length: POSITIONS }, (_, p) => p)
  for (let i = all.length - 1; i > 0; i--) {
    const j = random() % (i + 1)
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all.slice(0, n)
}

const differentPositions = (a: Uint32Array, b: Uint32Array) => {
  let different = 0
  for (let p = 0; p < POSITIONS; p++) if (a[p] !== b[p]) different++
  return different
}

/** What reading every known body in order finds. */
const firstByFullComparison = (known: { article: KnownArticle; signature: Uint32Array; forgotten: boolean }[], own: Uint32Array) =>
  known.find(({ signature, forgotten }) => !forgotten && differentPositions(signature, own) <= MOST_DIFFERENT)?.article

describe('a near-duplicate body among thousands', () => {
  const known: { article: KnownArticle; signature: Uint32Array; forgotten: boolean }[] = []
  const index = new DuplicateIndex()
  const remember = (signature: Uint32Array) => {
    const article = { title: `已有文章 ${known.length}`, label: `#${known.length}` }
    known.push({ article, signature, forgotten: false })
    index.addKeyed(article, { title: article.title, signature })
  }
  // Enough to grow the index's tables several times over.
  for (let i = 0; i < 6000; i++) remember(randomSignature())
  // Later bodies close to earlier ones: the earliest must be the answer, as in a full scan.
  for (let i = 0; i < 300; i++) remember(changedAt(known[random() % 3000].signature, distinctPositions(1 + (random() % MOST_DIFFERENT))))
  for (let i = 0; i < 200; i++) {
    const k = random() % known.length
    known[k].forgotten = true
    index.remove(known[k].article)
  }

  const probes: { name: string; signature: Uint32Array }[] = []
  const some = () => known[random() % known.length].signature
  for (let i = 0; i < 300; i++) probes.push({ name: 'an exact copy', signature: some().slice() })
  for (let i = 0; i < 600; i++)
    probes.push({ name: 'changed in up to 12 places', signature: changedAt(some(), distinctPositions(random() % (MOST_DIFFERENT + 1))) })
  // 12 changes that leave exactly one stretch of positions whole, wherever it lies: an index
  // that missed any stretch, or cut them wrongly, misses some of these.
  for (let i = 0; i < 600; i++) {
    const kept = random() % (POSITIONS - 5)
    const outside = Array.from({ length: POSITIONS }, (_, p) => p).filter((p) => p < kept || p >= kept + 5)
    const step = outside.length / MOST_DIFFERENT
    probes.push({
      name: '12 changes spread out',
      signature: changedAt(
        some(),
        Array.from({ length: MOST_DIFFERENT }, (_, j) => outside[Math.floor(j * step)]),
      ),
    })
  }
  for (let i = 0; i < 300; i++)
    probes.push({ name: 'changed in 13 places', signature: changedAt(some(), distinctPositions(MOST_DIFFERENT + 1)) })
  for (let i = 0; i < 300; i++) probes.push({ name: 'unrelated', signature: randomSignature() })

  it('finds exactly the known body a full comparison finds, for copies, near copies and unrelated bodies', () => {
    const found = { yes: 0, no: 0 }
    for (const probe of probes) {
      const expected = firstByFullComparison(known, probe.signature)
      const got = index.findKeyed({ title: '另一个标题', signature: probe.signature }, undefined)?.of
      expect(got, probe.name).toBe(expected)
      found[expected ? 'yes' : 'no']++
    }
    // Both answers occur often, or the comparison above would prove little.
    expect(found.yes).toBeGreaterThan(1000)
    expect(found.no).toBeGreaterThan(400)
  })
})
