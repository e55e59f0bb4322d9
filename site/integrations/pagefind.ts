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
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') })
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  await pagefind.close()
  return { pages }
}

export const pagefindIndex = (): AstroIntegration => ({
  name: 'portal-pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const started = Date.now()
      const { pages } = await buildSearchIndex(fileURLToPath(dir))
      logger.info(`Pagefind indexed ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    },
  },
})
