import { processSlot } from '../../content-models/processState'
import type { PartialPlan } from './partial'

/**
 * A render round: one `astro build`, or one update rendered by the resident renderer
 * (site/renderer), which renders many rounds with the same loaded page modules. What a round
 * renders and the data it reads are process-wide (content-models/processState.ts): Astro loads
 * these modules twice (its config loader and the page bundle), and the renderer changes both
 * between rounds.
 */
interface Round {
  number: number
  plan?: PartialPlan
  /** Collections the page being rendered has read so far, while someone records them. */
  reads?: Set<string>
}

const round = processSlot<Round>('renderRound')

/** The current round; a build that nobody started a round for is round 0 with the plan it was given. */
export const currentRound = (): Round => round.get() ?? (round.set({ number: 0 }), round.get()!)

/** Starts the next round: data read for the last one is read again, and `plan` says what to render. */
export const startRound = (plan: PartialPlan | undefined) => {
  round.set({ number: currentRound().number + 1, plan })
}

/**
 * `load` once per round. Thousands of pages of a round read the same sorted lists and counts;
 * without this a 10k-article build spent most of its time re-sorting the same list. A value
 * computed from collections must note them (noteRead) on every call, not only when computed:
 * a page served the cached value reads them too.
 */
export const perRound = <T>(load: () => T): (() => T) => {
  let round = -1
  let value: T
  return () => {
    const { number } = currentRound()
    if (round !== number) {
      value = load()
      round = number
    }
    return value
  }
}

/** Notes that the page being rendered shows `collection` (see recordingReads). */
export const noteRead = (collection: string) => {
  currentRound().reads?.add(collection)
}

/**
 * Runs `render` and says which collections the page it renders read. The resident renderer
 * uses it to leave a page without route params (home, indexes, hotlines, feed) alone when an
 * update changed none of them: at 50k articles the services index alone lists 5,000 services.
 */
export const recordingReads = async <T>(render: () => Promise<T>): Promise<{ value: T; reads: Set<string> }> => {
  const round = currentRound()
  const reads = new Set<string>()
  round.reads = reads
  try {
    return { value: await render(), reads }
  } finally {
    round.reads = undefined
  }
}
