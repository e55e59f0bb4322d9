import fs from 'node:fs'
import path from 'node:path'

import { collectFiles } from '../files'
import { type ImportLimits, messages, UploadRefused } from './limits'
import { unzipInto } from './unzip'

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
}

/** A file name from a browser, reduced to its last part so it cannot name a folder. */
const safeName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/^\.+/, '') || 'upload'

/**
 * Writes an upload into its batch's folder: pages as they are, zips unpacked each into a
 * folder of its own (so two zips with an index.html do not collide). Any refusal removes
 * the folder again: a refused upload leaves nothing behind.
 */
export const stageUpload = async (uploads: Upload[], dir: string, limits: ImportLimits): Promise<Staged> => {
  if (uploads.length === 0) throw new UploadRefused(messages.nothing)
  const total = uploads.reduce((n, u) => n + u.bytes.byteLength, 0)
  if (total > limits.maxUploadBytes) throw new UploadRefused(messages.tooLarge(limits), 413)
  const files = path.join(dir, 'files')
  await fs.promises.mkdir(files, { recursive: true })
  const ignored: string[] = []
  try {
    for (const upload of uploads) {
      const name = safeName(upload.name)
      if (/\.zip$/i.test(name)) {
        const zipFile = path.join(dir, `upload-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`)
        await fs.promises.writeFile(zipFile, upload.bytes)
        try {
          await unzipInto(zipFile, name, path.join(files, name.replace(/\.zip$/i, '')), limits)
        } finally {
          await fs.promises.rm(zipFile, { force: true })
        }
        continue
      }
      if (upload.bytes.byteLength > limits.maxFileBytes) throw new UploadRefused(messages.fileTooLarge(name, limits), 413)
      if (!/\.(html?|txt)$/i.test(name)) {
        ignored.push(name)
        continue
      }
      await fs.promises.writeFile(path.join(files, name), upload.bytes)
    }
    const pages = collectFiles([files]).files
    if (pages.length === 0) throw new UploadRefused(messages.noPages)
    return { dir, pages, ignored }
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true })
    throw error
  }
}
