/**
 * A small seeded PRNG (mulberry32) so the synthetic corpus is the same on every machine and
 * every run. Each document draws from its own stream (`new Random(`${seed}:article:${i}`)`),
 * so inserting with several writes in flight, or adding a field to one generator, never
 * changes the text of the others.
 */
const hashSeed = (seed: string): number => {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  return (h ^ (h >>> 16)) >>> 0
}

export class Random {
  private state: number

  constructor(seed: string) {
    this.state = hashSeed(seed)
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Random.pick on an empty list')
    return list[Math.floor(this.next() * list.length)]!
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, Math.max(0, count))
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let x = this.next() * total
    for (const [value, weight] of entries) {
      x -= weight
      if (x < 0) return value
    }
    return entries[entries.length - 1]![0]
  }

  /** Roughly bell-shaped in [min, max] (mean of three uniforms), for lengths and counts. */
  bell(min: number, max: number): number {
    return Math.round(min + ((this.next() + this.next() + this.next()) / 3) * (max - min))
  }
}
