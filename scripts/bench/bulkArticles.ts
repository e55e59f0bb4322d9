import type { Payload } from 'payload'

import { slugBase, slugCandidate } from '../../cms/hooks/uniqueSlug'
import { storedSignature } from '../../cms/importer/storedSignature'
import { blocksToLexical } from '../../cms/seed/richText'
import { benchArticle, type BenchArticle } from './corpus'

type Id = number | string

/**
 * The rows Payload's SQLite adapter writes for one article created through the Local API —
 * the document, its categories and tags, and its one (latest) version with theirs — written
 * here straight through the adapter's Drizzle tables, hundreds to a statement.
 *
 * Why: through the Local API the benchmark writes 17-60 articles a second on this machine
 * (validation, hooks, a transaction and a re-read per document), hours at 200k, and every
 * create leaves native memory behind in the writing process. What the bulk path bypasses is
 * stated in the report and README: validation, access control and the hooks, whose outcome
 * for the generated data is computed here instead — the slug (the hook's own functions,
 * `cms/hooks/uniqueSlug.ts`), `reviewState` (approved once published, as
 * `cms/hooks/reviewState.ts` sets it), the duplicate signature (its hook's own function), no wording confirmations (the generated news has none
 * to confirm). tests/the-bulk-corpus-writer-writes-the-rows-the-local-api-writes.int.test.ts
 * holds the rows equal to the Local API's for the same generated articles.
 */

export interface BulkReferences {
  regionIds: Map<string, Id>
  orgIds: Map<string, Id>
  categoryIds: Map<string, Id>
  imageIds: Id[]
}

/** Articles per INSERT: the document row has 21 columns, and SQLite allows 32,766 variables a statement. */
const ROWS_PER_STATEMENT = 500

const tableOf = (payload: Payload, name: string) => {
  const table = (payload.db as unknown as { tables?: Record<string, unknown> }).tables?.[name]
  if (!table) throw new Error(`the bulk corpus writer needs the SQLite adapter's Drizzle table "${name}" (it writes SQLite only)`)
  return table as never
}

type Drizzle = {
  transaction: <T>(run: (tx: Drizzle) => Promise<T>) => Promise<T>
  insert: (table: never) => {
    values: (
      rows: Record<string, unknown>[],
    ) => Promise<unknown> & { returning: (fields: Record<string, unknown>) => Promise<{ id: Id }[]> }
  }
  select: (fields: Record<string, unknown>) => { from: (table: never) => Promise<Record<string, unknown>[]> }
}

/** The document's own columns, as the Local API stores them for the generated article. */
const documentRow = (a: BenchArticle, slug: string, refs: BulkReferences, now: string) => {
  const body = blocksToLexical(a.body)
  return {
    title: a.title,
    summary: a.summary ?? null,
    body,
    // What the signature field's hook makes at every save (cms/importer/storedSignature.ts).
    duplicateSignature: storedSignature(body),
    cover: a.cover === undefined ? null : (refs.imageIds[a.cover] ?? null),
    source: a.source,
    author: a.author ?? null,
    responsibleEditor: a.responsibleEditor ?? null,
    script: 'simplified',
    slug,
    publishedAt: a.publishedAt,
    reviewState: a.draft ? 'writing' : 'approved',
    featured: a.featured,
    region: a.regionCode ? (refs.regionIds.get(a.regionCode) ?? null) : null,
    organization: a.organizationKey ? (refs.orgIds.get(a.organizationKey) ?? null) : null,
    wordingConfirmations: [],
    updatedAt: now,
    createdAt: now,
    _status: a.draft ? 'draft' : 'published',
  }
}

const versionRow = (id: Id, doc: Record<string, unknown>, now: string) => ({
  parent: id,
  ...Object.fromEntries(Object.entries(doc).map(([k, v]) => [`version_${k}`, v])),
  createdAt: now,
  updatedAt: now,
  latest: true,
  autosave: false,
})

