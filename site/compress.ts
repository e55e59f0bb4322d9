import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import zlib from 'node:zlib'

import { settings } from '../content-models/settings'

/**
 * Precompressed copies of a build's text files: `page.html.br` and `page.html.gz` beside
 * `page.html`, which the site server (site/serve.ts, through sirv) sends to browsers that
 * accept them, and which nginx (`brotli_static`, `gzip_static`) or a CDN can send as well.
 * Every build writes them, the incremental one for the files it writes or removes, so a copy
 * is never older than its file.
 */
const TEXT_FILE = /\.(?:html|css|js|mjs|json|xml|svg|txt|webmanifest)$/

/** Below this a copy saves less than its headers cost. */
const MIN_BYTES = 256

/** The two encodings, by the suffix of their copy. */
export const ENCODINGS = { br: 'br', gz: 'gzip' } as const
const SUFFIXES = Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[]

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * Brotli quality 5 and gzip level 6. Measured on the sample site's pages (2 busy cores):
 * quality 5 makes 29 % of the size at 13 MB/s, 9 makes 28 % at a twentieth of the speed,
 * 11 makes 25 % at a sixtieth; a 10k-article site has some 200 MB of pages.
 */
const brotliOptions = (data: Buffer): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
})
const GZIP: zlib.ZlibOptions = { level: 6 }

const encode = (data: Buffer, suffix: keyof typeof ENCODINGS) => (suffix === 'br' ? brotli(data, brotliOptions(data)) : gzip(data, GZIP))
const encodeSync = (data: Buffer, suffix: keyof typeof ENCODINGS) =>
  suffix === 'br' ? zlib.brotliCompressSync(data, brotliOptions(data)) : zlib.gzipSync(data, GZIP)

/** A copy is kept only when it is worth sending instead of the file. */
const worthKeeping = (data: Buffer | undefined) => data !== undefined && data.length >= MIN_BYTES

export const isCompressible = (file: string) => TEXT_FILE.test(file)

/** The copies written and removed, as paths relative to the build (what the build info records). */
export interface Compressed {
  written: string[]
  removed: string[]
}

const unreadable = (full: string, error: unknown) => new Error(`could not read ${full} to compress it`, { cause: error })
/** Copies go to a temporary name first: a build folder may be hard-linked to the live one, which must never be written through. */
const temporaryOf = (copy: string) => `${copy}.${process.pid}.tmp`

/**
 * Writes (or removes) the copies of one file, synchronously: what a compression thread does
 * for each file it is given (site/compressThread.ts). The same rules as compressFiles.
 */
export const compressFileSync = (dir: string, file: string, result: Compressed) => {
  const full = path.join(dir, file)
  let data: Buffer | undefined
  try {
    data = fsSync.readFileSync(full)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(full, error)
  }
  for (const suffix of SUFFIXES) {
    const copy = `${full}.${suffix}`
    const encoded = worthKeeping(data) ? encodeSync(data!, suffix) : undefined
    if (encoded && encoded.length < data!.length) {
      fsSync.writeFileSync(temporaryOf(copy), encoded)
      fsSync.renameSync(temporaryOf(copy), copy)
      result.written.push(`${file}.${suffix}`)
    } else {
      fsSync.rmSync(copy, { force: true })
      result.removed.push(`${file}.${suffix}`)
    }
  }
}

/**
 * From this many files on, copies are made on threads of their own (a full build's 15,000
 * pages at 10k articles): there each file is read, compressed and written in one synchronous
 * run, where the asynchronous calls below hand every step to libuv's pool and back, which cost
 * as much CPU as the compression itself. Fewer files (an incremental publish) are not worth a
 * thread's start.
 */
export const THREADS_FROM = 1000

/** Files handed to a thread at a time: small enough to keep the threads level to the end. */
const BATCH = 100

/**
 * Writes (or removes) the compressed copies of `files`, paths relative to `dir`. A file that
 * is gone, or does not shrink, loses its copies. Copies are written to a temporary name and
 * renamed into place: a build folder may be hard-linked to the live one, which must never be
 * written through. `threadsFrom` (THREADS_FROM unless given) is where threads take over.
 */
