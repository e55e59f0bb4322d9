import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'

import { z } from 'zod'

import { applyUpdate, type SnapshotUpdate } from '../content-models/changes'
import { processSlot } from '../content-models/processState'
import { contentSnapshotSchema, SNAPSHOT_VERSION, type ContentSnapshot } from '../content-models/snapshot'

/**
 * The one reader and writer of the content snapshot (`<dir>/content.json`, images in
 * `<dir>/media/`). Reads are checked against the schema in content-models/snapshot.ts and kept
 * in one cache per process, keyed by the file's stamp, so the Astro build, the incremental
 * publisher and the search index share a parse; every write is atomic (a reader sees the old
 * file or the new one, never half of one).
 */
export const snapshotFile = (dir: string) => path.join(dir, 'content.json')

/**
 * The updates made to `content.json` since it was written, one SnapshotUpdate per line. An
 * incremental publish appends its few records here instead of writing the whole file again
 * (3 s of a publish at 50k articles, which competed with the rendering for the two cores);
 * every reader applies them. A full write (export, or compaction once the log is long)
 * folds them in and removes the log. An entry counts only if it continues the file's
 * version (`from` is the `generatedAt` it started from), so a log left beside a newer file
 * by a crash between the two steps is ignored.
 */
export const snapshotLogFile = (dir: string) => path.join(dir, 'content.updates.jsonl')

/** Past this many logged updates, or this many bytes, the next update writes the whole file instead. */
const LOG_UPDATES = 100
const LOG_BYTES = 16 << 20

/**
 * `current`: the copy stands for the file whatever its stamp says — the file is being replaced
 * by this copy (a staged write), or the copy was brought up to date as the file was (a replay).
 */
type Cached = { file: string; stamp: string; snapshot: ContentSnapshot; current?: boolean }

// Process-wide (content-models/processState.ts): the resident renderer (site/renderer) loads this
// file twice, itself and inside Astro's page bundle, and both must see the copy it brings up to date.
const cache = processSlot<Cached>('snapshotCache')

const stampOf = (stat: fs.Stats) => `${stat.mtimeMs}:${stat.size}:${stat.ino}`

/** The file's stamp and its log's: a logged update changes what a read returns. */
const stampsOf = (dir: string, stat: fs.Stats) => {
  const log = fs.statSync(snapshotLogFile(dir), { throwIfNoEntry: false })
  return `${stampOf(stat)}+${log ? stampOf(log) : '-'}`
}

/** The logged updates that continue the version `generatedAt`, in order. */
const loggedUpdates = (dir: string, generatedAt: string): SnapshotUpdate[] => {
  let text: string
  try {
    text = fs.readFileSync(snapshotLogFile(dir), 'utf8')
  } catch {
    return []
  }
  const updates: SnapshotUpdate[] = []
  let version = generatedAt
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    let update: SnapshotUpdate
    try {
      update = JSON.parse(line) as SnapshotUpdate
    } catch {
      // A line cut off by a crash while it was appended: its update never counted.
      break
    }
    if (update.from !== version) continue
    updates.push(update)
    version = update.to
  }
  return updates
}

const describeIssue = (issue: z.core.$ZodIssue) => {
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
  return `${where || '(top level)'}: ${issue.message}`
}

/**
 * The snapshot as written: JSON, with every record of a collection on a line of its own —
 *   {"version":1,"generatedAt":"…",
 *   "articles":[
 *   {…},
 *   {…}
 *   ],
 *   …
 *   ]}
 * — so a reader can take one record at a time (readSnapshotStreamed) and the writer never
 * holds the whole text (420 MB at 50k articles) as one string.
 */
export const snapshotChunks = function* (snapshot: ContentSnapshot): Generator<string> {
  const entries = Object.entries(snapshot)
  let out = `{${entries
    .filter(([, v]) => !Array.isArray(v))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')}`
  for (const [key, list] of entries) {
    if (!Array.isArray(list)) continue
    out += `,\n${JSON.stringify(key)}:[`
    for (let i = 0; i < list.length; i++) {
      out += `${i ? ',' : ''}\n${JSON.stringify(list[i])}`
      if (out.length > 1 << 20) {
        yield out
        out = ''
      }
    }
    out += '\n]'
  }
  yield `${out}}\n`
}

