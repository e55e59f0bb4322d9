import { blockText } from '../../cms/importer/blocks'
import { parsePage } from '../../cms/importer/parse'
import { paragraphs } from './portalPages'

/**
 * Pages in the shape portals, forums and blog hosts of 2003–2006 gave them (written for this
 * project, about the fictional 江南市): a table layout with a menu bar and a footer around what
 * the test puts in the middle.
 */
export const oldPage = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>
<table width="760"><tr><td><a href="/">江南社区</a> | <a href="/bbs/">论坛</a> | <a href="/blog/">博客</a> | <a href="/help/">帮助</a></td></tr></table>
<table width="760"><tr><td class="content">
${body}
</td></tr></table>
<table width="760"><tr><td>江南社区 版权所有 Copyright 2003-2006</td></tr></table>
</body></html>`

/** The paragraphs of our own text as an old page's `<p>`s. */
export const paragraphHtml = (ps: string[] = paragraphs) => ps.map((p) => `<p>${p}</p>`).join('\n')

/** A page parsed, with its first and last body blocks and its whole text beside the fields. */
export const readPage = (html: string) => {
  const page = parsePage(new TextEncoder().encode(html), 'page.html')
  const blocks = page.blocks.map(blockText).filter(Boolean)
  return { ...page, first: blocks[0] ?? '', last: blocks.at(-1) ?? '', body: blocks.join('\n') }
}

export const beijing = (local: string) => new Date(`${local}+08:00`).toISOString()
