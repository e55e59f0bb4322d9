import fs from 'node:fs/promises'
import path from 'node:path'

import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { publicTypes } from '../content-models/publicTypes'
import type { ContentSnapshot } from '../content-models/snapshot'
import { seedSampleContent } from '../cms/seed'
import { buildSite, goLive, liveDir } from '../site/publish'
import { startTestCms, type TestCms } from './helpers/payload'
import { addFixtureContent, allOutputText, DRAFT_MARKERS, htmlFiles } from './helpers/site'

let cms: TestCms
let out: string
let texts: Map<string, string>
let articleSlug: string
/** One detail page of every public type, from the snapshot: `<section>/<slug>/index.html`. */
let detailPages: string[]

beforeAll(async () => {
  cms = await startTestCms()
  await seedSampleContent(cms.payload)
  await addFixtureContent(cms)
  const snapshotDir = path.join(cms.dir, 'snapshot')
  const snapshot = await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotDir)
  articleSlug = snapshot.articles[0]!.slug
  detailPages = publicTypes.map((t) => {
    const [first] = snapshot[t.key] as ContentSnapshot[typeof t.key]
    if (!first) throw new Error(`the sample content has no published ${t.slug}: every public type needs one here`)
    return `${t.section}/${first.slug}/index.html`
  })
  const dist = path.join(cms.dir, 'dist')
  await goLive(await buildSite({ snapshotDir, dist }), dist)
  out = await fs.realpath(liveDir(dist))
  texts = await allOutputText(out)
}, 240_000)
afterAll(() => cms?.close())

const exists = (rel: string) =>
  fs.access(path.join(out, rel)).then(
    () => true,
    () => false,
  )

describe('the site built from a snapshot, with no CMS server running', () => {
  it('has every page type', async () => {
    const home = texts.get('index.html')!
    const first = (prefix: string) => home.match(new RegExp(`href="(/${prefix}/[a-z0-9-]+/)"`))?.[1]
    const pages = [
      'index.html',
      'news/index.html',
      `news/${articleSlug}/index.html`,
      'news/archive/index.html',
      'homes/index.html',
      'models/index.html',
      'services/index.html',
      'hotlines/index.html',
      'organizations/index.html',
      'search/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
      'robots.txt',
      'open-data/services.json',
      'pagefind/pagefind.js',
    ]
    for (const page of [...pages, ...detailPages]) expect(await exists(page), page).toBe(true)
    expect(first('news'), 'the home page links to a news article').toBeDefined()
  })

  it('contains no unpublished content anywhere: pages, feed, sitemap, open data or search index', () => {
    expect(texts.size).toBeGreaterThan(50)
    for (const [file, text] of texts) {
      for (const marker of Object.values(DRAFT_MARKERS)) expect(text.includes(marker), `${marker} in ${file}`).toBe(false)
    }
    // The published version of a document with a pending draft revision is there.
    expect([...texts.values()].some((t) => t.includes('已发布的港区安全生产月报道'))).toBe(true)
    // The scan reads the search records as text (they hold Han text as character pairs): the published title is found there too.
    expect([...texts].some(([file, t]) => file.endsWith('.pf_fragment') && t.includes('已发布的港区安全生产月报道'))).toBe(true)
  })

  it('lists in the feed and sitemap only pages that exist', async () => {
    const rss = texts.get('rss.xml')!
    const feedLinks = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname).filter((p) => p !== '/')
    expect(feedLinks.length).toBeGreaterThan(10)
    for (const link of feedLinks) expect(await exists(path.join(link, 'index.html')), link).toBe(true)
    const sitemaps = [...texts.entries()]
      .filter(([f]) => /^sitemap-\d+\.xml$/.test(f))
      .map(([, t]) => t)
      .join('')
    const urls = [...sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    expect(urls).toContain(`/news/${articleSlug}/`)
    for (const url of urls) expect(await exists(path.join(url, 'index.html')), url).toBe(true)
  })

  it('has no internal link that leads nowhere', async () => {
    const broken: string[] = []
    for (const file of await htmlFiles(out)) {
      const html = texts.get(file)!
      for (const [, href] of html.matchAll(/href="(\/[^"#?]*)[^"]*"/g)) {
        const target = href!.endsWith('/') ? path.join(href!, 'index.html') : href!
        if (!(await exists(decodeURI(target)))) broken.push(`${file} → ${href}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('produces valid HTML on every page type', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro output style and Chinese typography, not defects:
        'no-trailing-whitespace': 'off',
        'void-style': 'off',
        'no-inline-style': 'off',
        'attribute-boolean-style': 'off',
        'attribute-empty-style': 'off',
        'no-redundant-role': 'off',
        'long-title': 'off',
        'element-permitted-content': 'error',
        // Phone links are styled white-space: nowrap through these classes.
        'tel-non-breaking': ['error', { ignoreClasses: ['tel', 'nowrap'] }],
      },
    })
    const sample = new Set([
      'index.html',
      'news/index.html',
      `news/${articleSlug}/index.html`,
      'news/archive/index.html',
      'homes/index.html',
      'models/index.html',
      'services/index.html',
      'hotlines/index.html',
      'organizations/index.html',
      'search/index.html',
      '404.html',
      'preview/index.html',
      ...detailPages,
    ])
    const problems: string[] = []
    for (const file of sample) {
      const html = texts.get(file)
      if (html === undefined) throw new Error(`${file} is not in the build`)
      const report = await validator.validateString(html, file)
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line} ${m.ruleId} ${m.message}`)
    }
    expect(problems).toEqual([])
  })

  it('keeps the staff preview page out of search engines and the search index', async () => {
    const preview = texts.get('preview/index.html')!
    expect(preview).toContain('<meta name="robots" content="noindex"')
    expect(preview).not.toContain('data-pagefind-body')
    expect(
      [...texts]
        .filter(([f]) => /^sitemap-\d+\.xml$/.test(f))
        .map(([, t]) => t)
        .join(''),
    ).not.toContain('/preview/')
    expect(texts.get('robots.txt')).toContain('Disallow: /preview/')
  })

  it('declares Chinese on every page, which Pagefind needs to segment words', async () => {
    for (const file of await htmlFiles(out)) expect(texts.get(file)!.includes('<html lang="zh-CN"'), file).toBe(true)
  })
})
