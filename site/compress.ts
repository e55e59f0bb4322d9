import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

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
const encode = (data: Buffer, suffix: keyof typeof ENCODINGS) =>
  suffix === 'br'
    ? brotli(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      })
    : gzip(data, { level: 6 })

export const isCompressible = (file: string) => TEXT_FILE.test(file)

/** The copies written and removed, as paths relative to the build (what the build info records). */
export interface Compressed {
  written: string[]
  removed: string[]
}

/**
 * Writes (or removes) the compressed copies of `files`, paths relative to `dir`. A file that
 * is gone, or does not shrink, loses its copies. Copies are written to a temporary name and
 * renamed into place: a build folder may be hard-linked to the live one, which must never be
 * written through.
 */
export const compressFiles = async (dir: string, files: readonly string[]): Promise<Compressed> => {
  const result: Compressed = { written: [], removed: [] }
  const queue = files.filter(isCompressible)
  const one = async (file: string) => {
    const full = path.join(dir, file)
    const data = await fs.readFile(full).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw new Error(`could not read ${full} to compress it`, { cause: error })
    })
    for (const suffix of SUFFIXES) {
      const copy = `${full}.${suffix}`
      const encoded = data && data.length >= MIN_BYTES ? await encode(data, suffix) : undefined
      if (encoded && encoded.length < data!.length) {
        const temporary = `${copy}.${process.pid}.tmp`
        await fs.writeFile(temporary, encoded)
        await fs.rename(temporary, copy)
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
