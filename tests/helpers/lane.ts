import crypto from 'node:crypto'
import path from 'node:path'

import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the MongoDB lane (vitest.mongo.config.ts): the server every test CMS uses. */
    mongoServer?: string
  }
}

/** The MongoDB server this run's test CMSes use, or undefined when they use SQLite files. */
export const laneMongoServer = (): string | undefined => inject('mongoServer')

/**
 * The database a test CMS writes to: in the MongoDB lane, a database of its own on the lane's
 * server (named so that parallel files and reruns never meet); otherwise an SQLite file in `dir`.
 */
export const testDatabaseUri = (dir: string, file = 'test.db'): string => {
  const server = laneMongoServer()
  if (!server) return `file:${path.join(dir, file)}`
  const url = new URL(server)
  url.pathname = `/portal_test_${crypto.randomBytes(6).toString('hex')}`
  return url.toString()
}
