import type { Loader } from 'astro/loaders'

import type { SnapshotRecordKey } from '../content-models/publicTypes'
import { settings } from '../content-models/settings'
import type { SnapshotArticle } from '../content-models/snapshot'
import { readSnapshot } from './snapshot'

/** The snapshot this build reads (SNAPSHOT_DIR, handed over by whoever started the build). */
const buildSnapshot = () => readSnapshot(settings().snapshotDir)

/**
 * Astro content-layer loader over the snapshot. Each record's digest lets Astro skip
 * unchanged entries between builds. `slim` drops what only a record's own page needs:
 * Astro inlines the whole data store into the build as one JavaScript string, which for
 * 10k articles with their bodies (87 MB) cost 6 s of every build, incremental ones
 * included, and would pass V8's string limit near 50k.
 */
export const snapshotLoader = (
  key: SnapshotRecordKey,
  idOf: (record: any) => string = (r) => r.slug,
  slim: (record: any) => object = (r) => r,
): Loader => ({
  name: `snapshot-${key}`,
  load: async ({ store, generateDigest }) => {
    const records = buildSnapshot()[key] as unknown as Record<string, unknown>[]
    store.clear()
    for (const record of records) {
      const data = slim(record) as Record<string, unknown>
      store.set({ id: idOf(record), data, digest: generateDigest(data) })
    }
  },
})

/** Longest body text any page shows outside the article itself (meta descriptions, feed). */
export const LEAD_CHARS = 160

/** Articles in the content layer carry the start of their text, not their body; see articleBodyHtml. */
export const slimArticle = (a: SnapshotArticle): SnapshotArticle => ({ ...a, bodyHtml: '', bodyText: a.bodyText.slice(0, LEAD_CHARS) })

let bodies: Map<string, string> | undefined

/** An article's body, read from the snapshot when its page renders. */
export const articleBodyHtml = (id: string): string => {
  bodies ??= new Map(buildSnapshot().articles.map((a) => [a.id, a.bodyHtml]))
  return bodies.get(id) ?? ''
}
