import { getPayload, type Migration, type Payload } from 'payload'

import config from './payload.config'
import { databaseKind } from './database'
import { configureSettings, settings } from '../content-models/settings'
import { migrations } from './migrations'

/**
 * The one way scripts and tests get a Payload instance: connect, then bring an SQLite file
 * up to the committed schema. MongoDB needs no migrations for our models. A script's own
 * instance leaves scheduled jobs to the running server unless it asks for them.
 */
export const openPayload = async (options: { runJobs?: boolean } = {}): Promise<Payload> => {
  if (!options.runJobs) configureSettings({ jobsAutorun: false })
  const payload = await getPayload({ config })
  if (databaseKind(settings().databaseUri) === 'sqlite') {
    // The generated index is typed per adapter; the runtime shape is what migrate expects.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}