export const compressFiles = async (dir: string, files: readonly string[], options: { threadsFrom?: number } = {}): Promise<Compressed> => {
  const queue = files.filter(isCompressible)
  if (queue.length >= (options.threadsFrom ?? THREADS_FROM)) return compressOnThreads(dir, queue)
  const result: Compressed = { written: [], removed: [] }
  const one = async (file: string) => {
    const full = path.join(dir, file)
    const data = await fs.readFile(full).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw unreadable(full, error)
    })
    for (const suffix of SUFFIXES) {
      const copy = `${full}.${suffix}`
      const encoded = worthKeeping(data) ? await encode(data!, suffix) : undefined
      if (encoded && encoded.length < data!.length) {
        await fs.writeFile(temporaryOf(copy), encoded)
        await fs.rename(temporaryOf(copy), copy)
        result.written.push(`${file}.${suffix}`)
      } else {
        await fs.rm(copy, { force: true })
        result.removed.push(`${file}.${suffix}`)
      }
    }
  }
  // zlib's async calls run on libuv's pool; a few at a time keep both cores busy without holding every page in memory.
  const workers = Array.from({ length: Math.max(2, os.availableParallelism()) }, async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) await one(file)
  })
  await Promise.all(workers)
  return result
}

/** What a compression thread (site/compressThread.ts) is told and answers. */
export interface ToCompressThread {
  files: string[]
}
/** An error as it crosses from a thread (a structured clone would drop its cause and code). */
export interface ThreadError {
  message: string
  code?: string
  cause?: ThreadError
}
export type FromCompressThread = { written: string[]; removed: string[] } | { error: ThreadError }

export const toThreadError = (error: unknown): ThreadError => {
  if (!(error instanceof Error)) return { message: String(error) }
  const { code } = error as NodeJS.ErrnoException
  return { message: error.message, code, cause: error.cause === undefined ? undefined : toThreadError(error.cause) }
}
const fromThreadError = (e: ThreadError): Error =>
  Object.assign(new Error(e.message, e.cause ? { cause: fromThreadError(e.cause) } : undefined), e.code ? { code: e.code } : {})

/** One thread per core (at most four), each taking BATCH files at a time from one queue. */
const compressOnThreads = async (dir: string, queue: string[]): Promise<Compressed> => {
  const result: Compressed = { written: [], removed: [] }
  // From the project root rather than this module's URL: inside the CMS server this code is bundled.
  const script = path.join(/* turbopackIgnore: true */ settings().rootDir, 'site', 'compressThread.ts')
  const threads = Array.from({ length: Math.min(4, os.availableParallelism(), Math.ceil(queue.length / BATCH)) }, () => {
    const worker = new Worker(script, { execArgv: ['--import', 'tsx'], workerData: { dir } })
    return { worker, done: runThread(worker, queue, result) }
  })
  try {
    await Promise.all(threads.map((t) => t.done))
    return result
  } finally {
    await Promise.all(threads.map((t) => t.worker.terminate()))
  }
}

const runThread = (worker: Worker, queue: string[], result: Compressed) =>
  new Promise<void>((resolve, reject) => {
    const next = () => {
      const files = queue.splice(-BATCH)
      if (files.length) worker.postMessage({ files } satisfies ToCompressThread)
      else resolve()
    }
    worker.on('message', (answer: FromCompressThread) => {
      if ('error' in answer) return reject(new Error('compressed copies could not be written', { cause: fromThreadError(answer.error) }))
      result.written.push(...answer.written)
      result.removed.push(...answer.removed)
      next()
    })
    worker.on('error', (error) => reject(new Error('a compression thread failed', { cause: error })))
    worker.on('exit', (code) => reject(new Error(`a compression thread exited (${code}) before its files were done`)))
  })

/** Every file below `dir`, relative to it. */
const filesUnder = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))

/** Compressed copies of every text file of a finished build (or a folder of it). */
export const compressTree = async (dir: string, under = '.'): Promise<Compressed> => {
  const root = path.join(dir, under)
  const files = await filesUnder(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return compressFiles(
    dir,
    files.map((f) => path.join(under, f)),
  )
}

/**
 * The encoding to send for an `Accept-Encoding` header: Brotli if accepted, else gzip, else
 * none. `q=0` refuses one; `*` accepts any not named. For responses made per request (search).
 */
export const negotiate = (acceptEncoding: string | undefined): 'br' | 'gzip' | undefined => {
  const weights = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').slice(0, 1000).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    weights.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1)
  }
  const accepts = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined
}

/** Compresses a response made per request: Brotli at quality 4, faster than gzip at 6 and smaller. */
export const encodeNow = (text: string, encoding: 'br' | 'gzip'): Buffer =>
  encoding === 'br'
    ? zlib.brotliCompressSync(text, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
      })
    : zlib.gzipSync(text, { level: 6 })
