import type { Payload } from 'payload'

import type { DuplicateIndex, KnownArticle } from './dedupe'
import { readStoredSignature, storedBodyText } from './storedSignature'

/**
 * Existing articles read per query: reading and converting 250 rows held the event loop for
 * 20-30 ms of CPU, which a loaded machine stretched past 100 ms.
 */
const PAGE = 100
/** Articles added before the event loop is let go: folding a title takes tens of microseconds, signing a body about a millisecond. */
const ADDED_BETWEEN_YIELDS = 25

const letOthersGo = () => new Promise((resolve) => setImmediate(resolve))

type Existing = { id: number | string; title?: string | null; publishedAt?: string | null; originalUrl?: string | null }

const known = (doc: Existing & { title: string }): KnownArticle => ({
  id: doc.id,
  title: doc.title,
  publishedAt: doc.publishedAt,
  originalUrl: doc.originalUrl,
  label: `已有文章 #${doc.id}「${doc.title}」`,
})

/** The bodies of the articles on a page that have no signature of the current version stored. */
const bodiesOf = async (payload: Payload, ids: (number | string)[]): Promise<Map<number | string, unknown>> => {
  if (!ids.length) return new Map()
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    where: { id: { in: ids } },
    select: { body: true },
  })
  return new Map(docs.map((doc) => [doc.id, doc.body]))
}

/**
 * Adds every article in the CMS to the duplicate index, in id order, by the signature stored
 * with it (storedSignature.ts). Articles saved before signatures were stored have their bodies
 * read and signed here, a few at a time between other requests.
 */
export const addExistingArticles = async (payload: Payload, index: DuplicateIndex): Promise<void> => {
  // After the last id read, not by page number: with drafts, page 40 of 250 took 133 ms of
  // SQLite work on the event loop against 37 ms for any stretch read by id.
  for (let after: number | string | undefined, more = true; more;) {
    const { docs } = await payload.find({
      collection: 'articles',
      draft: true,
      depth: 0,
      limit: PAGE,
      pagination: false,
      sort: 'id',
      ...(after === undefined ? {} : { where: { id: { greater_than: after } } }),
      select: { title: true, publishedAt: true, originalUrl: true, duplicateSignature: true },
    })
    const bodies = await bodiesOf(
      payload,
      docs.filter((doc) => doc.title && readStoredSignature(doc.duplicateSignature) === undefined).map((doc) => doc.id),
    )
    let cost = 0
    for (const doc of docs) {
      // A draft autosaved before anything was typed (opening 新建 saves one) has no title and
      // duplicates nothing; folding its missing title stopped every import.
      if (!doc.title) continue
      const stored = readStoredSignature(doc.duplicateSignature)
      // A body to sign costs as much as a page of stored signatures.
      cost += stored === undefined ? ADDED_BETWEEN_YIELDS : 1
      if (cost >= ADDED_BETWEEN_YIELDS) {
        cost = 0
        await letOthersGo()
      }
      if (stored !== undefined) index.addSigned(known({ ...doc, title: doc.title }), stored ?? undefined)
      else index.add(known({ ...doc, title: doc.title }), storedBodyText(bodies.get(doc.id)))
    }
    // Other requests go first between pages.
    await letOthersGo()
    after = docs.at(-1)?.id
    more = docs.length === PAGE
  }
}
