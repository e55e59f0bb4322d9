import { describe, expect, it } from 'vitest'

import { makeSimplifiedPairs, simplifiedPairs, simplifiedPairsOffThread } from '../site/integrations/scriptConversion'

/**
 * The Traditional→Simplified table takes a second or more of CPU to make. The CMS server, which
 * updates the search delta on each publish, makes it in a thread: its event loop keeps turning
 * (serving requests) meanwhile, and the table is the one made in place.
 */
describe('the folding table of a server', () => {
  it('is made while the event loop keeps turning, and is the same table', async () => {
    let turns = 0
    let made = false
    const tick = (): void => {
      if (made) return
      turns++
      setTimeout(tick, 1)
    }
    setTimeout(tick, 1)
    const table = await simplifiedPairsOffThread().finally(() => (made = true))
    // Made on the loop, no timer could have run before it was done.
    expect(turns).toBeGreaterThan(3)
    expect(table).toBe(makeSimplifiedPairs())
    // Made once per process: the synchronous callers (the wording matcher) get the same one.
    expect(simplifiedPairs()).toBe(table)
    expect(await simplifiedPairsOffThread()).toBe(table)
  }, 60_000)
})
