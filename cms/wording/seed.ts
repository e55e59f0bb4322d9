import type { Payload } from 'payload'

import { starterRules } from './starterRules'

/**
 * Loads the starter list into the rules collection when it is empty (a new database, or one
 * whose every rule was deleted). Rules staff have added or changed are theirs: nothing is
 * put back while any rule is left.
 */
export const seedWordingRules = async (payload: Payload): Promise<number> => {
  if ((await payload.count({ collection: 'wording-rules' })).totalDocs > 0) return 0
  for (const rule of starterRules) await payload.create({ collection: 'wording-rules', data: rule })
  return starterRules.length
}
