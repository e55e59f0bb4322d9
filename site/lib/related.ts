import type { SnapshotArticle } from '../../content-models/snapshot'

/** How many of the news just before an article, per tag, section and region, are candidates. */
const PER_BUCKET = 40

/** The tags, sections and region an article shares with its related news. */
const keysOf = (article: SnapshotArticle) => {
  const keys: string[] = []
  const add = (key: string) => keys.includes(key) || keys.push(key)
  for (const t of article.tags) add(`t:${t}`)
  for (const c of article.categories) add(`c:${c.slug}`)
  if (article.region) add(`r:${article.region.code}`)
  return keys
}

/** Where `value` sits in an ascending list that holds it. */
const indexIn = (list: readonly number[], value: number) => {
  let [low, high] = [0, list.length - 1]
  while (low < high) {
    const mid = (low + high) >> 1
    if (list[mid]! < value) low = mid + 1
    else high = mid
  }
  return low
}

/** The tags, sections and regions of some articles, to make only their buckets. */
const keySets = (articles: readonly SnapshotArticle[]) => ({
  tags: new Set(articles.flatMap((a) => a.tags)),
  categories: new Set(articles.flatMap((a) => a.categories.map((c) => c.slug))),
  regions: new Set(articles.flatMap((a) => (a.region ? [a.region.code] : []))),
  slugs: new Set(articles.map((a) => a.slug)),
})

/**
 * Every tag's, section's and region's news as places in `articles` (which must be newest first,
 * content-models/changes.ts `newestFirst`), or only those of the articles `about` names, and
 * the places of those articles by slug (the plan asks about versions of an article that are
 * not the list's own objects). The plan makes these four times a publish at 50k articles,
 * for a few articles each time: it leaves out the rest.
 */
const bucketsOf = (articles: readonly SnapshotArticle[], about?: readonly SnapshotArticle[]) => {
  const only = about && keySets(about)
  const buckets = new Map<string, number[]>()
  const places = new Map<string, number>()
  const add = (key: string, i: number) => {
    const list = buckets.get(key)
    if (!list) buckets.set(key, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  articles.forEach((a, i) => {
    if (!only || only.slugs.has(a.slug)) places.set(a.slug, i)
    for (const t of a.tags) if (!only || only.tags.has(t)) add(`t:${t}`, i)
    for (const c of a.categories) if (!only || only.categories.has(c.slug)) add(`c:${c.slug}`, i)
    if (a.region && (!only || only.regions.has(a.region.code))) add(`r:${a.region.code}`, i)
  })
  /** The articles of each of `article`'s buckets within `reach` of it: older (reach > 0) or newer. */
  const near = (article: SnapshotArticle, reach: number): number[] => {
    const place = places.get(article.slug)
    if (place === undefined) return []
    return keysOf(articles[place]!).flatMap((key) => {
      const list = buckets.get(key)!
      const i = indexIn(list, place)
      return reach > 0 ? list.slice(i + 1, i + 1 + reach) : list.slice(Math.max(0, i + reach), i)
    })
  }
  return near
}

/**
 * Related news: shared tags count double, shared sections and the same region once; newest
 * first among equals. Candidates are the PER_BUCKET news published just before the article in
 * each of its tags, sections and regions: a page costs a few hundred comparisons, and its list
 * depends only on older news, so publishing new news never changes an older page's list (an
 * incremental publish renders no page for it, and which pages show a record can be computed:
 * `relatedNews(…).newerNeighbours`). `about`, when given, names the only articles it is asked
 * about (by slug); an article outside it has no related news and no neighbours.
 */
export const relatedNews = (articles: readonly SnapshotArticle[], about?: readonly SnapshotArticle[]) => {
  const near = bucketsOf(articles, about)
  const relatedTo = (article: SnapshotArticle, limit = 4): SnapshotArticle[] => {
    const candidates = new Set(near(article, PER_BUCKET).map((i) => articles[i]!))
    const score = (other: SnapshotArticle) =>
      other.categories.filter((c) => article.categories.some((x) => x.slug === c.slug)).length +
      2 * other.tags.filter((t) => article.tags.includes(t)).length +
      (other.region && other.region.code === article.region?.code ? 1 : 0)
    return [...candidates]
      .map((a, order) => ({ a, s: score(a), order }))
      .filter(({ s }) => s > 0)
      .sort((x, y) => y.s - x.s || y.a.publishedAt.localeCompare(x.a.publishedAt) || x.order - y.order)
      .slice(0, limit)
      .map(({ a }) => a)
  }
  /**
   * The articles whose related news may hold `article`: the PER_BUCKET published just after it
   * in each of its tags, sections and regions (the only ones whose candidates include it).
   */
  const newerNeighbours = (article: SnapshotArticle): SnapshotArticle[] => near(article, -PER_BUCKET).map((i) => articles[i]!)
  return { relatedTo, newerNeighbours }
}

/** The related news of each article of `articles` (newest first), as the article page shows them. */
export const relatedIndex = (articles: readonly SnapshotArticle[]) => relatedNews(articles).relatedTo
