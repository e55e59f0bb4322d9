import type { Payload, PayloadRequest } from 'payload'

import type { Outcome } from '../importArchive'
import { OUTCOMES_PER_PIECE } from './ImportOutcomes'

const letOthersGo = () => new Promise((resolve) => setImmediate(resolve))

/** Removes a batch's stored outcomes: one statement, no document read back; in `req`'s transaction when given one. */
export const deleteOutcomes = (payload: Payload, batch: number | string, req?: PayloadRequest) =>
  payload.db.deleteMany({ collection: 'import-outcomes', where: { batch: { equals: batch } }, req })

/**
 * Stores a batch's outcomes in pieces (ImportOutcomes.ts), replacing any it had (a dry run's).
 * The SQLite adapter answers synchronously, so each piece is saved after a turn of the event
 * loop: a 20,000-page batch is a hundred short tasks, not one long one.
 */
export const writeOutcomes = async (payload: Payload, batch: number | string, outcomes: Outcome[]): Promise<void> => {
  await deleteOutcomes(payload, batch)
  for (let first = 0; first < outcomes.length; first += OUTCOMES_PER_PIECE) {
    await letOthersGo()
    await payload.create({
      collection: 'import-outcomes',
      data: { batch: batch as number, first, outcomes: outcomes.slice(first, first + OUTCOMES_PER_PIECE) as never },
      overrideAccess: true,
      depth: 0,
      // Nothing reads the saved piece back here.
      select: { first: true },
    })
  }
}
