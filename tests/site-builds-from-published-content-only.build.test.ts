import fs from 'node:fs/promises'
import path from 'node:path'

import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSnapshot, localSource } from '../cms/export'
import { seedSampleContent } from '../cms/seed'
import { buildSite, goLive, liveDir } from '../site/publish'
import { startTestCms, type TestCms } from './helpers/payload'
import { addFixtureContent, allOutputText, DRAFT_MARKERS, htmlFiles } from './helpers/site'

let cms: TestCms
let out: string
let texts: Map<string, string>
let articleSlug: string

beforeAll(async () => {
  cms = await startTestCms()
  await seedSampleContent(cms.payload)
  await addFixtureContent(cms)
  const snapshotDir = path.join(cms.dir, 'snapshot')
  const snapshot = await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotDir)
  articleSlug = snapshot.articles[0]!.slug
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
      'search/index.html',
      '404.html',
      'rss.xml',
      'sitemap-index.xml',
      'robots.txt',
      'open-data/services.json',
      'pagefind/pagefind.js',
    ]
    for (const page of pages) expect(await exists(page), page).toBe(true)
    const service = (await htmlFiles(out)).find((f) => /^services\/[a-z0-9-]+\/index\.html$/.test(f))
    const homeDetail = (await htmlFiles(out)).find((f) => /^homes\/[a-z0-9-]+\/index\.html$/.test(f) && !/level|year|region/.test(f))
    const model = (await htmlFiles(out)).find((f) => /^models\/[a-z0-9-]+\/index\.html$/.test(f) && !/honor|level|year|region|kind/.test(f))
    expect([service, homeDetail, model, first('news')]).not.toContain(undefined)
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
    const files = await htmlFiles(out)
    const sample = [
      'index.html',
      'news/index.html',
      `news/${articleSlug}/index.html`,
      'news/archive/index.html',
      'homes/index.html',
      'models/index.html',
      'services/index.html',
      'hotlines/index.html',
      'search/index.html',
      '404.html',
      'preview/index.html',
    ]
    for (const pattern of [
      /^services\/[a-z0-9-]+\/index\.html$/,
      /^homes\/[a-z0-9-]+\/index\.html$/,
      /^models\/[a-z0-9-]+\/index\.html$/,
    ]) {
      const match = files.find((f) => pattern.test(f))
      if (match) sample.push(match)
    }
    const problems: string[] = []
    for (const file of sample) {
      const report = await validator.validateString(texts.get(file)!, file)
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
