import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'

import iconv from 'iconv-lite'
import yauzl from 'yauzl'

import { type ImportLimits, messages, RATIO_FLOOR, UploadRefused } from './limits'

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

/** A name not yet taken among `taken`: `a.html`, then `a (2).html`, `a (3).html`… */
export const freeName = (name: string, taken: (candidate: string) => boolean): string => {
  if (!taken(name)) return name
  const ext = path.extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`
    if (!taken(candidate)) return candidate
  }
}

const refusedAs = (displayName: string, error: unknown) =>
  error instanceof UploadRefused ? error : new UploadRefused(messages.badZip(displayName), 400, { cause: error })

/**
 * Checks every entry of a zip before anything is written, so a refused upload writes nothing:
 * a path outside the folder (`../`, absolute, `C:\`), too many entries, an entry too large or
 * compressed like a zip bomb. Returns what the zip unpacks to, for the upload's own limits.
 * yauzl checks while unpacking that no entry is larger than it declares.
 */
export const inspectZip = async (zipFile: string, displayName: string, limits: ImportLimits): Promise<{ unpackedBytes: number }> => {
  let zip: yauzl.ZipFile
  try {
    zip = await open(zipFile)
  } catch (error) {
    throw new UploadRefused(messages.badZip(displayName), 400, { cause: error })
  }
  const base = path.resolve(path.dirname(zipFile), 'inspect')
  let total = 0
  try {
    if (zip.entryCount > limits.maxEntries) throw new UploadRefused(messages.tooManyEntries(limits))
    await entries(zip, (entry, name) => {
      if (!target(base, name)) throw new UploadRefused(messages.unsafePath(name))
      if (isDirectory(name)) return
      total += entry.uncompressedSize
      if (total > limits.maxUnpackedBytes) throw new UploadRefused(messages.unpackedTooLarge(total, limits), 413)
      if (entry.uncompressedSize > limits.maxFileBytes) throw new UploadRefused(messages.fileTooLarge(name, limits), 413)
      if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, RATIO_FLOOR)) {
        throw new UploadRefused(messages.bomb(name, limits))
      }
    })
  } catch (error) {
    throw refusedAs(displayName, error)
  } finally {
    zip.close()
  }
  return { unpackedBytes: total }
}

/**
 * Unpacks a zip that `inspectZip` passed into `into`. Two entries with one name (a zip may
 * hold both) are both kept, the later one renamed; `renamed` hears of each.
 */
export const unpackZip = async (
  zipFile: string,
  displayName: string,
  into: string,
  limits: ImportLimits,
  renamed: (from: string, to: string) => void,
): Promise<string[]> => {
  const written: string[] = []
  const zip = await open(zipFile).catch((error: unknown) => {
    throw refusedAs(displayName, error)
  })
  try {
    await entries(zip, async (entry, name) => {
      let file = target(into, name)
      if (!file) throw new UploadRefused(messages.unsafePath(name))
      if (isDirectory(name) || isSymlink(entry)) return
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
      const free = freeName(path.basename(file), (candidate) => fs.existsSync(path.join(path.dirname(file!), candidate)))
      if (free !== path.basename(file)) {
        renamed(`${displayName}/${name}`, `${displayName}/${path.posix.join(path.posix.dirname(name), free)}`)
        file = path.join(path.dirname(file), free)
      }
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
      )
      let bytes = 0
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length
          done(bytes > limits.maxFileBytes ? new UploadRefused(messages.fileTooLarge(name, limits), 413) : null, chunk)
        },
      })
      await pipeline(stream, counter, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }))
      written.push(file)
    })
  } catch (error) {
    throw refusedAs(displayName, error)
  } finally {
    zip.close()
  }
  return written
}
