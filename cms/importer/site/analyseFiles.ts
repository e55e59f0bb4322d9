import fs from 'node:fs'
import path from 'node:path'

import { checkMarkupDepth, checkSize, defaultCaps, type PageCaps } from '../caps'
import { decodeBuffer } from '../decode'
import { looksLikeHtml } from '../html'
import { repairPinyin } from '../repair'
import { analyseSite, type SiteAnalysis } from './classify'
import { classifyOnThread } from './classifyOnThread'
import { pageFeatures, textFeatures, type PageFeatures } from './page'
import { httrackUrl, isHostFolder, mirroredUrl } from './url'

/** The folder all the files are in, for naming them when no folder was given. */
const commonFolder = (files: string[]): string => {
  if (files.length === 0) return ''
  let common = path.dirname(files[0])
  for (const file of files)
    while (common !== path.dirname(common) && !(file + path.sep).startsWith(common + path.sep)) common = path.dirname(common)
  return common
}

/**
 * Each file's path relative to the folder it was imported from, `/`-separated: for the CLI
 * the folder argument, for the admin the batch's `files/` folder; without one, the folder
 * the files have in common. A file outside the folder is named by its own name. When the
 * folder is a mirror's host folder (`www.jnzgh.gov.cn`), its name leads, so the page's address
 * can still be rebuilt.
 */
export const relativeNames = (files: string[], roots?: (string | undefined)[] | string): string[] => {
  const fallback = commonFolder(files)
  return files.map((file, i) => {
    const root = (typeof roots === 'string' ? roots : roots?.[i]) ?? fallback
    const relative = path.relative(root, file)
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(file)
    // `import ./www.jnzgh.gov.cn`: the folder named is the mirror's host folder, and part of each page's place.
    const host = path.basename(root)
    return (isHostFolder(host) ? [host, ...relative.split(path.sep)] : relative.split(path.sep)).join('/')
  })
}

/** What the first pass keeps of one file: its features and the address a mirror gave it. */
export interface FileFeatures {
  features: PageFeatures
  mirrored?: string
}

/**
 * One file of the first pass, read and decoded: plain data, so a parse thread can make it
 * (parsePool.ts `features`) under the same size, nesting and time limits as a parse. A file
 * that cannot be read, or breaks a limit, is taken as text (an article), and the import then
 * reports why it fails.
 */
export const fileFeatures = (file: string, name: string, caps: PageCaps = defaultCaps): FileFeatures => {
  try {
    checkSize(fs.statSync(file).size, caps)
    const { text } = decodeBuffer(fs.readFileSync(file))
    const repaired = repairPinyin(text).text
    const html = /\.html?$/i.test(file) || looksLikeHtml(repaired)
    if (html) checkMarkupDepth(repaired, caps)
    const mirrored = (html ? httrackUrl(repaired) : undefined) ?? mirroredUrl(name)
    return { features: html ? pageFeatures(repaired, name) : textFeatures(name), ...(mirrored ? { mirrored } : {}) }
  } catch {
    const mirrored = mirroredUrl(name)
    return { features: textFeatures(name), ...(mirrored ? { mirrored } : {}) }
  }
}

/** The whole set classified, with the addresses mirrors gave the files. */
export const classify = (read: FileFeatures[]): SiteAnalysis => {
  const site = analyseSite(read.map((r) => r.features))
  site.pages.forEach((page, i) => {
    if (read[i]?.mirrored) page.mirrored = read[i].mirrored
  })
  return site
}

/**
 * The first pass over a batch in this thread: every file read and decoded once, its features
 * kept (a few kB a page), then the whole set classified. For tests and small batches; an
 * import runs the reading on its parse threads (`analyseFilesWith`).
 */
export const analyseFiles = (
  files: string[],
  names: string[] = relativeNames(files),
  onProgress?: (done: number, total: number) => void,
): SiteAnalysis =>
  classify(
    files.map((file, i) => {
      const read = fileFeatures(file, names[i])
      onProgress?.(i + 1, files.length)
      return read
    }),
  )

/**
 * Files classified on the caller's thread at most (about 25 ms of CPU); a larger batch is
 * classified on a thread of its own, which takes about a second to start.
 */
export const CLASSIFIED_INLINE = 1500

/**
 * The first pass with each file read by `read` (a parse thread), a few at a time, in order;
 * a large batch classified on a thread of its own (classifyOnThread.ts).
 */
export const analyseFilesWith = async (
  files: string[],
  names: string[],
  read: (file: string, name: string) => Promise<FileFeatures>,
  options: { inFlight?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SiteAnalysis> => {
  const out: FileFeatures[] = new Array(files.length)
  let next = 0
  let done = 0
  const lane = async () => {
    for (let i = next++; i < files.length; i = next++) {
      out[i] = await read(files[i], names[i]).catch(() => ({ features: textFeatures(names[i]), mirrored: mirroredUrl(names[i]) }))
      options.onProgress?.(++done, files.length)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.inFlight ?? 4) }, lane))
  return out.length > CLASSIFIED_INLINE ? classifyOnThread(out) : classify(out)
}
