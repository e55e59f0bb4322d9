import type { SnapshotArticle } from '../../content-models/snapshot'

const PER_BUCKET = 40

/**
 * Related news: shared tags count double, shared sections and the same region once; newest
 * first among equals. Candidates come from the newest few articles of each tag, section and
 * region an article has, so a page costs a few hundred comparisons, not one per article.
 */
export const relatedIndex = (articles: readonly SnapshotArticle[]) => {
  const buckets = new Map<string, SnapshotArticle[]>()
  const add = (key: string, a: SnapshotArticle) => {
    const list = buckets.get(key) ?? []
    if (list.length < PER_BUCKET) list.push(a)
    buckets.set(key, list)
  }
  // `articles` is newest first, so each bucket keeps its newest members.
  for (const a of articles) {
    for (const t of a.tags) add(`t:${t}`, a)
    for (const c of a.categories) add(`c:${c.slug}`, a)
    if (a.region) add(`r:${a.region.code}`, a)
  }
  return (article: SnapshotArticle, limit = 4): SnapshotArticle[] => {
    const keys = [
      ...article.tags.map((t) => `t:${t}`),
      ...article.categories.map((c) => `c:${c.slug}`),
      ...(article.region ? [`r:${article.region.code}`] : []),
    ]
    const candidates = new Set(keys.flatMap((k) => buckets.get(k) ?? []))
    candidates.delete(article)
    const score = (other: SnapshotArticle) =>
      other.categories.filter((c) => article.categories.some((x) => x.slug === c.slug)).length +
      2 * other.tags.filter((t) => article.tags.includes(t)).length +
      (other.region && other.region.code === article.region?.code ? 1 : 0)
    return [...candidates]
      .map((a) => ({ a, s: score(a) }))
      .filter(({ s }) => s > 0)
      .sort((x, y) => y.s - x.s || y.a.publishedAt.localeCompare(x.a.publishedAt))
      .slice(0, limit)
      .map(({ a }) => a)
  }
}
