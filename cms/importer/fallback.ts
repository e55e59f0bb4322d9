import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

import { blockText, isImageBlock, type PageBlock } from './blocks'

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '')

export interface MainContent {
  text: string
  images: Set<string>
}

/**
 * Mozilla Readability over a linkedom DOM: where the article is on a page no platform
 * reader knows. linkedom rather than jsdom because it is about five times faster here
 * (13 vs 64 ms a page with Readability, measured on the fixtures) and Readability needs
 * no layout. Returns undefined when Readability finds no article.
 */
export const mainContent = (html: string): MainContent | undefined => {
  const { document } = parseHTML(html)
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse()
  if (!article?.content) return undefined
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`)
  const images = new Set<string>()
  for (const img of content.querySelectorAll('img')) {
    for (const attr of ['src', 'data-src', 'file', 'zoomfile', 'data-original']) {
      const v = img.getAttribute(attr)
      if (v) images.add(v.trim())
    }
  }
  return { text: compact(article.textContent ?? ''), images }
}

/**
 * Keeps the blocks the line extractor found that lie inside Readability's article: the
 * line rules decide what each line is (heading, caption, paragraph), Readability decides
 * where the article ends, so sidebars and link lists no chrome rule names are left out.
 * When Readability keeps nothing of the extracted body, it found something else and the
 * extractor's own reading stands.
 */
export const withinMainContent = (blocks: PageBlock[], main: MainContent | undefined): PageBlock[] => {
  if (!main || main.text.length < 40) return blocks
  const kept = blocks.filter((b) =>
    isImageBlock(b) ? b.image.sources.some((s) => main.images.has(s)) : main.text.includes(compact(blockText(b))),
  )
  return kept.some((b) => !isImageBlock(b)) ? kept : blocks
}
