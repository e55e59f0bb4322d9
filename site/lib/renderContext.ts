import { processSlot } from '../../content-models/processState'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { settings } from '../../content-models/settings'
import { readSnapshot } from '../snapshot'
import type { PartialPlan } from './partial'

/**
 * The render context: what one render round renders and the data its pages read. A round is
 * one `astro build`, or one update the resident renderer (site/renderer) renders with the page
 * modules it keeps loaded. Whoever starts a round makes its context and enters it: the build's
 * integration (site/integrations/renderContext.ts) with the plan astro.config.mjs was given,
 * the resident renderer with each update's plan and snapshot. Everything a round computes lives
 * on its context, so nothing of one round reaches the next.
 */
export interface RenderContext {
  /** The pages of routes with params this round renders (site/lib/partial.ts); none given: all of them. */
  readonly plan: { urls: ReadonlySet<string>; prefixes: readonly string[] } | undefined
  /** The snapshot the pages read. */
  readonly snapshot: () => ContentSnapshot
  /** What perRound computed this round, by its loader. */
  readonly computed: Map<() => unknown, unknown>
  /** Collections the page being rendered has read so far, while someone records them. */
  reads: Set<string> | undefined
}

export const createRenderContext = (options: { plan?: PartialPlan; snapshotDir?: string } = {}): RenderContext => {
  const { plan } = options
  const snapshotDir = options.snapshotDir ?? settings().snapshotDir
  return {
    plan: plan && { urls: new Set(plan.urls), prefixes: [...plan.prefixes] },
    snapshot: () => readSnapshot(snapshotDir),
    computed: new Map(),
    reads: undefined,
  }
}

/**
 * The one slot of content-models/processState.ts the pages read. It cannot be an argument: a
 * page's getStaticPaths takes none, and the pages run in Astro's page bundle, a second copy of
 * this module (and of everything it imports) beside the one the renderer and the config load.
 */
const slot = processSlot<RenderContext>('renderContext')

/** Makes `context` the one the pages read, until the returned `leave` (or the next enter). */
export const enterRenderContext = (context: RenderContext): (() => void) => {
  const before = slot.get()
  slot.set(context)
  return () => {
    if (slot.get() === context) slot.set(before)
  }
}

/** The current round's context; a build nobody entered one for (`astro dev`, a test) gets one for the whole process. */
export const renderContext = (): RenderContext => slot.get() ?? (enterRenderContext(createRenderContext()), slot.get()!)

/**
 * `load` once per round. Thousands of pages of a round read the same sorted lists and counts;
 * without this a 10k-article build spent most of its time re-sorting the same list. A value
 * computed from collections must note them (noteRead) on every call, not only when computed:
 * a page served the cached value reads them too.
 */
export const perRound =
  <T>(load: () => T): (() => T) =>
  () => {
    const { computed } = renderContext()
    if (!computed.has(load)) computed.set(load, load())
    return computed.get(load) as T
  }

/** Notes that the page being rendered shows `collection` (see recordingReads). */
export const noteRead = (collection: string) => {
  renderContext().reads?.add(collection)
}

/**
 * Runs `render` in `context` and says which collections the page it renders read. The resident
 * renderer uses it to leave a page without route params (home, indexes, hotlines, feed) alone
 * when an update changed none of them: at 50k articles the services index alone lists 5,000 services.
 */
export const recordingReads = async <T>(context: RenderContext, render: () => Promise<T>): Promise<{ value: T; reads: Set<string> }> => {
  const reads = new Set<string>()
  context.reads = reads
  try {
    return { value: await render(), reads }
  } finally {
    context.reads = undefined
  }
}
