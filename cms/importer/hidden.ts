/**
 * Elements a page's own stylesheet hides: `<style>#title_desc { display: none; }</style>`
 * around a share description that repeats the lead, or a block of keywords for search
 * engines. A browser never shows them, so neither the body nor a field may come from them.
 * Only simple selectors (`#id`, `.class`, `tag.class`) are read; anything else a stylesheet
 * says is left alone, since guessing wrong would hide the article.
 */

const simpleSelector = /^[a-z]{0,10}[#.][\w-]{1,60}$/i
const hides = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i

/** At most this many selectors are applied: each is a walk over the whole page. */
const MAX_SELECTORS = 50

/** Stylesheet text is read up to this many characters: a page's own rules come first. */
const MAX_STYLE_CHARS = 200_000

/** The simple selectors the given `<style>` texts hide with `display: none`. */
export const hiddenSelectors = (styles: string[]): string[] => {
  const found = new Set<string>()
  let budget = MAX_STYLE_CHARS
  for (const style of styles) {
    const text = style.slice(0, budget).replace(/\/\*[^]*?\*\//g, '')
    budget -= text.length
    for (const rule of text.split('}')) {
      const open = rule.indexOf('{')
      if (open < 0 || !hides.test(rule.slice(open + 1).trim())) continue
      for (const selector of rule.slice(0, open).split(',')) {
        const s = selector.trim()
        if (simpleSelector.test(s)) found.add(s)
      }
    }
    if (budget <= 0) break
  }
  return [...found].slice(0, MAX_SELECTORS)
}

/**
 * Whether an element hidden by a rule may be dropped: not when it holds most of the page's
 * text (a page that hides its article until a script shows it still has that article).
 */
export const mayDrop = (hiddenChars: number, pageChars: number): boolean => hiddenChars < pageChars * 0.4

/** The DOM operations dropping needs, so cheerio's tree and linkedom's document share this. */
export interface HiddenDom<E> {
  styles: () => string[]
  select: (selector: string) => E[]
  textLength: (element: E | undefined) => number
  remove: (element: E) => void
  /**
   * An element's `style` attribute. Given, elements hidden inline (`style="display:none"`,
   * the block of 作者/责任编辑 spans some portals print for search engines) are dropped too;
   * Readability skips those itself, so only the line reader asks for it.
   */
  inlineStyle?: (element: E) => string
}

/** Drops what the page's stylesheet, or an element's own style, hides (see above) from a parsed page. */
export const dropStyleHidden = <E>(dom: HiddenDom<E>): void => {
  const selectors = hiddenSelectors(dom.styles())
  const inline = dom.inlineStyle
  const styled = inline ? dom.select('[style]').filter((el) => hides.test(inline(el).trim())) : []
  if (selectors.length === 0 && styled.length === 0) return
  const total = dom.textLength(undefined)
  for (const element of styled) if (mayDrop(dom.textLength(element), total)) dom.remove(element)
  for (const selector of selectors) {
    let elements: E[]
    try {
      elements = dom.select(selector)
    } catch {
      // A selector the engine rejects (`.a-` in an old engine) hides nothing we can find.
      continue
    }
    for (const element of elements) if (mayDrop(dom.textLength(element), total)) dom.remove(element)
  }
}
