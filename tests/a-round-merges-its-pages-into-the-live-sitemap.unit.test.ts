import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import sitemap from '@astrojs/sitemap'
import { afterAll, describe, expect, it } from 'vitest'

import { readSitemapUrls, writeRoundSitemap } from '../site/renderer/sitemap'
import { noindexPaths } from '../site/routes'

/**
 * A resident round writes the sitemap by merging its pages into the live one's URLs; a full
 * build's @astrojs/sitemap writes the same set sorted on its own. The files must be the same,
 * byte for byte, whatever the URLs (numbers sort as numbers, Chinese slugs, more than one file).
 */
const SITE = 'http://localhost:4321'
const dirs: string[] = []
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'round-sitemap-'))
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true })
})

/** What the integration writes for these page paths, configured as astro.config.mjs does. */
const integrationFiles = async (pages: string[]) => {
  const dir = await tempDir()
  const hooks = sitemap({ filter: (page) => !noindexPaths.includes(new URL(page).pathname) }).hooks as Record<
    string,
    (o: unknown) => unknown
  >
  await hooks['astro:config:done']!({ config: { site: SITE, base: '/', trailingSlash: 'always', build: { format: 'directory' } } })
  hooks['astro:routes:resolved']!({ routes: [] })
  const logger = { warn: () => undefined, info: () => undefined, error: () => undefined }
  await hooks['astro:build:done']!({ dir: pathToFileURL(dir + path.sep), pages: pages.map((pathname) => ({ pathname })), logger })
  return { dir, files: await filesOf(dir) }
}

const filesOf = async (dir: string) =>
  Object.fromEntries(await Promise.all((await fs.readdir(dir)).sort().map(async (f) => [f, await fs.readFile(path.join(dir, f), 'utf8')])))

const sitePaths = (n: number) => [
  '',
  'news/',
  'search/',
  '404/',
  ...Array.from({ length: n }, (_, i) => `news/page/${i + 1}/`),
  ...Array.from({ length: n }, (_, i) => `news/a${i}-${i % 7 ? 'x' : '工会'}/`),
  ...Array.from({ length: n }, (_, i) => `services/s-${(i * 7919) % 100003}/`),
]

describe('the sitemap of a resident round', () => {
  it('is the file a full build writes, after pages are added, renamed and removed', async () => {
    const before = [...sitePaths(300), 'services/x&y/']
    // The live build's sitemap URLs in its order, as the plan hands them over.
    const live = await readSitemapUrls((await integrationFiles(before)).dir)
    // The round renders what its plan names (kept out of the live URLs), and some new pages.
    const named = [before[10]!, before[333]!, before[700]!]
    const removed = before[501]!
    const added = ['news/page/301/', 'news/a9999-新/', 'news/b-10/', 'news/b-9/', 'services/a&b/']
    const hrefOf = (p: string) => new URL(p, `${SITE}/`).href
    const kept = live.filter((u) => ![...named, removed].map(hrefOf).includes(u))
    const round = [...named, ...added, '', 'search/', '404/']
    const after = [...before.filter((p) => p !== removed), ...added]

    const dir = await tempDir()
    expect(await writeRoundSitemap(dir, SITE, round, kept)).toBe(true)
    expect(await filesOf(dir)).toEqual((await integrationFiles(after)).files)
  })

  it('splits into files as the integration does past 45,000 pages', async () => {
    const before = sitePaths(15_100)
    const { dir: liveDir, files: full } = await integrationFiles(before)
    expect(Object.keys(full)).toContain('sitemap-1.xml')
    const kept = (await readSitemapUrls(liveDir)).slice(1)
    const dir = await tempDir()
    expect(await writeRoundSitemap(dir, SITE, [''], kept)).toBe(true)
    expect(await filesOf(dir)).toEqual(full)
  }, 120_000)

  it('leaves a live sitemap out of its order to the integration', async () => {
    const dir = await tempDir()
    expect(await writeRoundSitemap(dir, SITE, [''], [`${SITE}/news/b/`, `${SITE}/news/a/`])).toBe(false)
    expect(await fs.readdir(dir)).toEqual([])
  })
})
