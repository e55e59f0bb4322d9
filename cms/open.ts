import { getPayload, type Migration, type Payload } from 'payload'

import config from './payload.config'
import { databaseKind } from './database'
import { migrations } from './migrations'

/**
 * The one way scripts and tests get a Payload instance: connect, then bring an SQLite file
 * up to the committed schema. MongoDB needs no migrations for our models.
 */
export const openPayload = async (): Promise<Payload> => {
  const payload = await getPayload({ config })
  if (databaseKind(process.env.DATABASE_URI) === 'sqlite') {
    // The generated index is typed per adapter; the runtime shape is what migrate expects.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}
