import fs from 'node:fs'
import { createRequire } from 'node:module'

import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core in the page as it is now and returns the serious and critical violations,
 * in the whole document or only inside `within` (a CSS selector: our own panel inside a
 * page whose chrome comes from a framework). The source is evaluated rather than added as a
 * <script> element, so the site's CSP (which allows no inline script) does not get in the way.
 */
export const seriousViolations = async (page: Page, within?: string): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const result = await page.evaluate(
    ([tags, scope]) =>
      (window as unknown as { axe: { run: (c: unknown, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(
        scope ? { include: [scope] } : document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    [WCAG_AA_TAGS, within] as const,
  )
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }))
}

/** One readable block per violation: rule, impact, help, then each offending element and why. */
export const formatViolations = (where: string, violations: AxeViolation[]) =>
  violations
    .map((v) =>
      [
        `${where}: [${v.impact}] ${v.id} — ${v.help}`,
        ...v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n')
