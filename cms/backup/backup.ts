import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { CollectionSlug, Payload, Where } from 'payload'

import { settings } from '../../content-models/settings'
import { databaseKind } from '../database'
import { asMediaStore, type MediaStore } from '../media/store'
import { PUBLISH_SITE_TASK } from '../publishing/queue'
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, backedUpSlugs, TRANSIENT_USER_FIELDS, type BackupManifest } from './format'
import { restoreOrder } from './order'

type Doc = Record<string, unknown>
/** Documents read per query; `inIdOrder` resumes after the last id of a full page. */
export const PAGE = 500

/** Reads a collection (or its versions) in id order, a page at a time, resuming after the last id. */
export async function* inIdOrder(read: (where: Where) => Promise<{ docs: Doc[] }>): AsyncGenerator<Doc> {
  let last: unknown
  for (;;) {
    const { docs } = await read(last === undefined ? {} : { id: { greater_than: last } })
    yield* docs
    if (docs.length < PAGE) return
    last = docs.at(-1)!.id
  }
}

/** What is kept of a document; undefined leaves it out. */
const keep = (slug: string, doc: Doc): Doc | undefined => {
  if (slug === 'users') {
    const user = { ...doc }
    for (const field of TRANSIENT_USER_FIELDS) delete user[field]
    return user
  }
  // Only jobs still to run matter (scheduled publish/unpublish); finished ones are history, and
  // requests to rebuild the site are moot: the restored site is built afresh.
  if (slug === 'payload-jobs')
    return doc.completedAt || doc.hasError || doc.taskSlug === PUBLISH_SITE_TASK ? undefined : { ...doc, processing: false }
  return doc
}

/** Writes one JSON line per kept document; the checksum lets restore refuse a damaged file before writing any of it. */
const writeLines = async (file: string, docs: AsyncIterable<Doc>, slug: string): Promise<{ count: number; sha256: string }> => {
  const out: WriteStream = createWriteStream(file, { mode: 0o600 })
  const hash = createHash('sha256')
  let count = 0
  try {
    for await (const doc of docs) {
      const kept = keep(slug, doc)
      if (!kept) continue
      const line = `${JSON.stringify(kept)}\n`
      hash.update(line)
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()))
      count++
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  }
  return { count, sha256: hash.digest('hex') }
}

const isEmptyOrMissing = async (dir: string) => (await fs.readdir(dir).catch(() => [])).length === 0

/**
 * Writes every backed-up collection, the versions of drafted ones and the media folder into
 * `target`. The folder appears only when complete (written beside it, then renamed), and an
 * existing non-empty folder is never overwritten.
 *
 * Collections are read dependents first and the versions of a collection before its documents:
 * while staff keep editing, whatever a document refers to was created before it was read, so
 * it is read too (later) and the restore finds it.
 */
export const writeBackup = async (
  payload: Payload,
  target: string,
  options: { media: MediaStore | string; users?: boolean; log?: (m: string) => void },
): Promise<BackupManifest> => {
  const log = options.log ?? (() => {})
  const dir = path.resolve(target)
  if (!(await isEmptyOrMissing(dir))) throw new BackupError(`${dir} 已存在且不是空文件夹：请指定一个新文件夹，已有的备份不会被覆盖。`)
  const staging = `${dir}.partial-${process.pid}`
  await fs.rm(staging, { recursive: true, force: true })
  await fs.mkdir(path.join(staging, 'collections'), { recursive: true, mode: 0o700 })
  await fs.mkdir(path.join(staging, 'versions'), { mode: 0o700 })
  await fs.mkdir(path.join(staging, 'media'), { mode: 0o700 })
  try {
    const users = options.users !== false
    const order = restoreOrder(payload, backedUpSlugs(payload, { users }))
    const written = new Map<string, BackupManifest['collections'][number]>()
    for (const slug of [...order].reverse()) {
      const collection = slug as CollectionSlug
      const versions = payload.collections[collection]!.config.versions
        ? await writeLines(
            path.join(staging, 'versions', `${slug}.jsonl`),
            inIdOrder((where) => payload.db.findVersions({ collection, where, sort: 'id', limit: PAGE, page: 1 })),
            slug,
          )
        : undefined
      const documents = await writeLines(
        path.join(staging, 'collections', `${slug}.jsonl`),
        inIdOrder((where) => payload.db.find({ collection, where, sort: 'id', limit: PAGE, page: 1 })),
        slug,
      )
      written.set(slug, {
        slug,
        documents: documents.count,
        versions: versions?.count ?? 0,
        sha256: { documents: documents.sha256, ...(versions ? { versions: versions.sha256 } : {}) },
      })
      log(
        `${payload.collections[collection]!.config.labels?.plural ?? slug}（${slug}）：${documents.count} 条${versions?.count ? `，${versions.count} 个版本` : ''}`,
      )
    }

    const media: BackupManifest['media'] = []
    const store = asMediaStore(options.media)
    for (const file of await store.list()) {
      const data = await store.read(file)
      await fs.mkdir(path.dirname(path.join(staging, 'media', file)), { recursive: true, mode: 0o700 })
      await fs.writeFile(path.join(staging, 'media', file), data, { mode: 0o600 })
      media.push({ file, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') })
    }
    log(`图片文件：${media.length} 个，共 ${(media.reduce((n, m) => n + m.bytes, 0) / 1e6).toFixed(1)} MB`)

    const kind = databaseKind(settings().databaseUri)
    const migrations =
      kind === 'sqlite'
        ? (await payload.db.find({ collection: 'payload-migrations', limit: 0, pagination: false })).docs
            .map((m) => String((m as Doc).name))
            .filter((n) => n !== 'dev')
        : []
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      database: kind,
      migrations: [...new Set(migrations)].sort(),
      users: users ? 'included' : 'omitted',
      collections: order.map((slug) => written.get(slug)!),
      media,
    }
    await fs.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
    await fs.rmdir(dir).catch(() => undefined)
    await fs.rename(staging, dir)
    return manifest
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
}
