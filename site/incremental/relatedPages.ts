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
 * articles a changed one is a candidate for are compared. The live pages always hold these
 * lists, so the pages linking to a renamed or removed article are among them.
 */
const relatedAsides = (changes: readonly ArticleChange[], before: readonly SnapshotArticle[], after: readonly SnapshotArticle[]) => {
  const [was, is] = [relatedNews(before), relatedNews(after)]
  const changed = new Set(changes.flatMap((c) => [c.before?.slug, c.after?.slug]))
  const candidates = new Set<string>()
  for (const c of changes) {
    if (c.before) for (const a of was.newerNeighbours(c.before)) candidates.add(a.slug)
    if (c.after) for (const a of is.newerNeighbours(c.after)) candidates.add(a.slug)
  }
  const [beforeBySlug, afterBySlug] = [before, after].map((list) => new Map(list.map((a) => [a.slug, a])))
  const view = (list: SnapshotArticle[]) => list.map(listed).join('\n')
  return [...candidates].filter((slug) => {
    const [b, a] = [beforeBySlug.get(slug), afterBySlug.get(slug)]
    // A changed article's own page is rendered anyway; one that is gone has no aside.
    if (changed.has(slug) || !a || !b) return false
    return view(was.relatedTo(b)) !== view(is.relatedTo(a))
  })
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
