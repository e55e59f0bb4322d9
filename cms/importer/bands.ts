/**
 * Finds the signatures that may be within `maxDifferent` positions of a given one without
 * reading them all. The positions are cut into `maxDifferent + 1` bands; two signatures that
 * differ in at most `maxDifferent` positions are equal on every position of at least one band
 * (pigeonhole), so every such signature shares a band's values with the one looked up. Exact,
 * not probabilistic: the caller compares the candidates and finds what a full scan finds.
 *
 * A full scan cost 1.5-3 ms of the import's event loop per page at 50k articles and grows
 * with the archive; looking up 13 bands costs microseconds at any size.
 *
 * Each band is a hash table of chains kept in typed arrays (no objects for the garbage
 * collector to trace, which at 200k signatures would be millions of entries).
 */
export class BandIndex {
  private readonly starts: number[]
  /** Per band, the newest signature in each bucket (index + 1; 0 for none). */
  private heads: Int32Array
  private bucketBits = 10
  /** Per signature and band: its band's hash, and the next older signature in the same bucket (index + 1). */
  private hashes = new Uint32Array(0)
  private next = new Int32Array(0)
  private count = 0

  constructor(
    private readonly positions: number,
    maxDifferent: number,
  ) {
    const bands = maxDifferent + 1
    if (bands > positions) throw new Error(`${positions} positions cannot be cut into ${bands} bands`)
    this.starts = Array.from({ length: bands + 1 }, (_, b) => Math.floor((b * positions) / bands))
    this.heads = new Int32Array(bands << this.bucketBits)
  }

  private get bands() {
    return this.starts.length - 1
  }

  private hashOf(signature: ArrayLike<number>, band: number) {
    let h = 2166136261 ^ band
    for (let p = this.starts[band]; p < this.starts[band + 1]; p++) h = Math.imul(h ^ signature[p], 16777619)
    return (h ^ (h >>> 15)) >>> 0
  }

  private link(k: number, band: number) {
    const slot = (band << this.bucketBits) | (this.hashes[k * this.bands + band] & ((1 << this.bucketBits) - 1))
    this.next[k * this.bands + band] = this.heads[slot]
    this.heads[slot] = k + 1
  }

  /** Adds the signature numbered `k`; numbers are given in order from 0. */
  add(k: number, signature: ArrayLike<number>) {
    if (k !== this.count) throw new Error(`signature ${k} added out of order (expected ${this.count})`)
    if (signature.length !== this.positions) throw new Error(`a signature has ${this.positions} positions, not ${signature.length}`)
    const bands = this.bands
    if ((k + 1) * bands > this.hashes.length) {
      const grown = new Uint32Array(Math.max(1024, k * 2) * bands)
      grown.set(this.hashes)
      this.hashes = grown
      const next = new Int32Array(grown.length)
      next.set(this.next)
      this.next = next
    }
    for (let b = 0; b < bands; b++) this.hashes[k * bands + b] = this.hashOf(signature, b)
    this.count++
    // About one signature per bucket: chains stay short as the archive grows.
    if (this.count > 1 << this.bucketBits) this.rehash(this.bucketBits + 1)
    else for (let b = 0; b < bands; b++) this.link(k, b)
  }

  private rehash(bucketBits: number) {
    this.bucketBits = bucketBits
    this.heads = new Int32Array(this.bands << bucketBits)
    for (let k = 0; k < this.count; k++) for (let b = 0; b < this.bands; b++) this.link(k, b)
  }

  /** Calls `visit` with every signature that equals `signature` on all positions of some band (some more than once). */
  candidates(signature: ArrayLike<number>, visit: (k: number) => void) {
    const bands = this.bands
    for (let b = 0; b < bands; b++) {
      const h = this.hashOf(signature, b)
      for (let k = this.heads[(b << this.bucketBits) | (h & ((1 << this.bucketBits) - 1))] - 1; k >= 0; k = this.next[k * bands + b] - 1)
        if (this.hashes[k * bands + b] === h) visit(k)
    }
  }
}
