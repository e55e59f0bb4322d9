import { findDate } from '../date'
import type { PageMeta } from '../lines'
import { clean, first, node, removeHidden } from './dom'
import type { PageReader } from './types'

/**
 * WeChat official-account articles saved from a browser: title `#activity-name`, text
 * `#js_content` (hidden with `visibility:hidden` until the page script runs, so the saved
 * copy still has it), account `#js_name`, author `#js_author_name` or the first meta span,
 * date in `#publish_time` — which the script fills in, so saved pages often have it empty
 * and only `var ct = "<unix seconds>"` left. Everything after the text (阅读原文, 在看, 分享,
 * 写留言, the QR code) sits outside `#js_content`.
 */
export const wechat: PageReader = {
  platform: '微信公众号',
  read: ($, html) => {
    const body = $('#js_content').first()
    if (!body.length) return undefined
    const ct = /\bct\s*=\s*["']?(\d{9,11})["']?/.exec(html)?.[1]
    const date = findDate($('#publish_time').first().text())?.iso ?? (ct ? new Date(Number(ct) * 1000).toISOString() : undefined)
    const author = first($, ['#js_author_name', '#meta_content .rich_media_meta_text:not(em):not([id])'])
    const url =
      clean($('meta[property="og:url"]').attr('content')) ?? /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 1024))?.[1]
    const meta: PageMeta = {
      title: clean($('#activity-name').first().text()) ?? clean($('meta[property="og:title"]').attr('content')) ?? clean($('title').text()),
      date,
      source: clean($('#js_name').first().text()) ?? clean(/var\s+nickname\s*=\s*["']([^"']+)["']/.exec(html)?.[1]),
      author: clean(author?.text()),
      url: url?.replace(/&amp;/g, '&'),
    }
    removeHidden($, body)
    // `<h1>绥德县举行</h1><h1>庆“八一”…表彰大会</h1>` opening the text: an account reposting a
    // report prints its headline again; the article's own title is `#activity-name`.
    for (const el of body.children().toArray()) {
      if ((el as { tagName?: string }).tagName === 'h1') $(el).remove()
      else if ($(el).text().trim() || $(el).find('img').length) break
    }
    return { body: node(body)!, meta }
  },
}