const relations = (a: BenchArticle, parent: Id, refs: BulkReferences, prefix: string) => ({
  rels: a.categorySlugs.map((s, k) => ({ order: k + 1, parent, path: `${prefix}categories`, categoriesID: refs.categoryIds.get(s) })),
  texts: a.tags.map((text, k) => ({ order: k + 1, parent, path: `${prefix}tags`, text })),
})

const insertAll = async (tx: Drizzle, table: never, rows: Record<string, unknown>[]) => {
  // Relation rows are narrow (5 columns): four times as many fit a statement.
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT * 4) await tx.insert(table).values(rows.slice(i, i + ROWS_PER_STATEMENT * 4))
}

/**
 * A writer for articles `from`..`to` of the generated corpus: each call to `write` takes the
 * next part, one transaction, and returns the new ids in corpus order. Slugs already in the
 * table are read once, so a numbered suffix is picked as the hook would pick it.
 */
export const bulkArticleWriter = async (payload: Payload, seed: string, refs: BulkReferences) => {
  const db = (payload.db as unknown as { drizzle?: Drizzle }).drizzle
  if (!db) throw new Error('the bulk corpus writer needs the SQLite adapter (payload.db.drizzle)')
  const t = {
    doc: tableOf(payload, 'articles'),
    rels: tableOf(payload, 'articles_rels'),
    texts: tableOf(payload, 'articles_texts'),
    version: tableOf(payload, '_articles_v'),
    versionRels: tableOf(payload, '_articles_v_rels'),
    versionTexts: tableOf(payload, '_articles_v_texts'),
  }
  const slugColumn = (t.doc as unknown as { slug: unknown }).slug
  const taken = new Set((await db.select({ slug: slugColumn }).from(t.doc)).map((r) => String(r.slug)))
  const mint = (a: BenchArticle) => {
    const base = slugBase(a.title, true, a.publishedAt)
    for (let n = 1; n < 100; n++) {
      const candidate = slugCandidate(base, n)
      if (!taken.has(candidate)) {
        taken.add(candidate)
        return candidate
      }
    }
    throw new Error(`no free slug for "${a.title}" (${base} to ${base}-99 are taken)`)
  }

  return async (from: number, to: number): Promise<{ ids: Id[]; published: number }> => {
    const articles = Array.from({ length: to - from }, (_, k) => benchArticle(seed, from + k, refs.imageIds.length))
    const now = new Date().toISOString()
    const docs = articles.map((a) => documentRow(a, mint(a), refs, now))
    let ids: Id[] = []
    await db.transaction(async (tx) => {
      ids = await insertReturningIds(tx, t.doc, docs)
      const versionIds = await insertReturningIds(
        tx,
        t.version,
        docs.map((d, k) => versionRow(ids[k]!, d, now)),
      )
      const own = articles.map((a, k) => relations(a, ids[k]!, refs, ''))
      const versioned = articles.map((a, k) => relations(a, versionIds[k]!, refs, 'version.'))
      const children = [
        [t.rels, own.flatMap((r) => r.rels)],
        [t.texts, own.flatMap((r) => r.texts)],
        [t.versionRels, versioned.flatMap((r) => r.rels)],
        [t.versionTexts, versioned.flatMap((r) => r.texts)],
      ] as const
      for (const [table, rows] of children) await insertAll(tx, table, rows as Record<string, unknown>[])
    })
    return { ids, published: articles.filter((a) => !a.draft).length }
  }
}

/** Inserts wide rows a statement at a time and returns their new ids in the rows' order (SQLite returns a multi-row insert's rows in order). */
const insertReturningIds = async (tx: Drizzle, table: never, rows: Record<string, unknown>[]): Promise<Id[]> => {
  const ids: Id[] = []
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT)
    const returned = await tx
      .insert(table)
      .values(part)
      .returning({ id: (table as unknown as { id: unknown }).id })
    if (returned.length !== part.length) throw new Error(`inserted ${part.length} rows but got ${returned.length} ids back`)
    ids.push(...returned.map((r) => r.id))
  }
  return ids
}
