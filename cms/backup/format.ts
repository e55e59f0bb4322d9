import type { Payload } from 'payload'
import { z } from 'zod'

/**
 * A backup is a folder:
 *
 *   manifest.json              what is inside, counts, schema, checksums of every other file
 *   collections/<slug>.jsonl   one document per line, exactly as the database adapter stores it
 *   versions/<slug>.jsonl      every saved version (drafts, published, autosaves) of drafted content
 *   media/                     the upload folder as it was: originals and generated sizes
 *
 * JSON Lines keeps large collections streamable and the files readable with ordinary tools.
 * Version 2 added the checksums of the .jsonl files: without them a truncated file was found
 * only half-way through writing it into the database.
 */
export const BACKUP_FORMAT = 'union-portal-backup'
export const BACKUP_VERSION = 2

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256')
const count = z.number().int().nonnegative()
/** A path under media/: relative and without `..`, so a crafted manifest cannot make restore write elsewhere. */
const mediaFile = z
  .string()
  .min(1)
  .refine((f) => !f.startsWith('/') && !f.includes('\\') && !f.includes('\0') && !f.split('/').includes('..'), '图片路径必须在 media/ 之内')

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  database: z.enum(['sqlite', 'mongodb']),
  /** SQLite migrations applied to the source; a target that lacks one is older code. */
  migrations: z.array(z.string()),
  users: z.enum(['included', 'omitted']),
  /** In restore order: a collection comes after the collections it refers to. */
  collections: z.array(
    z.object({
      /** Also a file name: letters, digits and dashes only. */
      slug: z.string().regex(/^[a-z0-9-]+$/, '内容类型名只能含小写字母、数字和连字符'),
      documents: count,
      versions: count,
      /** Of collections/<slug>.jsonl, and of versions/<slug>.jsonl for drafted collections. */
      sha256: z.object({ documents: sha256, versions: sha256.optional() }),
    }),
  ),
  media: z.array(z.object({ file: mediaFile, bytes: count, sha256 })),
})

export type BackupManifest = z.infer<typeof manifestSchema>

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