/** The lines of a file, read a few megabytes at a time. */
const fileLines = function* (file: string): Generator<string> {
  const fd = fs.openSync(file, 'r')
  const buffer = Buffer.alloc(4 << 20)
  const decoder = new StringDecoder('utf8')
  let rest = ''
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null));) {
      const parts = (rest + decoder.write(buffer.subarray(0, n))).split('\n')
      rest = parts.pop()!
      yield* parts
    }
    rest += decoder.end()
    if (rest) yield rest
  } finally {
    fs.closeSync(fd)
  }
}

/** What snapshotLines reads: the fields that are not collections, then each record with its collection's list. */
type SnapshotLine = { head: Record<string, unknown> } | { key: string; record: unknown; list: unknown[] }

/**
 * The data of a snapshot file as JSON.parse would return it, read a line (a record) at a time:
 * the whole text of a large snapshot is longer than a JavaScript string may be (about 1.7 GB at
 * 200k articles; V8 stops at 512 MB). It yields the head before any record, then each record
 * with its collection's list, for the reader to add or not; it returns the data, or undefined
 * for a file in another layout (one line, written by hand or an older version).
 */
const snapshotLines = function* (file: string): Generator<SnapshotLine, Record<string, unknown> | undefined> {
  // The first line of this layout is short (the fields that are not collections); a file of one
  // long line is not split line by line (each read would split it all again).
  const head = Buffer.alloc(64 << 10)
  const fd = fs.openSync(file, 'r')
  const headText = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8')
  fs.closeSync(fd)
  if (!headText.includes('\n')) return undefined
  const lines = fileLines(file)
  const first = lines.next()
  if (first.done || !/^\{.*,$/.test(first.value)) return undefined
  let data: Record<string, unknown>
  try {
    data = JSON.parse(`${first.value.slice(0, -1)}}`) as Record<string, unknown>
  } catch (error) {
    throw new Error(`Snapshot ${file} is not valid JSON (a cut-off write?). Run "npm run export" to write it again.`, { cause: error })
  }
  yield { head: data }
  let key: string | undefined
  let list: unknown[] | undefined
  let closed = false
  for (const line of lines) {
    const open = /^"([^"]+)":\[$/.exec(line)
    if (open) {
      key = open[1]!
      data[key] = list = []
    } else if (/^\](,|\})?$/.test(line)) {
      list = undefined
      closed = line === ']}'
    } else if (list) {
      let record: unknown
      try {
        record = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line)
      } catch (error) {
        throw new Error(`Snapshot ${file} is not valid JSON in "${key}" (a cut-off write?). Run "npm run export" to write it again.`, {
          cause: error,
        })
      }
      yield { key: key!, record, list }
    } else if (line) throw new Error(`Snapshot ${file}: unexpected line outside a collection. Run "npm run export" to write it again.`)
  }
  if (!closed) throw new Error(`Snapshot ${file} ends before its last "]}" (a cut-off write?). Run "npm run export" to write it again.`)
  return data
}

/** snapshotLines read through at once, `onHead` and `onRecord` called as it goes. */
const readSnapshotLines = (
  file: string,
  onHead: (head: Record<string, unknown>) => void,
  onRecord: (key: string, record: unknown, list: unknown[]) => void,
): Record<string, unknown> | undefined => {
  const lines = snapshotLines(file)
  for (let next = lines.next(); ; next = lines.next()) {
    if (next.done) return next.value
    const line = next.value
    if ('head' in line) onHead(line.head)
    else onRecord(line.key, line.record, line.list)
  }
}

/**
 * The snapshot in `dir` without its articles, each of which goes to `onArticle` as it is read:
 * a reader that needs each article once (the search index build) never holds them all, nor
 * the file's text. Not checked against the schema (readSnapshot is); a file in another
 * layout (one line, written by hand or an older version) is parsed whole.
 */
