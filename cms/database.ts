import { mongooseAdapter, type MongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { migrations } from './migrations'
import { indexLatestVersionsByParent, indexValuesByParent } from './sqliteIndexes'
import { protectDataFiles } from './dataFiles'
import { settings } from '../content-models/settings'
import path from 'node:path'

export type DatabaseKind = 'mongodb' | 'sqlite'

export const databaseKind = (uri: string | undefined): DatabaseKind => (uri && /^mongodb(\+srv)?:\/\//.test(uri) ? 'mongodb' : 'sqlite')

/** SQLite URLs are libsql URLs; a bare path is accepted for convenience. */
export const sqliteUrl = (uri: string | undefined): string => {
  if (!uri) return `file:${path.join(settings().dataDir, 'portal.db')}`
  if (/^(file|libsql|https?|wss?):/.test(uri)) return uri
  return `file:${path.resolve(uri)}`
}

/**
 * MongoDB in production, SQLite as the embedded default. The SQLite schema is only ever
 * changed by committed migrations (push is off) so that a production start on an empty file
 * builds the same tables a developer had.
 */
export const databaseAdapter = (uri = settings().databaseUri): DatabaseAdapterObj => {
  if (databaseKind(uri) === 'mongodb') {
    protectDataFiles(settings().dataDir)
    return mongooseAdapter({
      url: uri as string,
      // Payload's default builds indexes in the background after connecting: two servers
      // starting on a new database could then both take the build lease before its unique
      // index exists, and the duplicate would stop that index from ever being built.
      ensureIndexes: true,
      // Used only when the URI names a replica set; without one Payload writes without
      // transactions, and the start-up line says so (writesAreAtomic).
      transactionOptions: { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } },
    })
  }
  const url = sqliteUrl(uri)
  // libsql creates the file but not its folder; a fresh DATA_DIR must work on first start.
  const file = url.startsWith('file:') && !url.includes(':memory:') ? url.slice('file:'.length).split('?')[0] : undefined
  protectDataFiles(settings().dataDir, file)
  return sqliteAdapter({
    client: { url },
    push: false,
    migrationDir: path.join(settings().rootDir, 'cms', 'migrations'),
    prodMigrations: migrations,
    // Several processes (admin, importer, site build) share the file: wait instead of failing.
    busyTimeout: 10_000,
    // Payload's default (FULL) syncs the log to disk at every statement — it writes without
    // transactions, so three or more per saved article — and libsql syncs on the event loop: while
    // other processes wrote to the disk a save held the server for 10–15 ms per sync, an import
    // of 1,000 pages for seconds. NORMAL in WAL mode syncs at checkpoints: the file stays
    // consistent, and a power cut (not a crash of the server) may lose the last moments of saves.
    wal: { synchronous: 'NORMAL' },
    afterSchemaInit: [indexValuesByParent, indexLatestVersionsByParent],
  })
}

/**
 * Whether a save and what it causes (a publish and its build-queue entry) commit together.
 * Payload's MongoDB adapter uses transactions only when connected to a replica set (it turns them
 * off at connect otherwise). Its SQLite adapter begins none unless given `transactionOptions`,
 * which Payload's documentation advises against (they lock the file for the other processes), so
 * on SQLite every write commits by itself.
 */
export const writesAreAtomic = (payload: Payload): boolean =>
  payload.db.name === 'mongoose' && (payload.db as unknown as MongooseAdapter).transactionOptions !== false
