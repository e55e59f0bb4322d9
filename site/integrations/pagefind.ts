import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import * as OpenCC from 'opencc-js'
import * as pagefind from 'pagefind'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })

/** Text of the indexed region, without tags, for script conversion. */
const indexedText = (html: string): string => {
  const main = html.match(/<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? ''
  return main
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+data-pagefind-ignore[^>]*>[\s\S]*?<\/aside>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The other script's spelling of a page's text, so a Simplified query finds a Traditional
 * archive page and the other way round. Only the copy handed to Pagefind carries it; the
 * page visitors download stays as written.
 */
export const withOtherScript = (html: string): string => {
  const text = indexedText(html)
  if (!text) return html
  const extra = [toTraditional(text), toSimplified(text)].filter((t) => t !== text).join(' ')
  if (!extra) return html
  return html.replace(/<\/main>/, `<div data-pagefind-weight="0.5">${extra.replace(/[<&]/g, ' ')}</div></main>`)
}

const htmlFiles = async (dir: string): Promise<string[]> => {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name))
}

/** Builds the Pagefind index of the output folder after Astro writes it. */
export const buildSearchIndex = async (outDir: string): Promise<{ pages: number }> => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  let pages = 0
  for (const file of await htmlFiles(outDir)) {
    const html = await fs.readFile(file, 'utf8')
    if (!html.includes('data-pagefind-body')) continue
    const url = `/${path.relative(outDir, file).replace(/index\.html$/, '').split(path.sep).join('/')}`
    const result = await index.addHTMLFile({ url, content: withOtherScript(html) })
    if (result.errors.length) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`)
    pages++
  }
  // Files are taken from the service and written here: Pagefind's own writeFiles answers
  // before its writes are flushed, and closing the service then can leave empty files
  // (seen here: an empty pagefind-entry.json, which breaks search).
  const { files, errors: fileErrors } = await index.getFiles()
  if (fileErrors.length) throw new Error(`Pagefind could not produce its index: ${fileErrors.join('; ')}`)
  const target = path.join(outDir, 'pagefind')
  for (const file of files) {
    const full = path.join(target, file.path)
    await fs.mkdir(path.dirname(full), { recursive: true })
    await fs.writeFile(full, file.content)
  }
  await pagefind.close()
  JSON.parse(await fs.readFile(path.join(target, 'pagefind-entry.json'), 'utf8'))
  return { pages }
}

export const pagefindIndex = (): AstroIntegration => ({
  name: 'portal-pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      // The benchmark (scripts/bench) times indexing on its own: it sets this and calls
      // buildSearchIndex itself. Every other build indexes here.
      if (process.env.SITE_SKIP_PAGEFIND === '1') return logger.info('Pagefind skipped (SITE_SKIP_PAGEFIND=1)')
      const started = Date.now()
      const { pages } = await buildSearchIndex(fileURLToPath(dir))
      logger.info(`Pagefind indexed ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    },
  },
})
