import fs from 'node:fs'
import { DatabaseSync } from 'node:sqlite'

import type { ContentSnapshot } from '../../content-models/snapshot'
import { recordUrl } from '../routes'
import { HOTLINES_URL, hotlinesDocument, recordDocument, snapshotDocuments, type SearchDocument } from './documents'
import { changesFileOf, type IndexChange } from './files'
import { documentTokens, fold, suffixTokens } from './text'

/**
 * The server search index: one SQLite file beside each build folder
 * (dist/builds/<id>.search.sqlite), so swapping dist/live swaps the index with the pages.
 * `docs` holds what a result shows; `fts` (FTS5, contentless) holds pre-made tokens
 * (site/search/text.ts) — node:sqlite cannot register a custom tokenizer.
 */
export const INDEX_FORMAT = 1

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    -- Title and summary folded (site/search/text.ts), for ranking without another index lookup.
    head TEXT NOT NULL,
    date TEXT,
    filters TEXT NOT NULL,
    text TEXT NOT NULL
  );
  -- Text arrives as space-separated tokens (site/search/text.ts): the ascii tokenizer only has
  -- to split on spaces (non-ASCII characters are token characters to it), faster than unicode61.
  CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, sub, content='', contentless_delete=1, tokenize="ascii");
`

/**
 * A changes file (./files.ts) holds the same tables for the records changed since the full
 * index was written, their ids above the full index's, and the ids of the full index's
 * documents it hides (removed, or replaced by one of its own).
 */
const CHANGES_SCHEMA = `${SCHEMA}
  CREATE TABLE hidden (id INTEGER PRIMARY KEY);
  -- Every record changed since the full index, to write a whole index from them (MAX_CHANGES_SHARE).
  CREATE TABLE touched (kind TEXT NOT NULL, slug TEXT NOT NULL, PRIMARY KEY (kind, slug));
