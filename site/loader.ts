import type { SnapshotArticle } from '../content-models/snapshot'
import { noteRead, perRound, renderContext } from './lib/renderContext'

/**
 * The snapshot this round reads, its render context's (site/lib/renderContext.ts: SNAPSHOT_DIR
 * unless whoever started the round said otherwise). Pages read it directly, not through Astro's
 * content layer: syncing 12k records into the layer's data store and inlining that store into
 * the build cost 2.6 s of every build at 10k articles, an incremental one of a dozen pages
 * included, for records the snapshot already holds checked.
 */
export const buildSnapshot = () => renderContext().snapshot()

/** Longest body text any page shows outside the article itself (meta descriptions, feed). */
export const LEAD_CHARS = 160

/** Articles as listings, feeds and related lists see them: the start of their text, not their body; see articleBodyHtml. */
export const slimArticle = (a: SnapshotArticle): SnapshotArticle => ({ ...a, bodyHtml: '', bodyText: a.bodyText.slice(0, LEAD_CHARS) })

const bodies = perRound(() => new Map(buildSnapshot().articles.map((a) => [a.id, a.bodyHtml])))

/** An article's body, read from the snapshot when its page renders. */
export const articleBodyHtml = (id: string): string => {
  noteRead('articles')
  return bodies().get(id) ?? ''
}
