import fs from 'node:fs'
import path from 'node:path'

export const pageExtensions = /\.(html?|txt)$/i

export interface FileList {
  files: string[]
  /** Arguments that named nothing readable, with the reason. */
  missing: { file: string; reason: string }[]
}

/**
 * The pages named on the command line: files as given (whatever their extension, since the
 * user chose them), folders searched recursively for .html, .htm and .txt, in name order so
 * a batch always runs the same way. Hidden files and folders (`.git`) are skipped.
 */
export const collectFiles = (args: string[]): FileList => {
  const files: string[] = []
  const missing: FileList['missing'] = []
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && pageExtensions.test(entry.name) && entry.name.toLowerCase() !== 'readme.txt') files.push(full)
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
    if (stat.isDirectory()) walk(full)
    else files.push(full)
  }
  return { files: [...new Set(files)], missing }
}
