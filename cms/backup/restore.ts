import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'
import { StringDecoder } from 'node:string_decoder'

import type { CollectionSlug, Payload } from 'payload'

import { settings } from '../../content-models/settings'
import { databaseKind } from '../database'
import { asMediaStore, type MediaStore } from '../media/store'
import { migrations } from '../migrations'
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, manifestSchema, type BackupManifest } from './format'
import { parentsFirst, refersToItself } from './order'

type Doc = Record<string, unknown>

const relative = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/')

/**
 * The manifest, checked for shape. The format and version are looked at first, so a folder of
 * another program or another backup version is named as such rather than as a list of fields.
 */
export const readManifest = async (dir: string): Promise<BackupManifest> => {
  const text = await fs.readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => {
    throw new BackupError(`${dir} 里没有 manifest.json：这不是 npm run backup 写出的备份文件夹。`)
  })
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new BackupError(`备份已损坏：${dir}/manifest.json 不是完整的 JSON（文件被截断或改动过）。请换一份完好的备份。`)
  }
  if (!raw || typeof raw !== 'object' || raw.format !== BACKUP_FORMAT)
    throw new BackupError(`${dir} 不是本系统的备份（format 为 ${String(raw?.format)}）。`)
  if (raw.version !== BACKUP_VERSION)
    throw new BackupError(
      `备份格式版本 ${String(raw.version)} 不受支持（本程序读取版本 ${BACKUP_VERSION}）：请用写出这个备份的程序版本恢复，或用本程序重新备份。`,
    )
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new BackupError(`备份已损坏：manifest.json 的 ${issue.path.join('.') || '内容'} 不对（${issue.message}）。请换一份完好的备份。`)
  }
  return parsed.data
}

const lines = async function* (file: string): AsyncGenerator<Doc> {
  const stream = createReadStream(file, 'utf8')
  try {
    for await (const line of readline.createInterface({ input: stream, crlfDelay: Infinity }))
      if (line.trim()) yield JSON.parse(line) as Doc
  } finally {
    stream.destroy()
  }
}

const all = async (iterable: AsyncIterable<Doc>) => {
  const docs: Doc[] = []
  for await (const doc of iterable) docs.push(doc)
  return docs
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/**
 * Reads a .jsonl file once: its checksum, and that every line is a JSON object. A file cut
 * short or edited fails here, before the restore has written a single document.
 */
const checkLines = async (dir: string, file: string, expected: { sha256: string; lines: number }) => {
  const name = relative(dir, file)
  const hash = createHash('sha256')
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let lines = 0
  let broken: number | undefined
  const take = (line: string) => {
    if (!line.trim()) return
    lines++
    if (broken !== undefined) return
    try {
      const value: unknown = JSON.parse(line)
      if (!value || typeof value !== 'object' || Array.isArray(value)) broken = lines
    } catch {
      broken = lines
    }
  }
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer)
      const parts = (pending + decoder.write(chunk as Buffer)).split('\n')
      pending = parts.pop()!
      parts.forEach(take)
    }
  } catch {
    throw new BackupError(`备份不完整：缺少 ${name}。请换一份完好的备份。`)
  }
  take(pending + decoder.end())
  if (hash.digest('hex') !== expected.sha256)
    throw new BackupError(`备份已损坏：${name} 与备份时的校验值不符（文件被截断或改动过）。请换一份完好的备份，数据库和图片都没有改动。`)
  if (broken !== undefined) throw new BackupError(`备份已损坏：${name} 第 ${broken} 行不是完整的 JSON 对象。`)
  if (lines !== expected.lines) throw new BackupError(`备份已损坏：${name} 有 ${lines} 条，manifest.json 记的是 ${expected.lines} 条。`)
}

/** A backup folder that passed {@link checkBackup}: the only thing {@link restoreBackup} accepts. */
export interface CheckedBackup {
  readonly dir: string
  readonly manifest: BackupManifest
  readonly [checked]: true
}
declare const checked: unique symbol

/**
 * Everything about the backup itself that must hold before anything is written, checked
 * without opening the target database: the manifest, the database kind and schema it needs,
 * and the checksum of every file. `npm run restore` calls it before it connects, so a refused
 * backup leaves the target exactly as it was (not even a new, empty database file).
 */
export const checkBackup = async (source: string): Promise<CheckedBackup> => {
  const dir = path.resolve(source)
  const manifest = await readManifest(dir)
  const kind = databaseKind(settings().databaseUri)
  if (manifest.database !== kind) {
    throw new BackupError(`备份来自 ${manifest.database}，目标数据库是 ${kind}：两种数据库的编号格式不同，暂不支持跨数据库恢复。`)
  }
  if (kind === 'sqlite') {
    const known = new Set(migrations.map((m) => m.name))
    const newer = manifest.migrations.filter((m) => !known.has(m))
    if (newer.length)
      throw new BackupError(`备份来自更新版本的程序（数据库结构 ${newer.join('、')} 本程序没有）：请先把程序更新到备份时的版本再恢复。`)
  }
  for (const { slug, documents, versions, sha256: sums } of manifest.collections) {
    await checkLines(dir, path.join(dir, 'collections', `${slug}.jsonl`), { sha256: sums.documents, lines: documents })
    if (sums.versions) await checkLines(dir, path.join(dir, 'versions', `${slug}.jsonl`), { sha256: sums.versions, lines: versions })
    else if (versions) throw new BackupError(`备份已损坏：manifest.json 记有 ${slug} 的 ${versions} 个版本，却没有它们的校验值。`)
  }
  for (const media of manifest.media) {
    const data = await fs.readFile(path.join(dir, 'media', media.file)).catch(() => {
      throw new BackupError(`备份不完整：缺少图片文件 media/${media.file}。`)
    })
    if (data.length !== media.bytes || sha256(data) !== media.sha256)
      throw new BackupError(`备份已损坏：图片文件 media/${media.file} 与备份时的校验值不符。`)
  }
  return { dir, manifest } as CheckedBackup
}

