import fs from 'node:fs'
import path from 'node:path'

export const pageExtensions = /\.(html?|txt)$/i

/**
 * Files and folders the saving tools write beside a mirrored site: wget keeps the site's
 * `robots.txt`, HTTrack its log, error list and cache. None is a page of the site.
 */
const toolFiles = new Set(['readme.txt', 'robots.txt', 'hts-log.txt', 'hts-err.txt', 'hts-ioinfo.txt'])
const toolFolders = new Set(['hts-cache', 'hts-tmp'])

export interface FileList {
  files: string[]
  /** For each file, the folder argument it was found in (a file argument: its own folder), so it can be named relative to it. */
  roots: string[]
  /** Arguments that named nothing readable, with the reason. */
  missing: { file: string; reason: string }[]
}

/**
 * The pages named on the command line: files as given (whatever their extension, since the
 * user chose them), folders searched recursively for .html, .htm and .txt, in name order so
 * a batch always runs the same way. Hidden files and folders (`.git`) are skipped, and so are
 * the files mirroring tools write beside a site (`robots.txt`, HTTrack's log and cache).
 */
export const collectFiles = (args: string[]): FileList => {
  const found = new Map<string, string>()
  const missing: FileList['missing'] = []
  const walk = (dir: string, root: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!toolFolders.has(entry.name.toLowerCase())) walk(full, root)
      } else if (entry.isFile() && pageExtensions.test(entry.name) && !toolFiles.has(entry.name.toLowerCase()) && !found.has(full))
        found.set(full, root)
    }
  }
  for (const arg of args) {
    const full = path.resolve(arg)
    let stat: fs.Stats
    try {
      stat = fs.statSync(full)
    } catch {
      missing.push({ file: arg, reason: '文件或文件夹不存在' })
      continue
    }
    if (stat.isDirectory()) walk(full, full)
    else if (!found.has(full)) found.set(full, path.dirname(full))
  }
  return { files: [...found.keys()], roots: [...found.values()], missing }
}
