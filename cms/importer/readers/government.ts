import type { CheerioAPI } from 'cheerio/slim'

import { contains, findFirst, readHead, type DomNode } from '../html'
import type { PageMeta } from '../lines'
import { clean, first, node, removeHidden, spacedText } from './dom'
import { infoFields } from './info'
import { governmentMeta, mergeMeta } from './meta'
import type { PageReader, ReaderResult } from './types'

/** Article containers of TRS WCM and the other systems government sites run on. */
const bodies = [
  '.TRS_Editor',
  '#zoom',
  '#UCAP-CONTENT',
  '.pages_content',
  '.article-content',
  '.detail-content',
  '.xxgk_content',
  '#Zoom',
  '.zoom',
]
/** An info bar names a publish date and usually a source or a counter. */
const infoLabel = /(?:发布时间|发布日期|发文日期|日期|时间)\s*[:：]/
const infoCompanion = /来源|浏览|点击|阅读|字体|作者|信息来源/

/** The smallest element outside the body whose text is an info bar. */
const infoBar = ($: CheerioAPI, body: DomNode): string | undefined => {
  let best: string | undefined
  $('div, p, td, span, li, h3, h4, h5, h6').each((_, el) => {
    const n = el as unknown as DomNode
    if (contains(n, body) || contains(body, n)) return
    const text = spacedText(n)
    if (text.length > 220 || !infoLabel.test(text) || !infoCompanion.test(text)) return
    if (!best || text.length < best.length) best = text
  })
  return best
}

/**
 * Government and TRS WCM article pages. Metadata comes from the standard meta tags when
 * present, then from the info bar (`发布时间：… 来源：… 浏览次数：… 【字体：大 中 小】`),
 * then from `<title>` and the heading matching it. The body is the editor's container;
 * print, close and share links live outside it.
 */
export const government: PageReader = {
  platform: '政府网站',
  read: ($, html) => {
    const tags = governmentMeta($)
    const bodySel = first($, bodies)
    if (!bodySel || (!tags && !$('.TRS_Editor').length && !/\bTRS\b|网站标识码|jiucuo\.gov\.cn/.test(html))) return undefined
    const body = node(bodySel)!
    const root = findFirst($.root()[0] as unknown as DomNode, 'body') ?? ($.root()[0] as unknown as DomNode)
    const head = readHead($, html, root)
    let meta: PageMeta = { title: head.meta.title, url: head.meta.url }
    const info = infoBar($, body)
    if (info) meta = mergeMeta(meta, infoFields(info))
    meta = mergeMeta(meta, tags)
    removeHidden($, bodySel)
    bodySel.find('.share, .bdsharebuttonbox, [class*="share"], .print, .close').remove()
    return { body, meta: { ...meta, title: clean(meta.title) } } satisfies ReaderResult
  },
}