`

/**
 * Past this share of the full index's documents, an update writes a whole new index (a copy
 * of the full one with every record changed since replaced) instead of a changes file: every
 * search thread reads the changes file's rows for each build.
 */
export const MAX_CHANGES_SHARE = 0.1

const open = (file: string) => {
  const db = new DatabaseSync(file)
  // A build writes a fresh file that is renamed into place only when complete: no journal needed.
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;')
  return db
}

const writer = (db: DatabaseSync) => {
  // A null id is SQLite's next one; a changes file gives ids above the full index's.
  const doc = db.prepare('INSERT INTO docs (id, url, type, title, head, date, filters, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
  const fts = db.prepare('INSERT INTO fts (rowid, title, summary, body, sub) VALUES (?, ?, ?, ?, ?)')
  const byUrl = db.prepare('SELECT id FROM docs WHERE url = ?')
  const dropDoc = db.prepare('DELETE FROM docs WHERE id = ?')
  const dropFts = db.prepare('DELETE FROM fts WHERE rowid = ?')
  return {
    add(d: SearchDocument, id: number | null = null) {
      // The excerpt is cut from the summary and body; the title is shown on its own.
      const text = [d.summary, d.body].filter(Boolean).join('\n')
      const title = fold(d.title)
      const summary = fold(d.summary)
      const body = fold(d.body)
      const { lastInsertRowid } = doc.run(
        id,
        d.url,
        d.type,
        d.title,
        `${title}\n${summary}`,
        d.date ?? null,
        JSON.stringify(d.filters),
        text,
      )
      fts.run(
        lastInsertRowid,
        documentTokens(title),
        documentTokens(summary),
        documentTokens(body),
        suffixTokens(`${title}\n${summary}\n${body}`),
      )
    },
    remove(url: string) {
      const row = byUrl.get(url) as { id: number } | undefined
      if (!row) return false
      dropFts.run(row.id)
      dropDoc.run(row.id)
      return true
    },
  }
}

const setMeta = (db: DatabaseSync, generatedAt: string) => {
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
  put.run('format', String(INDEX_FORMAT))
  put.run('snapshotGeneratedAt', generatedAt)
  put.run('builtAt', new Date().toISOString())
}

/** Moves a finished temp file into place; a failed build leaves no file behind. */
const finish = (temp: string, file: string, work: (db: DatabaseSync) => void) => {
  let db: DatabaseSync | undefined
  try {
    db = open(temp)
    work(db)
    db.close()
    db = undefined
    fs.renameSync(temp, file)
  } catch (error) {
    throw writeFailed(file, error)
  } finally {
    db?.close()
    fs.rmSync(temp, { force: true })
  }
}

const writeFailed = (file: string, error: unknown) =>
  new Error(`search index ${file} could not be written: ${error instanceof Error ? error.message : String(error)}`, { cause: error })

/** As `finish`, for work that gives the event loop back as it goes (it runs in the CMS server). */
const finishAsync = async (temp: string, file: string, work: (db: DatabaseSync) => Promise<void>) => {
  const db = open(temp)
  try {
    await work(db)
    db.close()
    fs.renameSync(temp, file)
  } catch (error) {
    throw writeFailed(file, error)
  } finally {
    if (db.isOpen) db.close()
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Writes to `file` the index of the documents `each` hands to `add`; `each` returns the
 * snapshot's generatedAt.
 */
export const buildIndexFileFrom = (file: string, each: (add: (d: SearchDocument) => void) => string): { documents: number } => {
  const temp = `${file}.${process.pid}.tmp`
  fs.rmSync(temp, { force: true })
  let documents = 0
  finish(temp, file, (db) => {
    db.exec(SCHEMA)
    // No merging while loading: the single 'optimize' at the end merges everything once.
    db.exec("INSERT INTO fts (fts, rank) VALUES ('automerge', 0)")
    const w = writer(db)
    db.exec('BEGIN')
    const generatedAt = each((d) => {
      w.add(d)
      documents++
    })
    setMeta(db, generatedAt)
    db.exec('COMMIT')
    // One b-tree per token instead of one per flushed segment: fewer pages read per query.
    db.exec("INSERT INTO fts (fts) VALUES ('optimize')")
  })
  return { documents }
}

/** Writes the index of every published page of `snapshot` to `file`. */
export const buildIndexFile = (snapshot: ContentSnapshot, file: string): { documents: number } =>
  buildIndexFileFrom(file, (add) => {
    for (const d of snapshotDocuments(snapshot)) add(d)
    return snapshot.generatedAt
  })

const maxId = (db: DatabaseSync) => Number((db.prepare('SELECT coalesce(max(id), 0) AS n FROM docs').get() as { n: number }).n)
const builtAt = (db: DatabaseSync) =>
  (db.prepare("SELECT value FROM meta WHERE key = 'builtAt'").get() as { value: string } | undefined)?.value

/** Copies `from` to `to`; false when there is no `from`. */
const copyIfAny = (from: string, to: string) =>
  fs.promises.copyFile(from, to).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    },
  )

/** Records an index or a changes file is written with between two turns of the event loop (tens of milliseconds). */
const REWRITE_CHUNK = 25

/** Gives the server's event loop a turn: these writes run in the CMS server. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Applies `changes` to a changes file open in `db` over the full index `base`: a record's old
 * document is removed from the file, or hidden in the full index, and its new one added,
 * REWRITE_CHUNK records between two turns of the event loop.
 */
const applyChanges = async (db: DatabaseSync, base: DatabaseSync, snapshot: ContentSnapshot, changes: readonly IndexChange[]) => {
  const w = writer(db)
  const inBase = base.prepare('SELECT id FROM docs WHERE url = ?')
  const hide = db.prepare('INSERT OR IGNORE INTO hidden (id) VALUES (?)')
  const touch = db.prepare('INSERT OR IGNORE INTO touched (kind, slug) VALUES (?, ?)')
  for (const c of changes) for (const slug of [c.before, c.after]) if (slug) touch.run(c.kind, slug)
  let next = Math.max(maxId(base), maxId(db)) + 1
  let removed = 0
  let added = 0
  const remove = (url: string) => {
    const row = inBase.get(url) as { id: number } | undefined
    const hidden = row ? hide.run(row.id).changes > 0 : false
    return w.remove(url) || hidden
  }
  const add = (doc: SearchDocument) => w.add(doc, next++)
  // Every old document goes before any new one is added: a rename's new slug may be another record's old one.
  for (let i = 0; i < changes.length; i += REWRITE_CHUNK) {
    for (const c of changes.slice(i, i + REWRITE_CHUNK))
      for (const slug of new Set([c.before, c.after])) if (slug && remove(recordUrl(c.kind, slug))) removed++
    await turn()
  }
  for (let i = 0; i < changes.length; i += REWRITE_CHUNK) {
    for (const c of changes.slice(i, i + REWRITE_CHUNK)) {
      const doc = c.after ? recordDocument(snapshot, c.kind, c.after) : undefined
      if (doc) {
        add(doc)
        added++
      }
    }
    await turn()
  }
  if (changes.some((c) => c.kind === 'services')) {
    remove(HOTLINES_URL)
    add(hotlinesDocument(snapshot.services, snapshot.regions))
  }
  return { removed, added }
}

/**
 * A copy of the full index `from` with the records `changes` names replaced from the patched
 * snapshot (and the hotlines page, when a service changed). Up to a tenth of the index: it
 * gives the server's event loop back every REWRITE_CHUNK records.
 */
const rewriteIndexFile = async (from: string, file: string, snapshot: ContentSnapshot, changes: readonly IndexChange[]) => {
  const temp = `${file}.${process.pid}.tmp`
  // Copied without blocking: this runs in the CMS server, and at 50k articles the file is half a gigabyte.
  await fs.promises.copyFile(from, temp)
  await finishAsync(temp, file, async (db) => {
    const w = writer(db)
    db.exec('BEGIN')
    for (let i = 0; i < changes.length; i += REWRITE_CHUNK) {
      // A chunk's records are removed, then added: a rename's two slugs are two records.
      const chunk = changes.slice(i, i + REWRITE_CHUNK)
      for (const c of chunk) for (const slug of new Set([c.before, c.after])) if (slug) w.remove(recordUrl(c.kind, slug))
      for (const c of chunk) {
        const doc = c.after ? recordDocument(snapshot, c.kind, c.after) : undefined
        if (doc) w.add(doc)
      }
      await turn()
    }
    if (changes.some((c) => c.kind === 'services')) {
      w.remove(HOTLINES_URL)
      w.add(hotlinesDocument(snapshot.services, snapshot.regions))
    }
    setMeta(db, snapshot.generatedAt)
    db.exec('COMMIT')
  })
}

/**
 * Writes the changes file of `file` over the full index `from`: a copy of `from`'s with
 * `changes` applied. Says what it removed and added, and every record changed since the full
 * index when they have grown past MAX_CHANGES_SHARE (then it writes no file).
 */
const writeChangesFile = async (from: string, file: string, snapshot: ContentSnapshot, changes: readonly IndexChange[]) => {
  const changesFile = changesFileOf(file)
  const temp = `${changesFile}.${process.pid}.tmp`
  const had = await copyIfAny(changesFileOf(from), temp)
  let result = { removed: 0, added: 0 }
  let outgrown: IndexChange[] | undefined
  const base = new DatabaseSync(from, { readOnly: true })
  try {
    await finishAsync(temp, changesFile, async (db) => {
      if (!had) {
        db.exec(CHANGES_SCHEMA)
        db.prepare("INSERT INTO meta (key, value) VALUES ('base', ?)").run(builtAt(base) ?? '')
      }
      db.exec('BEGIN')
      result = await applyChanges(db, base, snapshot, changes)
      setMeta(db, snapshot.generatedAt)
      db.exec('COMMIT')
      const held = Number((db.prepare('SELECT (SELECT count(*) FROM docs) + (SELECT count(*) FROM hidden) AS n').get() as { n: number }).n)
      if (held > maxId(base) * MAX_CHANGES_SHARE) {
        const touched = db.prepare('SELECT kind, slug FROM touched').all() as { kind: IndexChange['kind']; slug: string }[]
        outgrown = touched.map(({ kind, slug }) => ({ kind, before: slug, after: slug }))
      }
    })
  } finally {
    base.close()
  }
  if (outgrown) fs.rmSync(changesFile, { force: true })
  return { ...result, outgrown }
}

/**
 * The index of an incremental update: the live build's full index, shared (a hard link: it is
 * never written once made), and a copy of its changes file with the changed records replaced
 * from the patched snapshot (and the hotlines page, when a service changed). The live files
 * are never written to. Runs in the publishing process, which holds the snapshot already: a
 * few records are a few milliseconds of SQLite. Once the changes outgrow MAX_CHANGES_SHARE,
 * the index is a whole one again: a copy of the full index with every record changed since
 * replaced, as every update was made before changes files.
 */
export const updateIndexFile = async (options: {
  from: string
  file: string
  snapshot: ContentSnapshot
  changes: readonly IndexChange[]
}): Promise<{ removed: number; added: number; whole: boolean }> => {
  const { outgrown, ...result } = await writeChangesFile(options.from, options.file, options.snapshot, options.changes)
  if (outgrown) {
    await rewriteIndexFile(options.from, options.file, options.snapshot, outgrown)
    return { ...result, whole: true }
  }
  fs.rmSync(options.file, { force: true })
  try {
    fs.linkSync(options.from, options.file)
  } catch {
    // Another file system, or one without hard links: a copy, as before.
    await fs.promises.copyFile(options.from, options.file)
  }
  return { ...result, whole: false }
}
