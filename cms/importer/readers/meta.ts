import type { CheerioAPI } from 'cheerio/slim'

import { isoDate } from '../head'
import type { PageMeta } from '../lines'
import { clean } from './dom'

const exact = ($: CheerioAPI, name: string) => clean($(`meta[name="${name}"]`).attr('content'))

/**
 * The meta tags of the national government-website standard (`ArticleTitle`, `PubDate`,
 * `ContentSource`, `Author`, `ColumnName`, `SiteName`). Names are matched exactly: Discuz!
 * pages carry a lower-case `author` naming the template's designers.
 */
export const governmentMeta = ($: CheerioAPI): PageMeta | undefined => {
  const meta: PageMeta = {
    title: exact($, 'ArticleTitle'),
    date: isoDate(exact($, 'PubDate')),
    source: exact($, 'ContentSource'),
    author: exact($, 'Author'),
    column: exact($, 'ColumnName'),
    siteName: exact($, 'SiteName'),
  }
  return meta.title || meta.date || meta.source ? meta : undefined
}

/** Fields present in `over` replace those in `base`; absent ones do not erase. */
export const mergeMeta = (base: PageMeta, over: PageMeta | undefined): PageMeta => {
  const out: PageMeta = { ...base }
  for (const [k, v] of Object.entries(over ?? {}) as [keyof PageMeta, string | undefined][]) if (v) out[k] = v
  return out
}
