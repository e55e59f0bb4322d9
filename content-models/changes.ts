import type {
  ContentSnapshot,
  SnapshotArticle,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotService,
  SnapshotWorkersHome,
} from './snapshot'

/**
 * The contract between the CMS and the site for an incremental publish. A change is a public
 * record as it was and as it is now (either may be missing: published for the first time, or
 * unpublished/deleted); the CMS makes them (cms/publishing/patchSnapshot.ts), the snapshot logs
 * and replays them (site/snapshot.ts), the site decides from them what to render
 * (site/incremental/plan.ts) and which search documents to replace (site/search/).
 */
export type Change =
  | { kind: 'articles'; before?: SnapshotArticle; after?: SnapshotArticle }
  | { kind: 'services'; before?: SnapshotService; after?: SnapshotService }
  | { kind: 'workersHomes'; before?: SnapshotWorkersHome; after?: SnapshotWorkersHome }
  | { kind: 'laborModels'; before?: SnapshotLaborModel; after?: SnapshotLaborModel }
  | { kind: 'organizations'; before?: SnapshotOrganization; after?: SnapshotOrganization }

export type ChangeKind = Change['kind']

/** An incremental update of the snapshot: the records it changed, and its `generatedAt` before and after. */
export interface SnapshotUpdate {
  from: string
  to: string
  changes: readonly Change[]
}

/** The order of the snapshot's articles and of every news listing: newest first, and by slug among news of the same moment (imports often share a date). */
export const newestFirst = (a: SnapshotArticle, b: SnapshotArticle) =>
  b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug)

const idOf = (change: Change) => String((change.before ?? change.after)!.id)

/**
 * Applies one change to a list of its records in place: the record is taken out and its new
 * version, if any, added at the end (every page sorts records by key; articles are put back in
 * order by `applyUpdate`).
 */
export const applyChange = (list: { id: string }[], change: Change) => {
  const id = idOf(change)
  const i = list.findIndex((r) => String(r.id) === id)
  if (i >= 0) list.splice(i, 1)
  if (change.after) list.push(change.after)
}

/** Applies `update` to `snapshot` in place (`except`: a kind the caller applies itself); articles stay newest first. */
export const applyUpdate = (snapshot: ContentSnapshot, update: SnapshotUpdate, except?: ChangeKind) => {
  for (const change of update.changes) if (change.kind !== except) applyChange(snapshot[change.kind] as { id: string }[], change)
  snapshot.articles.sort(newestFirst)
  snapshot.generatedAt = update.to
}

/** The inverse of applying `changes` to records of one kind: the records as they were before, given them after. */
export const recordsBefore = <K extends ChangeKind, R extends { id: string }>(
  kind: K,
  after: readonly R[],
  changes: readonly Change[],
): R[] => {
  const replaced = new Set<string>()
  const restored: R[] = []
  for (const c of changes) {
    if (c.kind !== kind) continue
    if (c.after) replaced.add(String(c.after.id))
    if (c.before) {
      replaced.add(String(c.before.id))
      restored.push(c.before as unknown as R)
    }
  }
  return [...after.filter((r) => !replaced.has(String(r.id))), ...restored]
}
