/** One line of a page as the extractor reads it; blank lines are kept because gaps matter. */
export interface SourceLine {
  text: string
  /** What the markup said about the line, when the page was HTML. */
  hint?: 'title' | 'heading' | 'caption' | 'afterImage'
}

/** What the page says about itself outside the text (HTML head, saved-from comment). */
export interface PageMeta {
  title?: string
  /** ISO 8601. */
  date?: string
  url?: string
}

export const textToLines = (text: string): SourceLine[] => text.split(/\r\n|\r|\n/).map((line) => ({ text: line }))
