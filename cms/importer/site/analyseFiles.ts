import fs from 'node:fs'
import path from 'node:path'

import { decodeBuffer } from '../decode'
import { looksLikeHtml } from '../html'
import { repairPinyin } from '../repair'
import { analyseSite, type SiteAnalysis } from './classify'
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

/**
 * The first pass over a batch: every file read and decoded once, its features kept (a few
 * kB a page), then the whole set classified. A file that cannot be read is left to the
 * import to report. Sequential and synchronous, like parsing; the features are plain data.
 */
export const analyseFiles = (
  files: string[],
  names: string[] = relativeNames(files),
  onProgress?: (done: number, total: number) => void,
): SiteAnalysis => {
  const features: PageFeatures[] = []
  const mirrored: (string | undefined)[] = []
  for (const [i, file] of files.entries()) {
    const name = names[i]
    try {
      const { text } = decodeBuffer(fs.readFileSync(file))
      const repaired = repairPinyin(text).text
      const html = /\.html?$/i.test(file) || looksLikeHtml(repaired)
      features.push(html ? pageFeatures(repaired, name) : textFeatures(name))
      mirrored.push((html ? httrackUrl(repaired) : undefined) ?? mirroredUrl(name))
    } catch {
      features.push(textFeatures(name))
      mirrored.push(mirroredUrl(name))
    }
    onProgress?.(i + 1, files.length)
  }
  const site = analyseSite(features)
  site.pages.forEach((page, i) => {
    if (mirrored[i]) page.mirrored = mirrored[i]
  })
  return site
}
