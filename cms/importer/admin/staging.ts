import fs from 'node:fs'
import path from 'node:path'

import { settings } from '../../../content-models/settings'
import { collectFiles } from '../files'
import { type ImportLimits, messages, UploadRefused } from './limits'
import { freeName, inspectZip, unpackZip } from './unzip'

export interface Upload {
  name: string
  bytes: Uint8Array
}

export interface Staged {
  dir: string
  /** The pages found, in name order. */
  pages: string[]
  /** Uploaded files that are neither pages nor zips, nor images beside a page. */
  ignored: string[]
  /** Files that shared a name with another in the same upload, kept under a new one: `a.html → a (2).html`. */
  renamed: string[]
}

/** Where uploads wait between the dry run and the import, unless a test names another folder. */
export const defaultStagingDir = () => path.join(settings().dataDir, 'imports')

/** A file name from a browser, reduced to its last part so it cannot name a folder. */
const safeName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/^\.+/, '') || 'upload'

/** Bytes in the files under `dir` (0 when it does not exist). */
const bytesUnder = async (dir: string): Promise<number> => {
  const entries = await fs.promises.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  let total = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    total += await fs.promises
      .stat(path.join(entry.parentPath, entry.name))
      .then((s) => s.size)
      .catch(() => 0)
  }
  return total
}

/**
 * Whether the staging area and the disk can take `bytes` more: the uploads already waiting
 * plus this one stay under the staging cap, and the disk keeps its margin free.
 */
const checkRoom = async (dir: string, bytes: number, limits: ImportLimits) => {
  const root = path.dirname(dir)
  // This upload's own zips are already in its folder; they are not what is waiting.
  const waiting = (await bytesUnder(root)) - (await bytesUnder(dir))
  if (waiting + bytes > limits.maxStagingBytes) throw new UploadRefused(messages.stagingFull(waiting, bytes, limits), 507)
  const disk = await fs.promises.statfs(root)
  if (disk.bavail * disk.bsize - bytes < limits.minFreeBytes) throw new UploadRefused(messages.diskFull(bytes, limits), 507)
}

/**
 * Writes an upload into its batch's folder: pages as they are, zips unpacked each into a
 * folder of its own (so two zips with an index.html do not collide). Every zip is checked
 * before anything is unpacked, and then the upload as a whole: what it unpacks to, its
 * ratio to what was sent, the staging area and the free disk. Two files with one name are
 * both kept, the later renamed and reported. Any refusal removes the folder again: a
 * refused upload leaves nothing behind.
 */
export const stageUpload = async (uploads: Upload[], dir: string, limits: ImportLimits): Promise<Staged> => {
  if (uploads.length === 0) throw new UploadRefused(messages.nothing)
  const sent = uploads.reduce((n, u) => n + u.bytes.byteLength, 0)
  if (sent > limits.maxUploadBytes) throw new UploadRefused(messages.tooLarge(limits), 413)
  const files = path.join(dir, 'files')
  await fs.promises.mkdir(files, { recursive: true, mode: 0o700 })
  const ignored: string[] = []
  const renamed: string[] = []
  const zips: { file: string; name: string }[] = []
  const pages: { name: string; bytes: Uint8Array }[] = []
  try {
    let unpacked = 0
    for (const [i, upload] of uploads.entries()) {
      const name = safeName(upload.name)
      if (/\.zip$/i.test(name)) {
        const file = path.join(dir, `upload-${i}.zip`)
        await fs.promises.writeFile(file, upload.bytes, { mode: 0o600 })
        unpacked += (await inspectZip(file, name, limits)).unpackedBytes
        zips.push({ file, name })
      } else if (upload.bytes.byteLength > limits.maxFileBytes) {
        throw new UploadRefused(messages.fileTooLarge(name, limits), 413)
      } else if (!/\.(html?|txt)$/i.test(name)) {
        ignored.push(name)
      } else {
        unpacked += upload.bytes.byteLength
        pages.push({ name, bytes: upload.bytes })
      }
    }
    if (unpacked > limits.maxUnpackedBytes) throw new UploadRefused(messages.unpackedTooLarge(unpacked, limits), 413)
    if (unpacked > limits.maxRatio * sent) throw new UploadRefused(messages.uploadBomb(unpacked, limits))
    await checkRoom(dir, unpacked, limits)

    const taken = new Set<string>()
    const claim = (name: string) => {
      const free = freeName(name, (candidate) => taken.has(candidate.toLowerCase()))
      taken.add(free.toLowerCase())
      if (free !== name) renamed.push(`${name} → ${free}`)
      return free
    }
    for (const page of pages) await fs.promises.writeFile(path.join(files, claim(page.name)), page.bytes, { mode: 0o600 })
    for (const zip of zips) {
      const folder = claim(zip.name.replace(/\.zip$/i, ''))
      await unpackZip(zip.file, zip.name, path.join(files, folder), limits, (from, to) => renamed.push(`${from} → ${to}`))
      await fs.promises.rm(zip.file, { force: true })
    }
    const found = collectFiles([files]).files
    if (found.length === 0) throw new UploadRefused(messages.noPages)
    return { dir, pages: found, ignored, renamed }
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true })
    throw error
  }
}
