import type { Payload } from 'payload'

import { writesAreAtomic } from '../database'

import { bodyText, isImageBlock } from './blocks'
import { DuplicateIndex, type DuplicateReason, type KnownArticle } from './dedupe'
import { addExistingArticles } from './existingArticles'
import { INFERRED_DATE_TAG, inferDate } from './date'
import { ImportError } from './errors'
import { urlDate } from './head'
import { findImageFile, placeImages } from './images'
import type { ParsedPage, ParseOptions } from './parse'
import { createParsePool, type ParsePoolOptions, type ParseResult } from './parsePool'
import { matchRegion, type KnownRegion } from './region'
import { toSimplified } from './script'
import { signedBodyContext } from './storedSignature'
import { analyseFilesWith, relativeNames } from './site/analyseFiles'
import { type SiteAnalysis, skipReason } from './site/classify'
import { originalUrlOf } from './site/url'

export interface ImportOptions {
  /** Recorded on every article (`importBatch`); the CLI defaults it to the start time. */
  batch: string
  /** Publish instead of saving drafts. Pages without a date stay drafts either way. */
  publish?: boolean
  /** Parse and check for duplicates, write nothing. */
  dryRun?: boolean
  onProgress?: (done: number, total: number, file: string) => void
  /** Handed to `parsePage` for every page (plain data: it crosses to the parse threads). */
  parseOptions?: ParseOptions
  /** Parse threads and the time limit per page; the defaults suit the CMS server and the CLI. */
  pool?: Omit<ParsePoolOptions, 'parseOptions'>
  /**
   * The batch read as a site (site/analyseFiles.ts), one page per file in order: which files
   * are articles, the template, each page's place. Made here when absent; the CLI makes it
   * once over all files and passes each part its share.
   */
  site?: SiteAnalysis
  /** The folder the files were imported from, for `originalUrl` when a page names no address of its own. */
  root?: string
}

export type Outcome =
  | {
      file: string
      status: 'imported' | 'would-import'
      id?: number | string
      title: string
      publishedAt?: string
      source?: string
      draft: boolean
      note?: string
      /** The reader that read the page (`Discuz!`, `微信公众号`, `通用`, `文本`, …). */
      platform?: string
      author?: string
      /** The body's first lines, so staff can see at a glance that the right text was taken. */
      firstLines?: string
      /** Images the page shows whose files were not saved beside it (or could not be stored). */
      missingImages?: string[]
    }
  | { file: string; status: 'duplicate'; title: string; of: string; reason: DuplicateReason }
  | { file: string; status: 'failed'; reason: string }
  /** Not an article of its own: a list page, a print or phone copy, a later page (site/classify.ts). */
  | { file: string; status: 'skipped'; reason: string }

export interface ImportSummary {
  batch: string
  outcomes: Outcome[]
  imported: number
  duplicates: number
  /** List pages and copies of other pages of the set. */
  skipped: number
  failed: number
  /** Time the parse threads spent reading and parsing pages (summed over threads), and in total. */
  parseMs: number
  totalMs: number
}

const WRITES_IN_FLIGHT = 4
/**
 * Pages parsed ahead of the one being written, per parse thread: enough that a thread is
 * never idle while the loop waits on the database, few enough that parsed pages do not pile up.
 */
const PARSED_AHEAD_PER_THREAD = 4

const letOthersGo = () => new Promise((resolve) => setImmediate(resolve))

const reasonOf = (error: unknown) =>
  error instanceof ImportError ? error.message : `无法读取：${error instanceof Error ? error.message : String(error)}`

/**
 * Imports saved archive pages as articles through the Local API. Each page is parsed
 * (pure, fast) and then written on its own, so a page that fails is reported and the rest
 * of the batch goes on, and nothing already written is undone. Duplicates are judged
 * against everything in the CMS and everything imported earlier in the same batch.
 */
