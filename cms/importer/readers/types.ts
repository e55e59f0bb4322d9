import type { CheerioAPI } from 'cheerio/slim'

import type { DomNode } from '../html'
import type { PageMeta } from '../lines'

/** What a platform reader found: the article's own markup and the fields the platform prints. */
export interface ReaderResult {
  /** The element holding the article text; noise and hidden parts already removed. */
  body: DomNode
  meta: PageMeta
}

/**
 * A reader for one family of pages (Discuz!, TRS, WeChat, …). `read` returns undefined when
 * the page only looks like the family but lacks its article markup, so the next reader (and
 * finally the general extractor) gets the page.
 */
export interface PageReader {
  platform: string
  read: ($: CheerioAPI, html: string) => ReaderResult | undefined
}
