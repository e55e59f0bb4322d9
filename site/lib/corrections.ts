import type { SnapshotArticle } from '../../content-models/snapshot'

/**
 * When a piece last changed in substance: the date of its latest 更新说明. A piece edited
 * without a note (a typo fixed) has none, and shows no 更新 date.
 */
export const updatedAt = (article: Pick<SnapshotArticle, 'corrections'>): string | undefined => article.corrections?.at(-1)?.date

/** `dateModified` of JSON-LD and the feed: the latest 更新说明, else the first publication. */
export const dateModified = (article: Pick<SnapshotArticle, 'corrections' | 'publishedAt'>): string =>
  updatedAt(article) ?? article.publishedAt