export const importArchive = async (payload: Payload, files: string[], options: ImportOptions): Promise<ImportSummary> => {
  // Build the conversion dictionaries once, outside the timings (about 60 ms), in a task of their own.
  toSimplified('预热')
  await letOthersGo()
  const started = performance.now()
  let parseMs = 0

  const index = new DuplicateIndex()
  // Read while the parse threads analyse the site.
  const existing = addExistingArticles(payload, index).then(
    () => undefined,
    (error: unknown) => ({ error }),
  )
  const regions: KnownRegion[] = (
    await payload.find({ collection: 'regions', pagination: false, depth: 0, select: { name: true, level: true } })
  ).docs.map((r) => ({ id: r.id, name: toSimplified(r.name), level: r.level }))

  const outcomes: Outcome[] = new Array(files.length)
  let done = 0
  const finish = (i: number, outcome: Outcome) => {
    outcomes[i] = outcome
    options.onProgress?.(++done, files.length, outcome.file)
  }
  // One media document per image file in a batch, however many pages show it.
  const media = new Map<string, Promise<number | string | undefined>>()
  // SQLite serialises writes, but a few in flight overlap Payload's hooks with the disk. On a
  // MongoDB replica set each create is a transaction, and two at once can fail on a write
  // conflict that Payload does not retry (a page lost to a race): there, one at a time.
  const writing = new Set<Promise<void>>()
  const writesInFlight = payload.db.name === 'mongoose' && writesAreAtomic(payload) ? 1 : WRITES_IN_FLIGHT

  const pool = createParsePool({ ...options.pool, parseOptions: options.parseOptions })
  const ahead = PARSED_AHEAD_PER_THREAD * pool.size
  // Settled results, never rejections, so a page failing ahead of the loop is not an unhandled rejection.
  const parsed: (Promise<ParseResult | { error: unknown }> | undefined)[] = new Array(files.length)
  let requested = 0
  const requestUpTo = (end: number) => {
    for (; requested < Math.min(end, files.length); requested++)
      parsed[requested] = skipReason(site.pages[requested].verdict)
        ? Promise.resolve({ error: undefined })
        : pool.parse(files[requested], parseOptions).catch((error: unknown) => ({ error }))
  }

  let site: SiteAnalysis
  let parseOptions: ParseOptions
  try {
    // A first pass over the whole batch, on the parse threads: which pages are articles, and the site's template.
    const t1 = performance.now()
    site = options.site ?? (await analyseFilesWith(files, relativeNames(files, options.root), pool.features, { inFlight: ahead }))
    parseMs += performance.now() - t1
    parseOptions = { ...options.parseOptions, boilerplate: site.template }
    const failed = await existing
    if (failed) throw failed.error
  } catch (error) {
    await existing
    await pool.close()
    throw error
  }

  try {
    for (const [i, file] of files.entries()) {
      // Parsed pages and finished writes resolve as microtasks, which run before any other
      // request: without a turn of the event loop here the whole batch ran as one task.
      await letOthersGo()
      requestUpTo(i + ahead)
      const place = site.pages[i]
      const skipped = skipReason(place.verdict)
      if (skipped) {
        parsed[i] = undefined
        finish(i, { file, status: 'skipped', reason: skipped })
        continue
      }
      const read = await parsed[i]!
      parsed[i] = undefined
      if ('error' in read) {
        finish(i, { file, status: 'failed', reason: reasonOf(read.error) })
        continue
      }
      parseMs += read.ms
      const page: ParsedPage = read.page

      const text = bodyText(page.blocks)
      // Never the path on this machine: the public article page shows 原文出处.
      const originalUrl = originalUrlOf({
        named: place.addressShared ? undefined : page.url,
        relativePath: place.path,
        mirrored: place.mirrored,
      })
      // A page that prints no date may still carry it in its address (`/a/xinwen/2019/0312/123.html`).
      const dated = page.publishedAt ?? urlDate(originalUrl)
      const duplicate = index.findKeyed(read.keys, dated, originalUrl)
      if (duplicate) {
        finish(i, { file, status: 'duplicate', title: page.title, of: duplicate.of.label, reason: duplicate.reason })
        continue
      }

      const inferred = dated ? undefined : inferDate(page.title, text)
      const publishedAt = dated ?? inferred?.iso
      const tags = inferred ? [...page.tags, INFERRED_DATE_TAG] : page.tags
      const draft = !options.publish || !publishedAt
      const note = inferred
        ? `页面没有发布日期，按${inferred.basis}推断，已加标签“${INFERRED_DATE_TAG}”`
        : options.publish && !publishedAt
          ? '页面没有发布日期，已保留为草稿，请补上日期后发布'
          : undefined
      const region = regions.length ? matchRegion(toSimplified(page.title), toSimplified(text), regions) : undefined
      const known: KnownArticle = { title: page.title, publishedAt: dated, originalUrl, label: `本批次的 ${file}` }
      // Indexed before the write lands, so a copy later in this batch is caught even while
      // the original is still being saved.
      index.addKeyed(known, read.keys)
      const firstLines = text.split('\n').slice(0, 2).join(' ').slice(0, 120)
      const result = {
        file,
        title: page.title,
        publishedAt,
        source: page.source,
        author: page.author,
        draft,
        note,
        platform: page.platform,
        firstLines,
      }

      if (options.dryRun) {
        const missingImages = page.blocks.flatMap((b) => (isImageBlock(b) && !findImageFile(file, b.image) ? [b.image.sources[0]] : []))
        finish(i, { ...result, status: 'would-import', ...(missingImages.length ? { missingImages } : {}) })
        continue
      }
      let missingImages: string[] = []
      const write = placeImages(payload, file, page.title, page.blocks, media)
        .then(async (placed) => {
          missingImages = placed.missing
          // A turn of the event loop between this page's checks and its write: the SQLite
          // adapter answers synchronously, so a create and the work before it ran as one task.
          await letOthersGo()
          return payload.create({
            collection: 'articles',
            draft,
            data: {
              title: page.title,
              summary: page.summary,
              body: placed.body as never,
              cover: placed.cover as number | undefined,
              source: page.source,
              author: page.author,
              responsibleEditor: page.responsibleEditor,
              tags: tags.length ? tags : undefined,
              originalUrl,
              importBatch: options.batch,
              script: page.script,
              publishedAt,
              region: region?.id as number | undefined,
              _status: draft ? 'draft' : 'published',
            },
            // Signed on the parse thread from the same text (placeImages adds only images, which have none).
            context: { importing: true, ...signedBodyContext(read.keys.signature) },
          })
        })
        .then(
          (doc) => finish(i, { ...result, status: 'imported', id: doc.id, ...(missingImages.length ? { missingImages } : {}) }),
          (error: unknown) => {
            index.remove(known)
            finish(i, { file, status: 'failed', reason: `保存失败：${error instanceof Error ? error.message : String(error)}` })
          },
        )
      const tracked: Promise<void> = write.finally(() => writing.delete(tracked))
      writing.add(tracked)
      if (writing.size >= writesInFlight) await Promise.race(writing)
    }
    await Promise.all(writing)
  } finally {
    await pool.close()
  }

  const count = (status: Outcome['status'][]) => outcomes.filter((o) => status.includes(o.status)).length
  return {
    batch: options.batch,
    outcomes,
    imported: count(['imported', 'would-import']),
    duplicates: count(['duplicate']),
    skipped: count(['skipped']),
    failed: count(['failed']),
    parseMs,
    totalMs: performance.now() - started,
  }
}
