/** An image on a saved page: every address it names, best first, and its own alt text. */
export interface PageImage {
  /** `src`, `data-src` (WeChat), `file`/`zoomfile` (Discuz) as written in the page. */
  sources: string[]
  alt?: string
}

/** One line of a page as the extractor reads it; blank lines are kept because gaps matter. */
export interface SourceLine {
  text: string
  /** What the markup said about the line, when the page was HTML. */
  /** `header`: beside the headline, outside the article: read for the date and credits, never body text. */
  /** `trailer`: a labelled date under the article, outside it (`时间：2019-09-24 17:08`): read for the date, never body text. */
  hint?: 'title' | 'heading' | 'caption' | 'afterImage' | 'header' | 'trailer'
  /** On a blank line: the image that stood there. */
  image?: PageImage
  /** Most of the line's text is the text of links: a list of other articles, a promo, a menu. */
  linked?: boolean
}

/**
 * What the page says about itself outside the body text: the HTML head, a saved-from
 * comment, the fields a known platform prints in fixed places. These win over what the
 * text heuristics find.
 */
export interface PageMeta {
  title?: string
  /** A `<title>` that names only the site: the title when the page shows no headline at all. */
  siteTitle?: string
  /** ISO 8601. */
  date?: string
  url?: string
  source?: string
  author?: string
  editor?: string
  summary?: string
  /** The site's section (government `ColumnName`). */
  column?: string
  /** The publishing site (government `SiteName`); the source when nothing else names one. */
  siteName?: string
  /** The body a 信息公开 block names as publishing the page (`发布机构`); the source ahead of the site. */
  publisher?: string
}

export const textToLines = (text: string): SourceLine[] => text.split(/\r\n|\r|\n/).map((line) => ({ text: line }))
