import type { Payload } from 'payload'

/**
 * A backup is a folder:
 *
 *   manifest.json              what is inside, counts, schema, media checksums
 *   collections/<slug>.jsonl   one document per line, exactly as the database adapter stores it
 *   versions/<slug>.jsonl      every saved version (drafts, published, autosaves) of drafted content
 *   media/                     the upload folder as it was: originals and generated sizes
 *
 * JSON Lines keeps large collections streamable and the files readable with ordinary tools.
 */
export const BACKUP_FORMAT = 'union-portal-backup'
export const BACKUP_VERSION = 1

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  createdAt: string
  database: 'sqlite' | 'mongodb'
  /** SQLite migrations applied to the source; a target that lacks one is older code. */
  migrations: string[]
  users: 'included' | 'omitted'
  /** In restore order: a collection comes after the collections it refers to. */
  collections: { slug: string; documents: number; versions: number }[]
  media: { file: string; bytes: number; sha256: string }[]
}

/**
 * Not carried over, and why. Everything else in the config is, so a collection added later is
 * backed up without touching this code.
 */
export const SKIPPED_COLLECTIONS: Record<string, string> = {
  'payload-migrations': 'the target applies its own migrations',
  'payload-preferences': 'admin UI state (column widths, collapsed panels) per user',
  'payload-locked-documents': 'edit locks of sessions that are gone',
  'payload-kv': 'Payload’s internal cache',
  'site-builds': 'the build log; the restored site is built afresh',
  'site-build-lease': 'who is building the site right now: a running server’s, not the content’s',
}

/** Fields of a user that belong to a session or a moment, not to the account. */
export const TRANSIENT_USER_FIELDS = [
  'sessions',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  'loginAttempts',
  'lockUntil',
]

export const backedUpSlugs = (payload: Payload, options: { users: boolean }): string[] =>
  payload.config.collections.map((c) => c.slug).filter((slug) => !(slug in SKIPPED_COLLECTIONS) && (options.users || slug !== 'users'))

export class BackupError extends Error {
  override name = 'BackupError'
}