export const readSnapshotStreamed = (dir: string, onArticle: (article: ContentSnapshot['articles'][number]) => void): ContentSnapshot => {
  const file = snapshotFile(dir)
  // Articles the log changed are passed on in their last logged version, after the file's.
  let updates: SnapshotUpdate[] = []
  const logged = new Map<string, ContentSnapshot['articles'][number] | undefined>()
  const data = readSnapshotLines(
    file,
    (head) => {
      updates = loggedUpdates(dir, String(head.generatedAt))
      for (const u of updates) for (const c of u.changes) if (c.kind === 'articles') logged.set(String((c.before ?? c.after)!.id), c.after)
    },
    (key, record, list) => {
      const article = record as ContentSnapshot['articles'][number]
      if (key !== 'articles') list.push(record)
      else if (!logged.has(String(article.id))) onArticle(article)
    },
  )
  if (!data) {
    const whole = JSON.parse(fs.readFileSync(file, 'utf8')) as ContentSnapshot
    for (const update of loggedUpdates(dir, whole.generatedAt)) applyUpdate(whole, update)
    whole.articles.forEach(onArticle)
    return { ...whole, articles: [] }
  }
  const snapshot = data as unknown as ContentSnapshot
  for (const article of logged.values()) if (article) onArticle(article)
  for (const update of updates) applyUpdate(snapshot, update, 'articles')
  return snapshot
}

/** Parses and checks a snapshot's text; the error names the file, the fields and what to do. */
export const parseSnapshot = (json: string, file: string): ContentSnapshot => {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (error) {
    throw new Error(`Snapshot ${file} is not valid JSON (a cut-off write?). Run "npm run export" to write it again.`, { cause: error })
  }
  return checkSnapshot(data, file)
}

type Issue = z.core.$ZodIssue

/**
 * Checks parsed snapshot data against the schema, a record at a time, each replaced in place by
 * its checked copy: checking the whole at once would hold two copies of every article.
 */
const checkSnapshot = (data: unknown, file: string): ContentSnapshot => {
  checkVersion(data, file)
  const record = data as Record<string, unknown>
  const issues: Issue[] = []
  let count = 0
  const note = (list: Issue[], prefix: PropertyKey[]) => {
    count += list.length
    for (const issue of list) if (issues.length < 5) issues.push({ ...issue, path: [...prefix, ...issue.path] })
  }
  const collections = new Set<string>()
  for (const [key, schema] of Object.entries(contentSnapshotSchema.shape)) {
    const list = record[key]
    if (!(schema instanceof z.ZodArray) || !Array.isArray(list)) continue
    collections.add(key)
    const element = schema.element as z.ZodType
    for (let i = 0; i < list.length; i++) {
      const checked = element.safeParse(list[i])
      if (checked.success) list[i] = checked.data
      else note(checked.error.issues, [key, i])
    }
  }
  // The rest (version, generatedAt, a missing or mistyped collection) checked with the collections' records left out.
  const rest = contentSnapshotSchema.safeParse(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, collections.has(k) ? [] : v])))
  if (!rest.success) note(rest.error.issues, [])
  if (count > 0) throw schemaMismatch(file, issues, count)
  // Keys the schema does not know are dropped, as a whole-object check drops them.
  return Object.fromEntries(Object.keys(contentSnapshotSchema.shape).map((k) => [k, record[k]])) as ContentSnapshot
}

/** A snapshot of another version is refused by its version, before any record is read against this one's schema. */
const checkVersion = (data: unknown, file: string) => {
  const version = (data as { version?: unknown } | null)?.version
  if (version !== SNAPSHOT_VERSION) {
    throw new Error(
      `Snapshot ${file} has version ${String(version)}; this site reads version ${SNAPSHOT_VERSION}. Run "npm run export" to write it again.`,
    )
  }
}

/** The error for a snapshot that does not match the schema: its first five issues, and what to do. */
const schemaMismatch = (file: string, issues: Issue[], count: number, cause?: unknown) => {
  const more = count > 5 ? ` (and ${count - 5} more)` : ''
  return new Error(
    `Snapshot ${file} does not match the content-models/snapshot.ts schema: ${issues.slice(0, 5).map(describeIssue).join('; ')}${more}. ` +
      'Export it again with "npm run export"; if it was just exported, the exporter (cms/export/map.ts) and the schema disagree.',
    { cause },
  )
}

/** How long the stepwise reader parses before it lets the event loop run. */
const STEP_MS = 15

/**
 * What readSnapshotFiles returns, each record checked as it is read, giving the event loop back
 * every few milliseconds. A file in another layout (one line) is read at once.
 */
