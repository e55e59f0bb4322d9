import type { RichBlock } from '../seed/richText'
import type { PageImage, SourceLine } from './lines'

export interface BodyLine {
  text: string
  /** Blank lines (or images) before this line on the page. */
  gap: number
  hint?: SourceLine['hint']
  /** An image standing here (the line's text is empty). */
  image?: PageImage
  /** See `SourceLine.linked`. */
  linked?: boolean
}

/** An image in the body; `caption` is the caption printed under it, its best alt text. */
export interface ImageBlock {
  image: PageImage
  caption?: string
}
export type PageBlock = RichBlock | ImageBlock

export const isImageBlock = (b: PageBlock): b is ImageBlock => typeof b === 'object' && 'image' in b
/** A block's text; an image has none. */
export const blockText = (b: PageBlock): string =>
  typeof b === 'string' ? b : 'heading' in b ? b.heading : 'caption' in b && !('image' in b) ? b.caption : ''

/** A page's text as compared and searched: its paragraphs, headings and captions, a line each. */
export const bodyText = (blocks: PageBlock[]) => blocks.map(blockText).filter(Boolean).join('\n')

type Kind = 'paragraph' | 'heading' | 'caption' | 'image'
interface Draft {
  kind: Kind
  text: string
  image?: PageImage
}

const compactLength = (s: string) => s.replace(/\s+/g, '').length

/**
 * A sentence ends in 。！？；… or a colon, possibly inside closing quotes, or with a
 * closing bracket (`（原标题：…）`). A heading or caption ends in none of these.
 */
export const isTerminated = (text: string) => {
  // Closing quotes and spaces skipped by hand: `[…]+$` rescans a run of them from every start.
  let end = text.length
  while (end > 0 && /[”’」』"'\s]/.test(text[end - 1])) end--
  return end > 0 && /[。！？!?；;…：:)）】]/.test(text[end - 1])
}

const decoration = /^[◎●■◆▲★☆◇□▶►]+\s*/
const numbered = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分篇])/
const captionWords = /^(?:图为|图片|图[:：]|▲|△)|[（(](?:\p{Script=Han}{0,6}摄影?|供图|图片来源[^)）]*)[)）]$|摄$/u

const median = (values: number[]) => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Turns body lines into paragraphs, section headings and photo captions, from what the
 * text looks like: a heading is a short line that ends no sentence and leads into one; a
 * caption is a short unpunctuated line standing apart (more blank lines around it than
 * between paragraphs, where a photo was) or worded like one (`图为…`, `（张三 摄）`).
 * Pages saved from print layouts also break paragraphs at page ends and around photos;
 * a paragraph that stops mid-sentence is joined to the next one.
 */
export const toBlocks = (lines: BodyLine[]): PageBlock[] => {
  const textLines = lines.filter((l) => !l.image)
  const captionGap = Math.max(2, median(textLines.slice(1).map((l) => l.gap)) + 2)
  const drafts: Draft[] = lines.map((line, i) => {
    if (line.image) return { kind: 'image', text: '', image: line.image }
    const text = line.text
    const length = compactLength(text)
    const terminated = isTerminated(text)
    if (line.hint === 'heading' && length <= 80) return { kind: 'heading', text: text.replace(decoration, '') }
    if (line.hint === 'caption' && length <= 120) return { kind: 'caption', text }
    if ((decoration.test(text) || numbered.test(text)) && length <= 50 && !text.includes('。')) {
      return { kind: 'heading', text: text.replace(decoration, '') }
    }
    if (!terminated && length <= 80 && (line.gap >= captionGap || line.hint === 'afterImage' || captionWords.test(text))) {
      return { kind: 'caption', text: text.replace(/^[▲△]\s*/, '') }
    }
    if (!terminated && length <= 40 && !/[。！？；]/.test(text) && i < lines.length - 1) return { kind: 'heading', text }
    return { kind: 'paragraph', text }
  })

  // A heading needs a paragraph after it; one that leads nowhere was a short paragraph.
  for (let i = 0; i < drafts.length; i++) {
    if (drafts[i].kind !== 'heading') continue
    const next = drafts.slice(i + 1).find((d) => d.kind !== 'caption' && d.kind !== 'image')
    if (!next || next.kind === 'heading') {
      if (!(decoration.test(lines[i].text) || numbered.test(lines[i].text) || lines[i].hint === 'heading')) drafts[i].kind = 'paragraph'
    }
  }

  const merged: Draft[] = []
  for (let i = 0; i < drafts.length; i++) {
    const draft = { ...drafts[i] }
    const moved: Draft[] = []
    while (draft.kind === 'paragraph' && !isTerminated(draft.text)) {
      let j = i + 1
      while (j < drafts.length && (drafts[j].kind === 'caption' || drafts[j].kind === 'image')) j++
      if (j >= drafts.length || drafts[j].kind !== 'paragraph') break
      moved.push(...drafts.slice(i + 1, j))
      const joint = /[A-Za-z0-9]$/.test(draft.text) && /^[A-Za-z0-9]/.test(drafts[j].text) ? ' ' : ''
      draft.text += joint + drafts[j].text
      i = j
    }
    merged.push(draft, ...moved)
  }

  return merged.map((d, i): PageBlock => {
    if (d.kind === 'image') {
      const next = merged[i + 1]
      return next?.kind === 'caption' ? { image: d.image!, caption: next.text } : { image: d.image! }
    }
    return d.kind === 'heading' ? { heading: d.text } : d.kind === 'caption' ? { caption: d.text } : d.text
  })
}
