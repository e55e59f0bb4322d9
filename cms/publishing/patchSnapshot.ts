import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { isDrafted, publicTypeOfSlug, type PublicTypeSlug } from '../../content-models/publicTypes'
import { applyChange, newestFirst, type Change, type ChangeKind } from '../../content-models/changes'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { readSnapshotForUpdate, stageSnapshot } from '../../site/snapshot'
import type { DocRef } from './queue'
import * as map from '../export/map'
import { asMediaStore, type MediaStore } from '../media/store'

type Collection = PublicTypeSlug

/** Collections an incremental update handles; anything else (regions, categories…) changes pages everywhere and needs a full build. */
export const handledIncrementally = (ref: DocRef | undefined): ref is DocRef =>
  ref !== undefined && publicTypeOfSlug(ref.collection)?.incremental === true

const keyOf = (collection: Collection) => publicTypeOfSlug(collection)!.key as ChangeKind

type OrgChange = Extract<Change, { kind: 'organizations' }>

/**
 * Records embed an organization's slug and name (a service's provider, a home's and an
 * article's union, a child's parent). When those change or the organization goes, the
 * embedded copies are brought along, as the full export would have them, and each record so
 * changed is reported too, so its page is rendered again.
 */
const followOrganization = (snapshot: ContentSnapshot, change: OrgChange, changes: Change[]) => {
  const { before, after } = change
  if (!before || (after && after.slug === before.slug && after.name === before.name)) return
  const ref = after ? { slug: after.slug, name: after.name } : undefined
  const follow = <K extends 'services' | 'workersHomes' | 'articles' | 'organizations'>(
    key: K,
    field: string,
    update: (r: any) => void,
  ) => {
    const list = snapshot[key] as any[]
    list.forEach((r, i) => {
      const current = field === 'parentSlug' ? r.parentSlug : r[field]?.slug
      if (current !== before.slug) return
      const next = structuredClone(r)
      update(next)
      list[i] = next
      changes.push({ kind: key, before: r, after: next } as Change)
    })
  }
  const setRef = (field: string) => (r: any) => (ref ? (r[field] = ref) : delete r[field])
  follow('services', 'provider', setRef('provider'))
  follow('workersHomes', 'organization', setRef('organization'))
  follow('articles', 'organization', setRef('organization'))
  follow('organizations', 'parentSlug', (r) => (after ? (r.parentSlug = after.slug) : delete r.parentSlug))
}

/**
 * Brings the snapshot up to date for a few documents instead of exporting everything, and
 * returns each document as it was and as it is now, which is what the site needs to decide
 * what to render. A labor model that lists a changed article as related news changes too.
 * The patched snapshot is this process's copy at once; `write` puts it on disk (see
 * stageSnapshot), which must be done before the update counts.
 */
export const patchSnapshot = async (
  payload: Payload,
  snapshotDir: string,
  media: MediaStore | string,
  refs: DocRef[],
): Promise<{ changes: Change[]; write: () => Promise<void> }> => {
  // The snapshot module keeps the copy this process last wrote: parsing 80 MB of JSON (10k
  // articles) on every publish cost about a second.
  const snapshot = readSnapshotForUpdate(snapshotDir)
  const from = snapshot.generatedAt
  const mediaFiles = new Set<string>()
  const image = map.mediaCollector((f) => mediaFiles.add(f))
  const published = async (collection: Collection, ids: (string | number)[]) =>
    (
      await payload.find({
        collection,
        where: !isDrafted(collection) ? { id: { in: ids } } : { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
        depth: 1,
        pagination: false,
        overrideAccess: false,
      })
    ).docs as Record<string, any>[]

  const changes: Change[] = []
  // Labor models keep only related news that is published: known once the articles are patched.
  let articleSlugs = new Set<string>()
  const replace = (kind: ChangeKind, id: string, doc: Record<string, any> | undefined) => {
    const list = snapshot[kind] as { id: string }[]
    const before = list.find((r) => String(r.id) === id)
    const after = doc && map.record(kind, doc, image, articleSlugs)
    if (!before && !after) return
    const change = { kind, before, after } as Change
    applyChange(list, change)
    changes.push(change)
  }

  const byCollection = new Map<Collection, Set<string>>()
  for (const ref of refs) {
    const c = ref.collection as Collection
    byCollection.set(c, (byCollection.get(c) ?? new Set()).add(String(ref.id)))
  }
  const articleIds = [...(byCollection.get('articles') ?? [])]
  if (articleIds.length) {
    const docs = new Map((await published('articles', articleIds)).map((d) => [String(d.id), d]))
    for (const id of articleIds) replace('articles', id, docs.get(id))
    snapshot.articles.sort(newestFirst)
    // Labor models name their related news; the ones naming a changed article change with it.
    const related = await payload.find({
      collection: 'labor-models',
      where: { and: [{ relatedArticles: { in: articleIds } }, { _status: { equals: 'published' } }] },
      depth: 0,
      pagination: false,
      overrideAccess: false,
    })
    for (const m of related.docs) byCollection.set('labor-models', (byCollection.get('labor-models') ?? new Set()).add(String(m.id)))
  }
  articleSlugs = new Set(snapshot.articles.map((a) => a.slug))
  for (const [collection, idSet] of byCollection) {
    if (collection === 'articles') continue
    const ids = [...idSet]
    const docs = new Map((await published(collection, ids)).map((d) => [String(d.id), d]))
    for (const id of ids) replace(keyOf(collection), id, docs.get(id))
  }
  for (const change of [...changes]) if (change.kind === 'organizations') followOrganization(snapshot, change, changes)

  const store = asMediaStore(media)
  for (const f of mediaFiles) {
    const target = path.join(snapshotDir, 'media', f)
    await fs.access(target).catch(async () => fs.writeFile(target, await store.read(f)))
  }
  snapshot.generatedAt = new Date().toISOString()
  return { changes, write: stageSnapshot(snapshotDir, snapshot, { from, to: snapshot.generatedAt, changes }) }
}
