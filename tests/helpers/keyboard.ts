import type { Page } from 'playwright-core'

/** What the focused element is and how its focus is drawn. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const style = el ? getComputedStyle(el) : undefined
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 40),
      href: el instanceof HTMLAnchorElement ? el.href : '',
      inResults: Boolean(el?.closest('#search-results')),
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      boxShadow: style?.boxShadow ?? 'none',
    }
  })

/** A focus indicator is drawn: an outline of some width, or a box shadow. */
export const hasFocusRing = (f: { outline: string; boxShadow: string }) => {
  const [style, width] = f.outline.split(' ')
  return (style !== 'none' && parseFloat(width ?? '0') > 0) || f.boxShadow !== 'none'
}

/** Presses Tab (or Shift+Tab) until the focused element satisfies `until`; fails after `max` presses. */
export const tabTo = async (page: Page, until: (f: Awaited<ReturnType<typeof focused>>) => boolean, { max = 60, back = false } = {}) => {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const f = await focused(page)
    if (until(f)) return f
    seen.push(`${f.tag}#${f.id} ${f.text}`)
  }
  throw new Error(`not reached after ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; focus went through:\n${seen.join('\n')}`)
}
