import type { PartialPlan } from './partial'

/**
 * A render round: one `astro build`, or one update rendered by the resident renderer
 * (site/renderer), which renders many rounds with the same loaded page modules. What a round
 * renders and the data it reads are kept on globalThis, not in module state: Astro loads
 * these modules twice (its config loader and the page bundle), and the renderer changes both
 * between rounds.
 */
interface Round {
  number: number
  plan?: PartialPlan
}

const key = Symbol.for('union-portal.render-round')
const holder = globalThis as unknown as Record<symbol, Round | undefined>

/** The current round; a build that nobody started a round for is round 0 with the plan it was given. */
export const currentRound = (): Round => (holder[key] ??= { number: 0 })

/** Starts the next round: data read for the last one is read again, and `plan` says what to render. */
export const startRound = (plan: PartialPlan | undefined) => {
  holder[key] = { number: currentRound().number + 1, plan }
}

/**
 * `load` once per round. Thousands of pages of a round read the same sorted lists and counts;
 * without this a 10k-article build spent most of its time re-sorting the same list.
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
