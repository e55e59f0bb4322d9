import type { Cheerio, CheerioAPI } from 'cheerio/slim'
import type { AnyNode } from 'domhandler'

import { findDate } from '../date'
import { walk, type DomNode } from '../html'

type Selection = Cheerio<AnyNode>

/** Inline style that hides an element: forums hide anti-scraping strings this way. */
const hiddenStyle = /(?:^|;)\s*display\s*:\s*none|(?:^|;)\s*visibility\s*:\s*hidden|(?:^|;)\s*font-size\s*:\s*0(?:px)?\s*(?:;|$)/i

/**
 * Removes what a browser would not show inside an article: scripts and styles, Discuz!'s
 * `<font class="jammer">` strings and `display:none` spans. The container itself is kept
 * even when hidden (WeChat hides `#js_content` until its script runs).
 */
export const removeHidden = ($: CheerioAPI, container: Selection): void => {
  container.find('script, style, noscript, template, font.jammer, span.jammer, .jammer').remove()
  container.find('[style]').each((_, el) => {
    const style = (el as unknown as DomNode).attribs?.style ?? ''
    if (hiddenStyle.test(style)) $(el).remove()
  })
}

/** Text of an element with a space between its parts, so `来源：<span>A</span>浏览` stays apart. */
export const spacedText = (node: DomNode | undefined): string => {
  if (!node) return ''
  const parts: string[] = []
  walk(node, (n) => {
    if (n.type === 'text') parts.push(n.data ?? '')
    else if (n.type === 'script' || n.type === 'style' || n.type === 'comment') return false
  })
  return parts
    .join(' ')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
}

export const clean = (s: string | undefined): string | undefined => {
  const t = s?.replace(/[\s\u00a0\u3000]+/g, ' ').trim()
  return t || undefined
}

/** First element of a selector list that exists, in the order given (not document order). */
export const first = ($: CheerioAPI, selectors: string[], scope?: Selection): Selection | undefined => {
  for (const sel of selectors) {
    const found = (scope ? scope.find(sel) : $(sel)).first()
    if (found.length) return found as Selection
  }
  return undefined
}

/** A date written next to `发表于`, `发布于`, `发表时间`; never a profile's 注册时间 or 最后登录. */
export const postedDate = (text: string): string | undefined => {
  const m = /(?:发表于|发布于|发表时间|发帖时间|发布时间|posted\s+on)\s*(?:[:：]\s*)?(.{8,24})/i.exec(text)
  return m ? findDate(m[1])?.iso : undefined
}

export const node = (selection: Selection | undefined): DomNode | undefined => selection?.[0] as DomNode | undefined
