import fs from 'node:fs'
import { DatabaseSync } from 'node:sqlite'

import type { ContentSnapshot } from '../../content-models/snapshot'
import { recordUrl } from '../routes'
import { HOTLINES_URL, hotlinesDocument, recordDocument, snapshotDocuments, type SearchDocument } from './documents'
import type { IndexChange } from './files'
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

const open = (file: string) => {
  const db = new DatabaseSync(file)
  // A build writes a fresh file that is renamed into place only when complete: no journal needed.
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;')
  return db
}

const writer = (db: DatabaseSync) => {
  const doc = db.prepare('INSERT INTO docs (url, type, title, head, date, filters, text) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const fts = db.prepare('INSERT INTO fts (rowid, title, summary, body, sub) VALUES (?, ?, ?, ?, ?)')
  const byUrl = db.prepare('SELECT id FROM docs WHERE url = ?')
  const dropDoc = db.prepare('DELETE FROM docs WHERE id = ?')
  const dropFts = db.prepare('DELETE FROM fts WHERE rowid = ?')
  return {
    add(d: SearchDocument) {
      // The excerpt is cut from the summary and body; the title is shown on its own.
      const text = [d.summary, d.body].filter(Boolean).join('\n')
      const title = fold(d.title)
      const summary = fold(d.summary)
      const body = fold(d.body)
      const { lastInsertRowid } = doc.run(d.url, d.type, d.title, `${title}\n${summary}`, d.date ?? null, JSON.stringify(d.filters), text)
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
    throw new Error(`search index ${file} could not be written: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  } finally {
    db?.close()
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

/**
 * The index of an incremental update: a copy of the live build's index with the changed
 * records replaced from the patched snapshot (and the hotlines page, when a service changed).
 * The live file is never written to. Runs in the publishing process, which holds the
 * snapshot already: a few records are a few milliseconds of SQLite.
 */
export const updateIndexFile = async (options: {
  from: string
  file: string
  snapshot: ContentSnapshot
  changes: readonly IndexChange[]
}): Promise<{ removed: number; added: number }> => {
  const temp = `${options.file}.${process.pid}.tmp`
  // Copied without blocking: this runs in the CMS server, and at 50k articles the file is half a gigabyte.
  await fs.promises.copyFile(options.from, temp)
  let removed = 0
  let added = 0
  finish(temp, options.file, (db) => {
    const w = writer(db)
    db.exec('BEGIN')
    for (const c of options.changes) {
      for (const slug of new Set([c.before, c.after])) if (slug && w.remove(recordUrl(c.kind, slug))) removed++
    }
    for (const c of options.changes) {
      const doc = c.after ? recordDocument(options.snapshot, c.kind, c.after) : undefined
      if (doc) {
        w.add(doc)
        added++
      }
    }
    if (options.changes.some((c) => c.kind === 'services')) {
      w.remove(HOTLINES_URL)
      w.add(hotlinesDocument(options.snapshot.services, options.snapshot.regions))
    }
    setMeta(db, options.snapshot.generatedAt)
    db.exec('COMMIT')
  })
  return { removed, added }
}
