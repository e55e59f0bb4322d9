import type { CheerioAPI } from 'cheerio/slim'

import type { PageMeta } from '../lines'
import { clean, first, node, removeHidden, spacedText } from './dom'
import { infoFields } from './info'
import type { PageReader, ReaderResult } from './types'

interface Layout {
  /** Where the article text is; the layout applies only when one of these exists. */
  body: string[]
  title: string[]
  /** The line with date, source, author and counters. */
  info: string[]
  summary?: string[]
}

/**
 * Article templates of the common Chinese PHP portal systems. DedeCMS: `.viewbox` with
 * `.title`, `.info` and `.content`; PHPCMS v9: `#Article` with the info bar as a span inside
 * its `<h1>`; EmpireCMS: `#text`/`.newstext` under an `<h1>` and a `.newsinfo` line.
 */
const layouts: Record<string, Layout> = {
  DedeCMS: {
    body: ['.viewbox .content', '.viewbox .article_content'],
    title: ['.viewbox .title h2', '.viewbox h2', '.viewbox h1'],
    info: ['.viewbox .info'],
  },
  PHPCMS: { body: ['#Article .content'], title: ['#Article h1'], info: ['#Article h1 span'], summary: ['#Article .summary'] },
  EmpireCMS: {
    body: ['#text.newstext', '.newstext', '#text'],
    title: ['.newsbox h1', 'h1.title_h1', '.title h1', 'h1'],
    info: ['.newsinfo', '.info'],
  },
}

const readLayout = ($: CheerioAPI, layout: Layout): ReaderResult | undefined => {
  const body = first($, layout.body)
  if (!body) return undefined
  const titleEl = first($, layout.title)?.clone()
  // PHPCMS prints the info bar inside the title heading.
  titleEl?.find('span, br').remove()
  const info = first($, layout.info)
  const meta: PageMeta = { title: clean(titleEl?.text()), ...infoFields(spacedText(node(info))) }
  const summary = layout.summary && first($, layout.summary)
  if (summary) meta.summary = clean(summary.text().replace(/^\s*(?:导读|摘要|内容提要)\s*[:：]\s*/, ''))
  removeHidden($, body)
  return { body: node(body)!, meta }
}

const reader = (platform: string, signature: RegExp, fallbackSelector?: string): PageReader => ({
  platform,
  read: ($, html) => {
    const marked = signature.test(html.slice(-4096)) || signature.test($('meta[name="generator"]').attr('content') ?? '')
    if (!marked && !(fallbackSelector && $(fallbackSelector).length)) return undefined
    return readLayout($, layouts[platform])
  },
})

export const dedecms = reader('DedeCMS', /dede\s*cms/i, '.viewbox .content')
export const phpcms = reader('PHPCMS', /phpcms/i, '#Article .content')
export const empirecms = reader('EmpireCMS', /empire\s*cms|帝国/i, '.newsbox .newstext')
