import fs from 'node:fs/promises'
import path from 'node:path'

/** Paths of a build's output folder and the URLs they are served at (directory format, trailing slash). */

export const htmlFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name))
}

/** The file a page URL is served from, relative to the output folder. */
export const urlFile = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1))

/** The URL a page is served at, from its path in the output folder. */
export const pageUrl = (outDir: string, file: string) =>
  `/${path
    .relative(outDir, file)
    .replace(/index\.html$/, '')
    .split(path.sep)
    .join('/')}`