const readSnapshotInSteps = async (dir: string): Promise<ContentSnapshot> => {
  const file = snapshotFile(dir)
  const events = snapshotLines(file)
  let since = performance.now()
  let next = events.next()
  for (; !next.done; next = events.next()) {
    const event = next.value
    if ('key' in event) event.list.push(checkRecord(file, event.key, event.list.length, event.record))
    else checkVersion(event.head, file)
    if (performance.now() - since > STEP_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      since = performance.now()
    }
  }
  const data = next.value
  if (!data) return readSnapshotFiles(dir)
  // The records are checked; the rest of the contract (version, every collection there) with empty lists.
  const lists = Object.entries(data).filter(([, v]) => Array.isArray(v))
  const snapshot = checkSnapshot({ ...data, ...Object.fromEntries(lists.map(([k]) => [k, []])) }, file) as unknown as Record<
    string,
    unknown
  >
  for (const [key, list] of lists) if (key in snapshot) snapshot[key] = list
  // Each logged update sorts the articles again: one at a time too.
  for (const update of loggedUpdates(dir, String(data.generatedAt))) {
    applyUpdate(snapshot as unknown as ContentSnapshot, update)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return snapshot as unknown as ContentSnapshot
}

/** One record, checked against its collection's schema. */
const checkRecord = (file: string, key: string, index: number, record: unknown): unknown => {
  const schema = contentSnapshotSchema.shape[key as keyof typeof contentSnapshotSchema.shape]
  if (!(schema instanceof z.ZodArray)) return record
  const result = (schema.element as z.ZodType).safeParse(record)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ ...i, path: [key, index, ...i.path] }))
  throw schemaMismatch(file, issues, issues.length, result.error)
}

/** The snapshot in `dir`, parsed once per version of the file. */
export const readSnapshot = (dir: string): ContentSnapshot => {
  const file = snapshotFile(dir)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    throw new Error(`No content snapshot at ${file}. Run "npm run export" (or set SNAPSHOT_DIR) before building the site.`, {
      cause: error,
    })
  }
  const stamp = stampsOf(dir, stat)
  const cached = cache.get()
  if (cached?.file === file && (cached.current || cached.stamp === stamp)) return cached.snapshot
  const snapshot = readSnapshotFiles(dir)
  cache.set({ file, stamp, snapshot })
  return snapshot
}

/**
 * Reads the snapshot in `dir` into this process's copy ahead of need, without holding the event
 * loop for more than a few milliseconds at a time. The publishing server calls it while nobody
 * publishes: otherwise its first publish after a full build made by another process (`npm start`
 * builds before the admin starts) parsed the whole file first, 1.4 s at 10k articles and 5.9 s
 * at 50k, during which the admin answered nobody. The copy is kept only if neither the file nor
 * this process's copy changed meanwhile.
 */
let refused: string | undefined

export const preloadSnapshot = async (dir: string): Promise<void> => {
  const file = snapshotFile(dir)
  const stat = await fsp.stat(file).catch(() => undefined)
  if (!stat) return
  const stamp = stampsOf(dir, stat)
  const before = cache.get()
  if (before?.file === file && (before.current || before.stamp === stamp)) return
  // A file refused once is not read again every time the server is idle, only once it changes.
  if (refused === `${file}\n${stamp}`) return
  const snapshot = await readSnapshotInSteps(dir).catch((error: unknown) => {
    refused = `${file}\n${stamp}`
    throw error
  })
  const now = fs.statSync(file, { throwIfNoEntry: false })
  if (cache.get() === before && now && stampsOf(dir, now) === stamp) cache.set({ file, stamp, snapshot })
}

/** What the files in `dir` hold (content.json with its log applied), read now, past any cached copy. */
export const readSnapshotFiles = (dir: string): ContentSnapshot => {
  const file = snapshotFile(dir)
  const data = readSnapshotLines(
    file,
    () => {},
    (_key, record, list) => list.push(record),
  )
  const snapshot = data ? checkSnapshot(data, file) : parseSnapshot(fs.readFileSync(file, 'utf8'), file)
  for (const update of loggedUpdates(dir, snapshot.generatedAt)) applyUpdate(snapshot, update)
  return snapshot
}

/**
 * The snapshot for changing in place (incremental publishing). It is taken out of the cache:
 * an update that fails half-way must not leave a half-patched copy for the next reader.
 */
export const readSnapshotForUpdate = (dir: string): ContentSnapshot => {
  const snapshot = readSnapshot(dir)
  cache.set(undefined)
  return snapshot
}

/**
 * Makes `snapshot` this process's copy of the snapshot in `dir` at once, and returns what writes
 * it there. An incremental publish needs the patched snapshot in memory right away, but its file
 * only before the build counts: serialising 80 MB (10k articles; 420 MB at 50k) blocks for a
 * second or more, which is better spent while the pages render in another process.
 */