/** What must hold of the target: it knows every collection, holds none of their documents, and no media file would be replaced. */
const checkTarget = async (payload: Payload, { manifest }: CheckedBackup, store: MediaStore) => {
  const occupied: string[] = []
  for (const { slug } of manifest.collections) {
    const collection = slug as CollectionSlug
    if (!payload.collections[collection]) throw new BackupError(`备份里有本程序不认识的内容类型“${slug}”：请用备份时的程序版本恢复。`)
    const docs = (await payload.db.count({ collection })).totalDocs
    const versions = payload.collections[collection].config.versions ? (await payload.db.countVersions({ collection })).totalDocs : 0
    if (docs || versions)
      occupied.push(
        `${payload.collections[collection].config.labels?.plural ?? slug} ${docs} 条${versions ? `（${versions} 个版本）` : ''}`,
      )
  }
  if (occupied.length) {
    throw new BackupError(
      `目标数据库不是空的：${occupied.join('，')}。恢复只写入空数据库，以免与现有内容混在一起或编号冲突。` +
        `请把 DATA_DIR（或 DATABASE_URI）指向一个新位置再运行 npm run restore，并且在此之前不要运行 npm start（它会建管理员账号、载入示例内容）。`,
    )
  }
  for (const media of manifest.media) {
    const existing = await store.tryRead(media.file)
    if (existing && sha256(existing) !== media.sha256) {
      throw new BackupError(
        `图片存储 ${store.describe} 里已有同名但内容不同的 ${media.file}：请换一个空的 MEDIA_DIR（或 DATA_DIR、S3 前缀）再恢复。`,
      )
    }
  }
}

export interface RestoreResult {
  documents: number
  versions: number
  mediaFiles: number
}

/**
 * Writes a backup into an empty database through the database adapter, the layer under
 * Payload's operations: no hooks run (no review-state changes, no rebuilds, no image resizing),
 * documents keep their ids and timestamps, so relations, drafts and published states come back
 * as they were. Versions get new ids (the adapter numbers them) in their original order, so
 * the latest version of every document is the same one as before.
 *
 * Not atomic: a failure half-way leaves a partly filled database, which a second run refuses;
 * start again with an empty one.
 */
export const restoreBackup = async (
  payload: Payload,
  backup: CheckedBackup,
  options: { media: MediaStore | string; log?: (m: string) => void },
): Promise<RestoreResult> => {
  const store = asMediaStore(options.media)
  const log = options.log ?? (() => {})
  const { dir, manifest } = backup
  await checkTarget(payload, backup, store)

  const result: RestoreResult = { documents: 0, versions: 0, mediaFiles: 0 }
  let current = ''
  try {
    for (const { slug } of manifest.collections) {
      const collection = slug as CollectionSlug
      const file = path.join(dir, 'collections', `${slug}.jsonl`)
      const docs = refersToItself(payload, slug) ? parentsFirst(payload, slug, await all(lines(file))) : lines(file)
      let count = 0
      for await (const { id, ...data } of docs) {
        current = `${slug} #${String(id)}`
        await payload.db.create({ collection, data, customID: id as number | string, returning: false })
        count++
      }
      result.documents += count
      log(`${payload.collections[collection]!.config.labels?.plural ?? slug}（${slug}）：${count} 条`)
    }
    for (const { slug, versions } of manifest.collections) {
      if (!versions) continue
      const collection = slug as CollectionSlug
      // Oldest first: each new version becomes its document's latest, as when it was saved.
      const rows = (await all(lines(path.join(dir, 'versions', `${slug}.jsonl`)))).sort(
        (a, b) =>
          String(a.updatedAt).localeCompare(String(b.updatedAt)) || Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id)),
      )
      for (const row of rows) {
        current = `${slug} 的版本 #${String(row.id)}`
        await payload.db.createVersion({
          collectionSlug: collection,
          parent: row.parent as number | string,
          versionData: row.version as Doc,
          autosave: Boolean(row.autosave),
          createdAt: String(row.createdAt),
          updatedAt: String(row.updatedAt),
          ...(row.publishedLocale ? { publishedLocale: String(row.publishedLocale) } : {}),
          returning: false,
        })
        result.versions++
      }
      log(`${payload.collections[collection]!.config.labels?.plural ?? slug}（${slug}）的版本：${rows.length} 个`)
    }
  } catch (error) {
    throw new BackupError(
      `恢复在写入 ${current} 时失败：${error instanceof Error ? error.message : String(error)}。数据库里已有部分内容，请删除它（或换一个空的 DATA_DIR）后重新恢复。`,
      { cause: error },
    )
  }

  for (const media of manifest.media) {
    await store.write(media.file, await fs.readFile(path.join(dir, 'media', media.file)))
    result.mediaFiles++
  }
  log(`图片文件：${result.mediaFiles} 个`)
  return result
}
