import type { AstroIntegration } from 'astro'

import type { PartialPlan } from '../lib/partial'
import { createRenderContext, enterRenderContext } from '../lib/renderContext'

/**
 * An `astro build` is one render round: its pages read the context entered here, made from the
 * plan astro.config.mjs hands over (none: the whole site). The resident renderer enters its
 * own context for each later round (site/renderer/child.ts).
 */
export const renderContextOf = (plan: PartialPlan | undefined): AstroIntegration => ({
  name: 'union-render-context',
  hooks: {
    'astro:build:start': () => {
      enterRenderContext(createRenderContext({ plan }))
    },
  },
})
