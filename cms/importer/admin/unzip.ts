import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'

import iconv from 'iconv-lite'
import yauzl from 'yauzl'

import { type ImportLimits, messages, UploadRefused } from './limits'

const open = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    ),
  )

/**
 * Entry names as Chinese Windows writes them: without the UTF-8 flag they are GBK (CP936),
 * which yauzl would read as CP437 and garble.
 */
const entryName = (entry: yauzl.Entry): string => {
  const raw = entry.fileName as unknown as Buffer
  if (entry.generalPurposeBitFlag & 0x800) return raw.toString('utf8')
  const utf8 = raw.toString('utf8')
  return utf8.includes('\ufffd') ? iconv.decode(raw, 'gbk') : utf8
}

const entries = async (zip: yauzl.ZipFile, each: (entry: yauzl.Entry, name: string) => Promise<void> | void) =>
  new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      Promise.resolve()
        .then(() => each(entry, entryName(entry)))
        .then(() => zip.readEntry(), reject)
    })
    zip.on('end', resolve)
    zip.on('error', reject)
    zip.readEntry()
  })

const isDirectory = (name: string) => name.endsWith('/')
/** Unix symlink entries: written out they would be a file holding a path; never followed. */
const isSymlink = (entry: yauzl.Entry) => ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000

/** Where an entry may go: inside `into`, or nowhere. */
const target = (into: string, name: string): string | undefined => {
  if (yauzl.validateFileName(name) !== null) return undefined
  const full = path.resolve(into, name)
  return full.startsWith(into + path.sep) ? full : undefined
}

/**
 * Unpacks a zip of a saved site into `into`, after checking every entry first, so a refused
 * zip writes nothing: a path outside the folder (`../`, absolute, `C:\`), too many entries,
 * too much in total, an entry too large or compressed like a zip bomb. Sizes are checked
 * again while unpacking, since the sizes a zip declares can lie.
 */
export const unzipInto = async (zipFile: string, displayName: string, into: string, limits: ImportLimits): Promise<string[]> => {
  let zip: yauzl.ZipFile
  try {
    zip = await open(zipFile)
  } catch (error) {
    throw new UploadRefused(messages.badZip(displayName), 400, { cause: error })
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new UploadRefused(messages.tooManyEntries(limits))
    let total = 0
    await entries(zip, (entry, name) => {
      if (!target(into, name)) throw new UploadRefused(messages.unsafePath(name))
      if (isDirectory(name)) return
      total += entry.uncompressedSize
      if (total > limits.maxUnpackedBytes) throw new UploadRefused(messages.unpackedTooLarge(limits), 413)
      if (entry.uncompressedSize > limits.maxFileBytes) throw new UploadRefused(messages.fileTooLarge(name, limits), 413)
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        throw new UploadRefused(messages.bomb(name))
      }
    })
  } catch (error) {
    zip.close()
    if (error instanceof UploadRefused) throw error
    throw new UploadRefused(messages.badZip(displayName), 400, { cause: error })
  }
  zip.close()

  const written: string[] = []
  const second = await open(zipFile)
  try {
    await entries(second, async (entry, name) => {
      const file = target(into, name)!
      if (isDirectory(name) || isSymlink(entry)) return
      await fs.promises.mkdir(path.dirname(file), { recursive: true })
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        second.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
      )
      let bytes = 0
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length
          done(bytes > limits.maxFileBytes ? new UploadRefused(messages.fileTooLarge(name, limits), 413) : null, chunk)
        },
      })
      await pipeline(stream, counter, fs.createWriteStream(file, { flags: 'wx' }))
      written.push(file)
    })
  } catch (error) {
    if (error instanceof UploadRefused) throw error
    throw new UploadRefused(messages.badZip(displayName), 400, { cause: error })
  } finally {
    second.close()
  }
  return written
}
