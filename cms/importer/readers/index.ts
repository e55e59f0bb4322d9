import type { CheerioAPI } from 'cheerio/slim'

import { flatten } from '../html'
import type { PageMeta, SourceLine } from '../lines'
import { discuz, phpwind } from './forum'
import { government } from './government'
import { governmentMeta, mergeMeta } from './meta'
import { dedecms, empirecms, phpcms } from './portal'
import type { PageReader } from './types'
import { wechat } from './wechat'

/** Most specific first: a WeChat copy or a forum thread on a government site is still that. */
export const readers: PageReader[] = [wechat, discuz, phpwind, government, dedecms, phpcms, empirecms]

export interface ReadPage {
  platform: string
  lines: SourceLine[]
  meta: PageMeta
}

/**
 * Reads a page with the first platform reader that recognises it: the title line, then the
 * article's own markup as lines. Metadata precedence: the page's meta tags, then the
 * platform's fields; the text extractor fills in what both leave out.
 */
export const readKnownPage = ($: CheerioAPI, html: string): ReadPage | undefined => {
  for (const reader of readers) {
    const result = reader.read($, html)
    if (!result) continue
    const meta = mergeMeta(result.meta, governmentMeta($))
    const title: SourceLine[] = meta.title ? [{ text: meta.title, hint: 'title' }, { text: '' }] : []
    return { platform: reader.platform, lines: [...title, ...flatten(result.body)], meta }
  }
  return undefined
}
