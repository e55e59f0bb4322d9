import type { Change } from '../../content-models/changes'
import type { SnapshotArticle, SnapshotLaborModel } from '../../content-models/snapshot'
import { relatedNews } from '../lib/related'
import { recordUrl } from '../routes'

type ArticleChange = Change & { kind: 'articles' }

/** What a list of news shows of an article (components/NewsList.astro): everything but its body. */
const listed = (a: SnapshotArticle | undefined) => {
  if (!a) return ''
  const { bodyHtml: _html, bodyText: _text, ...shown } = a as SnapshotArticle & { bodyHtml?: string; bodyText?: string }
  return JSON.stringify(shown)
}

/**
 * Article pages whose related news (lib/related.ts) differ before and after the changes: the
 * lists are made with the pages' own function from the articles before and after, and only the
 * articles a changed one is a candidate for are compared (each step makes only the buckets of
 * the articles it asks about: a publish at 50k articles needs a handful). The live pages always hold these
 * lists, so the pages linking to a renamed or removed article are among them.
 */
const relatedAsides = (changes: readonly ArticleChange[], before: readonly SnapshotArticle[], after: readonly SnapshotArticle[]) => {
  const versions = (which: 'before' | 'after') => changes.flatMap((c) => (c[which] ? [c[which]] : []))
  const [near, nearNow] = [relatedNews(before, versions('before')), relatedNews(after, versions('after'))]
  const changed = new Set([...versions('before'), ...versions('after')].map((a) => a.slug))
  const candidates = new Set<string>()
  for (const a of versions('before')) for (const n of near.newerNeighbours(a)) candidates.add(n.slug)
  for (const a of versions('after')) for (const n of nearNow.newerNeighbours(a)) candidates.add(n.slug)
  // A changed article's own page is rendered anyway.
  for (const slug of changed) candidates.delete(slug)
  if (!candidates.size) return []
  const [beforeBySlug, afterBySlug] = [before, after].map((list) => new Map(list.map((a) => [a.slug, a])))
  // Pages that are there before and after (one that is gone has no aside), compared.
  const pairs = [...candidates].flatMap((slug) => {
    const [b, a] = [beforeBySlug.get(slug), afterBySlug.get(slug)]
    return b && a ? [{ slug, b, a }] : []
  })
  const was = relatedNews(
    before,
    pairs.map((p) => p.b),
  )
  const is = relatedNews(
    after,
    pairs.map((p) => p.a),
  )
  const view = (list: SnapshotArticle[]) => list.map(listed).join('\n')
  return pairs.filter(({ b, a }) => view(was.relatedTo(b)) !== view(is.relatedTo(a))).map((p) => p.slug)
}

/** Labor models whose news list (their relatedArticles) holds an article whose listing changed. */
const modelNewsLists = (changes: readonly ArticleChange[], models: readonly SnapshotLaborModel[]) => {
  const relisted = new Set(
    changes.filter((c) => listed(c.before) !== listed(c.after)).flatMap((c) => [c.before?.slug, c.after?.slug].filter(Boolean)),
  )
  return relisted.size ? models.filter((m) => m.relatedArticles.some((slug) => relisted.has(slug))) : []
}

/**
 * The detail pages that list changed articles: articles' related news and labor models' news.
 * `before` and `after` are the articles newest first.
 */
export const pagesListingArticles = (
  changes: readonly Change[],
  before: readonly SnapshotArticle[],
  after: readonly SnapshotArticle[],
  models: readonly SnapshotLaborModel[],
): string[] => {
  const articleChanges = changes.filter((c): c is ArticleChange => c.kind === 'articles')
  if (!articleChanges.length) return []
  return [
    ...relatedAsides(articleChanges, before, after).map((slug) => recordUrl('articles', slug)),
    ...modelNewsLists(articleChanges, models).map((m) => recordUrl('laborModels', m.slug)),
  ]
}