export const stageSnapshot = (dir: string, snapshot: ContentSnapshot, update?: SnapshotUpdate): (() => Promise<void>) => {
  cache.set({ file: snapshotFile(dir), stamp: '', snapshot, current: true })
  return () => (update ? logSnapshotUpdate(dir, snapshot, update) : writeSnapshot(dir, snapshot))
}

/** Appends `update` (which made `snapshot`) to the log, or writes the whole file once the log is long. */
const logSnapshotUpdate = async (dir: string, snapshot: ContentSnapshot, update: SnapshotUpdate): Promise<void> => {
  const log = snapshotLogFile(dir)
  const text = await fsp.readFile(log, 'utf8').catch(() => '')
  if (text.split('\n').length > LOG_UPDATES || text.length > LOG_BYTES) return writeSnapshot(dir, snapshot)
  // One line, flushed before the update counts: a reader sees it whole or not at all (a cut-off last line is skipped).
  const handle = await fsp.open(log, 'a')
  try {
    await handle.appendFile(`${JSON.stringify(update)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  const file = snapshotFile(dir)
  cache.set({ file, stamp: stampsOf(dir, await fsp.stat(file)), snapshot })
}

/** Writes `content.json` through a temporary file and a rename, folding the log in; the written copy becomes the cached one. */
export const writeSnapshot = async (dir: string, snapshot: ContentSnapshot): Promise<void> => {
  const file = snapshotFile(dir)
  const temp = `${file}.${process.pid}.tmp`
  try {
    await fsp.writeFile(temp, snapshotChunks(snapshot))
    await fsp.rename(temp, file)
  } finally {
    await fsp.rm(temp, { force: true })
  }
  // Its updates are in the file now (a log left by a crash here no longer continues the file's version).
  await fsp.rm(snapshotLogFile(dir), { force: true })
  cache.set({ file, stamp: stampsOf(dir, await fsp.stat(file)), snapshot })
}

/**
 * Replaces the whole snapshot folder: `fill` writes the media into a staging folder, the
 * snapshot is written beside them, and the folder is swapped in only when complete, so a
 * failed export (CMS unreachable, missing file) leaves the previous snapshot in place.
 */
export const replaceSnapshot = async (dir: string, snapshot: ContentSnapshot, fill: (mediaDir: string) => Promise<void>): Promise<void> => {
  const staging = `${dir}.staging-${process.pid}`
  const retired = `${dir}.old-${process.pid}`
  await fsp.rm(staging, { recursive: true, force: true })
  await fsp.mkdir(path.join(staging, 'media'), { recursive: true })
  try {
    await fill(path.join(staging, 'media'))
    await fsp.writeFile(snapshotFile(staging), snapshotChunks(snapshot))
    await fsp.mkdir(path.dirname(dir), { recursive: true })
    await fsp.rename(dir, retired).catch(() => undefined)
    await fsp.rename(staging, dir).catch(async (error) => {
      await fsp.rename(retired, dir).catch(() => undefined)
      throw error
    })
    await fsp.rm(retired, { recursive: true, force: true })
  } finally {
    await fsp.rm(staging, { recursive: true, force: true })
  }
  cache.set({ file: snapshotFile(dir), stamp: stampsOf(dir, await fsp.stat(snapshotFile(dir))), snapshot })
}

/**
 * Brings this process's copy of the snapshot in `dir` up to date with `update` instead of
 * parsing the file the update writes (half a second at 10k articles, seconds at 50k): only a
 * copy of the version the update started from is patched, and it then stands for the file
 * until the next call. Records land at the end of their list (every page sorts them by key);
 * articles stay newest first. Without such a copy (or without an update) the next read parses
 * the file.
 */
export const replaySnapshotUpdate = (dir: string, update: SnapshotUpdate | undefined): boolean => {
  const file = snapshotFile(dir)
  const cached = cache.get()
  if (!update) {
    // Told nothing: the file is the truth again.
    if (cached) cache.set({ ...cached, current: false })
    return false
  }
  if (cached?.file !== file || cached.snapshot.generatedAt !== update.from) {
    cache.set(undefined)
    return false
  }
  const { snapshot } = cached
  applyUpdate(snapshot, update)
  // The file may still be being written (stageSnapshot): the copy stands for it meanwhile.
  cache.set({ file, stamp: '', snapshot, current: true })
  return true
}
