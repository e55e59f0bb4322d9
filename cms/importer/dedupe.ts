import { BandIndex } from './bands'
import { beijingDay } from './date'
import { toSimplified } from './script'
import { isWebUrl } from './site/url'

/** Text as compared for duplicates: Simplified, without spaces, punctuation or symbols. */
export const comparable = (text: string) => toSimplified(text).replace(/[\s\p{P}\p{S}]+/gu, '')

const fnv = (text: string) => {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

const PERMUTATIONS = 64
// Fixed odd multipliers and offsets: the same text must give the same signature in every run.
const multipliers = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0)
const offsets = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0)

/**
 * A MinHash signature of the page's 3-character shingles: the share of equal positions in
 * two signatures estimates how much of their text two pages share (Jaccard), so a repost
 * with a few words changed is found, and comparing one page with thousands stays cheap.
 */
export const signature = (text: string): Uint32Array => {
  const mins = new Uint32Array(PERMUTATIONS).fill(0xffffffff)
  const seen = new Set<number>()
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const h = fnv(text.slice(i, i + SHINGLE))
    if (seen.has(h)) continue
    seen.add(h)
    for (let p = 0; p < PERMUTATIONS; p++) {
      let x = (Math.imul(h, multipliers[p]) + offsets[p]) | 0
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d)
      x = (x ^ (x >>> 12)) >>> 0
      if (x < mins[p]) mins[p] = x
    }
  }
  return mins
}

const SHINGLE = 3

/** Bodies shorter than this say too little to call two pages the same. */
const MIN_BODY = 80
/** Share of text two pages must have in common to be one article. */
const MIN_SIMILARITY = 0.8
/** The most positions two signatures may differ in and still reach MIN_SIMILARITY. */
const MAX_DIFFERENT = PERMUTATIONS - Math.ceil(MIN_SIMILARITY * PERMUTATIONS)

/** What a body is compared by: its signature, or none when it is too short to tell. */
export const bodySignature = (bodyText: string): Uint32Array | undefined => {
  const body = comparable(bodyText)
  return body.length >= MIN_BODY ? signature(body) : undefined
}

/**
 * What a page is compared by: its title as compared and its body's signature. Made once per
 * page on a parse thread (parseThread.ts): folding and signing a long body held the server's
 * event loop for tens of milliseconds, three times a page.
 */
export interface PageKeys {
  /** `comparable(title)`. */
  title: string
  signature?: Uint32Array
}

export const pageKeys = (title: string, bodyText: string): PageKeys => ({ title: comparable(title), signature: bodySignature(bodyText) })

export interface KnownArticle {
  id?: number | string
  title: string
  publishedAt?: string | null
  /** The file or address it was imported from, if it was. */
  originalUrl?: string | null
  /** Where it came from, for the summary: an earlier file of this batch or an existing article. */
  label: string
}

export interface Duplicate {
  of: KnownArticle
  reason: DuplicateReason
}

export type DuplicateReason = 'same-file' | 'title-date' | 'body'

/** Everything already in the CMS plus what this batch has imported so far. */
export class DuplicateIndex {
  private byTitleDate = new Map<string, KnownArticle>()
  private byOrigin = new Map<string, KnownArticle>()
  /** Signatures end to end in one array, in the order added, beside the article each belongs to (undefined once forgotten). */
  private signatures = new Uint32Array(PERMUTATIONS * 1024)
  private signed: (KnownArticle | undefined)[] = []
  /** Which signatures share a band's values: found by their bands, not by reading every signature (bands.ts). */
  private bands = new BandIndex(PERMUTATIONS, MAX_DIFFERENT)

  private static key = (title: PageKeys['title'], publishedAt: string | null | undefined) => `${title}|${beijingDay(publishedAt)}`

  add(article: KnownArticle, bodyText: string) {
    this.addKeyed(article, pageKeys(article.title, bodyText))
  }

  /** As `add`, with the body's signature already made (`bodySignature`), as the CMS stores it. */
  addSigned(article: KnownArticle, bodySignature: Uint32Array | undefined) {
    this.addKeyed(article, { title: comparable(article.title), signature: bodySignature })
  }

  /** As `add`, with the page's keys already made (`pageKeys`). */
  addKeyed(article: KnownArticle, { title, signature: bodySignature }: PageKeys) {
    const key = DuplicateIndex.key(title, article.publishedAt)
    if (!this.byTitleDate.has(key)) this.byTitleDate.set(key, article)
    if (article.originalUrl && !this.byOrigin.has(article.originalUrl)) this.byOrigin.set(article.originalUrl, article)
    if (!bodySignature) return
    const at = this.signed.length * PERMUTATIONS
    if (at + PERMUTATIONS > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2)
      grown.set(this.signatures)
      this.signatures = grown
    }
    this.signatures.set(bodySignature, at)
    this.bands.add(this.signed.length, bodySignature)
    this.signed.push(article)
  }

  find(title: string, publishedAt: string | null | undefined, bodyText: string, originalUrl?: string): Duplicate | undefined {
    return this.findKeyed(pageKeys(title, bodyText), publishedAt, originalUrl)
  }

  /** As `find`, with the page's keys already made (`pageKeys`). */
  findKeyed(keys: PageKeys, publishedAt: string | null | undefined, originalUrl?: string): Duplicate | undefined {
    const sameFile = originalUrl ? this.byOrigin.get(originalUrl) : undefined
    // A path inside an upload (`news/1.html`) recurs in other sites' archives; only with the
    // same title is it the same page. A web address names one page.
    if (sameFile && (isWebUrl(originalUrl) || comparable(sameFile.title) === keys.title)) return { of: sameFile, reason: 'same-file' }
    const same = this.byTitleDate.get(DuplicateIndex.key(keys.title, publishedAt))
    if (same) return { of: same, reason: 'title-date' }
    const own = keys.signature
    if (!own) return undefined
    const all = this.signatures
    // The earliest known body that is near enough, as reading them all in order would find it.
    let first = -1
    this.bands.candidates(own, (k) => {
      if ((first !== -1 && k >= first) || !this.signed[k]) return
      let different = 0
      for (let p = 0, at = k * PERMUTATIONS; p < PERMUTATIONS && different <= MAX_DIFFERENT; p++, at++) if (all[at] !== own[p]) different++
      if (different <= MAX_DIFFERENT) first = k
    })
    return first === -1 ? undefined : { of: this.signed[first]!, reason: 'body' }
  }

  /** Forgets an article whose write failed, so a later copy of the page is not skipped for it. */
  remove(article: KnownArticle) {
    for (const [key, known] of this.byTitleDate) if (known === article) this.byTitleDate.delete(key)
    for (const [key, known] of this.byOrigin) if (known === article) this.byOrigin.delete(key)
    for (let k = 0; k < this.signed.length; k++) if (this.signed[k] === article) this.signed[k] = undefined
  }

  get size() {
    return this.byTitleDate.size
  }
}
