import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { articles as sampleArticles } from '../cms/seed/data/articles'
import { categories as sampleCategories } from '../cms/seed/data/categories'
import { regions as sampleRegions } from '../cms/seed/data/regions'
import { services as sampleServices } from '../cms/seed/data/services'
import { settings } from '../content-models/settings'
import { recordUrl } from '../site/routes'
import { formatViolations, seriousViolations } from './helpers/axe'
import { freePort, launchChromium } from './helpers/browser'
import { paragraph, pngImage } from './helpers/fixtures'
import { openSearch } from './helpers/pages'
import { savedPages, savedWith } from './helpers/savedPages'
import { pagefindUrls, serverIndexUrls } from './helpers/site'
import { makeZip } from './helpers/zip'

/**
 * Three people using the system `npm start` starts: a publicity staff member writing and
 * publishing through the Chinese admin, a worker on a phone looking for legal aid, and a
 * visitor searching the archive. One real start (database, sample content, site, admin) is
 * shared by the three; each step that fails leaves a full-page screenshot in reports/journeys/.
 */

const PASSWORD = 'correct-horse-battery-staple'
const ADMIN = { email: 'admin@example.org', password: PASSWORD }
const EDITOR = { email: 'journey-editor@example.org', password: PASSWORD, name: '宣传干事小周' }
const REVIEWER = { email: 'journey-reviewer@example.org', password: PASSWORD, name: '审核员老陈' }
const PREVIEWER = { email: 'journey-previewer@example.org', password: PASSWORD, name: '宣传干事小林' }
const SHOTS = path.resolve('reports', 'journeys')

interface System {
  dir: string
  cms: string
  site: string
  child: ChildProcess
  tail: (lines?: number) => string
}

let system: System
let browser: Browser

/** Starts `scripts/start.ts` as `npm start` does, in its own process group, on fresh folders. */
const startSystem = async (): Promise<System> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-journeys-'))
  const [port, sitePort] = [await freePort(), await freePort()]
  const env: NodeJS.ProcessEnv = { ...process.env }
  // vitest's own settings, and anything a developer's shell may point at real data, stay out.
  for (const key of ['NODE_ENV', 'PAYLOAD_JOBS_AUTORUN', 'PAYLOAD_SECRET', 'CMS_URL', 'CMS_PUBLIC_URL', 'SITE_AUTOBUILD', 'PORTAL_ROOT'])
    delete env[key]
  Object.assign(env, {
    DATA_DIR: path.join(dir, 'data'),
    DATABASE_URI: `file:${path.join(dir, 'data', 'portal.db')}`,
    MEDIA_DIR: path.join(dir, 'data', 'media'),
    SITE_DIST_DIR: path.join(dir, 'dist'),
    SNAPSHOT_DIR: path.join(dir, 'snapshot'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_SAMPLE_CONTENT: 'true',
    PORT: String(port),
    SITE_PORT: String(sitePort),
    SITE_URL: `http://localhost:${sitePort}`,
    SITE_REBUILD_QUIET_MS: '300',
  })
  const child = spawn(process.execPath, [path.resolve('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    cwd: process.cwd(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  const tail = (lines = 40) => log.join('').split('\n').slice(-lines).join('\n')
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log.push(String(chunk))
      if (log.length > 2000) log.splice(0, log.length - 2000)
      if (/\[start\] 就绪/.test(String(chunk))) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before it was ready:\n${tail()}`)))
  })
  return { dir, cms: `http://localhost:${port}`, site: `http://localhost:${sitePort}`, child, tail }
}

/** SIGTERM to the whole group (start, next, any astro build), then SIGKILL what is left. */
const stopSystem = async ({ child, dir }: System) => {
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()))
  group('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  group('SIGKILL')
  await fs.rm(dir, { recursive: true, force: true })
}

/** Runs one step; on failure saves a full-page screenshot and names it in the error. */
const stepper =
  (journey: string, page: () => Page) =>
  async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      await fs.mkdir(SHOTS, { recursive: true })
      const file = path.join(SHOTS, `${journey}--${name.replace(/[^\w-]+/g, '-')}--${new Date().toISOString().replace(/[:.]/g, '-')}.png`)
      const saved = await page()
        .screenshot({ path: file, fullPage: true, timeout: 15_000 })
        .then(
          () => true,
          () => false,
        )
      const err = error instanceof Error ? error : new Error(String(error))
      err.message = `[${journey} › ${name}] ${err.message}\n${saved ? `screenshot: ${file}` : 'no screenshot (page unavailable)'}\nserver log, last lines:\n${system.tail(30)}`
      throw err
    }
  }

const until = async <T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 1000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value) return value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`)
}

const api = async (method: string, url: string, body?: unknown, token?: string) => {
  const res = await fetch(`${system.cms}/api${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as Record<string, any>
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`)
  return json
}

const signIn = async (context: BrowserContext, who: { email: string; password: string }) => {
  const page = await context.newPage()
  await page.goto(`${system.cms}/admin/login`)
  await page.fill('#field-email', who.email)
  await page.fill('#field-password', who.password)
  await page.click('.form-submit button[type=submit]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

/**
 * One editor and one reviewer, created through REST as the administrator by whichever
 * journey needs them first (so any one journey can run alone with -t).
 */
let staffCreated: Promise<void> | undefined
const staff = () =>
  (staffCreated ??= (async () => {
    const { token } = await api('POST', '/users/login', ADMIN)
    for (const [who, role] of [
      [EDITOR, 'editor'],
      [REVIEWER, 'reviewer'],
    ] as const) {
      await api('POST', '/users', { email: who.email, password: who.password, name: who.name, roles: [role] }, token)
    }
  })())

/** No content wider than the phone: a sideways scroll on a 390 px screen is a bug. */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

beforeAll(async () => {
  system = await startSystem()
  browser = await launchChromium()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  if (system) await stopSystem(system)
}, 60_000)

describe('three user journeys against `npm start`', () => {
  it('publicity staff: an editor writes an article with a cover and submits it, a reviewer publishes it, the site and its search show it', async () => {
    const stamp = Date.now().toString(36)
    const word = '紫藤花廊读书角'
    const title = `港区职工夜校开设${word}专题课（${stamp}）`
    const coverFile = path.join(system.dir, 'night-school-cover.jpg')
    await fs.writeFile(
      coverFile,
      await sharp({ create: { width: 1200, height: 750, channels: 3, background: { r: 40, g: 110, b: 70 } } })
        .jpeg({ quality: 80 })
        .toBuffer(),
    )

    await staff()

    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    let current: Page = await visitorContext.newPage()
    const step = stepper('publicity-staff', () => current)
    try {
      const editor = await step('editor-signs-in', async () => (current = await signIn(editorContext, EDITOR)))

      const id = await step('editor-creates-article', async () => {
        // The dashboard card's + button.
        await editor.locator('a[href$="/admin/collections/articles/create"]').first().click()
        // Opening the form saves nothing; the first words typed save the draft, and the admin moves to its own address.
        await editor.waitForURL(/\/collections\/articles\/create/, { timeout: 30_000 })
        await editor.fill('#field-title', title)
        await editor.waitForURL(/\/collections\/articles\/\d+/, { timeout: 30_000 })
        await editor.locator('#field-title').waitFor()
        expect(await editor.inputValue('#field-title')).toBe(title)
        await editor.locator('.rich-text-lexical [data-lexical-editor="true"]').click()
        await editor.keyboard.type(`今年秋季，港区职工夜校新开${word}专题课，每周三晚上在职工书屋上课，欢迎一线职工报名。`)
        return editor.url().match(/articles\/(\d+)/)![1]!
      })

      await step('editor-uploads-cover-from-disk', async () => {
        await editor.locator('.field-type.upload .upload__createNewToggler').click()
        const drawer = editor.locator('.doc-drawer')
        await drawer.locator('input[type=file]').setInputFiles(coverFile)
        await drawer.locator('#field-alt').fill('示意图：绿色背景上的夜校教室')
        await drawer.locator('#action-save').click()
        await drawer.waitFor({ state: 'detached', timeout: 30_000 })
        await editor.locator('.field-type.upload').getByText('night-school-cover', { exact: false }).waitFor({ timeout: 15_000 })
      })

      await step('editor-submits-for-review', async () => {
        const saved = editor.waitForResponse(
          (r) =>
            r.request().method() === 'PATCH' &&
            r.url().includes(`/api/articles/${id}`) &&
            (r.request().postData() ?? '').includes('"reviewState":"submitted"'),
          { timeout: 30_000 },
        )
        await editor.locator('#field-reviewState').click()
        await editor.locator('.rs__option', { hasText: '待审核' }).click()
        const response = await saved
        expect(response.status(), 'the autosave of the submitted draft').toBe(200)
        const body = (await response.json()) as { doc: { title: string; reviewState: string; _status: string; cover: unknown } }
        expect(body.doc).toMatchObject({ title, reviewState: 'submitted', _status: 'draft' })
        expect(body.doc.cover).toBeTruthy()
        // Editors have no publish button.
        expect(await editor.getByRole('button', { name: /发布/ }).count()).toBe(0)
      })

      const reviewer = await step('reviewer-signs-in', async () => (current = await signIn(reviewerContext, REVIEWER)))

      await step('reviewer-finds-it-in-the-review-queue', async () => {
        await reviewer.getByRole('link', { name: /新闻：\s*1\s*篇待审核/ }).click()
        await reviewer.waitForURL(/reviewState/)
        await reviewer.getByRole('link', { name: title }).click()
        await reviewer.waitForURL(new RegExp(`/collections/articles/${id}`))
        await reviewer.locator('#field-title').waitFor()
        expect(await reviewer.inputValue('#field-title')).toBe(title)
      })

      await step('reviewer-publishes', async () => {
        const published = reviewer.waitForResponse(
          (r) =>
            r.request().method() === 'PATCH' &&
            r.url().includes(`/api/articles/${id}`) &&
            (r.request().postData() ?? '').includes('"_status":"published"'),
          {
            timeout: 30_000,
          },
        )
        await reviewer.locator('#action-save').click()
        const response = await published
        expect(response.status(), 'the publish request').toBe(200)
        await reviewer.locator('.doc-controls').getByText('已发布').waitFor({ timeout: 15_000 })
      })

      const visitor = await step('site-home-shows-it', async () => {
        current = await visitorContext.newPage()
        await until(
          'the home page to list the new article',
          async () => {
            await current.goto(`${system.site}/`)
            return (await current.getByRole('link', { name: title }).count()) > 0
          },
          180_000,
          2000,
        )
        return current
      })

      await step('article-page-has-body-and-cover', async () => {
        await visitor.getByRole('link', { name: title }).first().click()
        await visitor.waitForURL(/\/news\/[^/]+\/$/)
        expect(await visitor.locator('h1').textContent()).toBe(title)
        expect(await visitor.locator('article .prose').textContent()).toContain(word)
        const cover = visitor.locator('article figure img')
        await cover.waitFor()
        expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
      })

      await step('site-search-finds-it', async () => {
        await visitor.goto(`${system.site}/search/?q=${encodeURIComponent(word)}`)
        await visitor.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', null, {
          timeout: 30_000,
        })
        expect(await visitor.locator('#search-results h2').allTextContents()).toContain(title)
      })
    } finally {
      await Promise.all([editorContext.close(), reviewerContext.close(), visitorContext.close()])
    }
  }, 420_000)

  it('worker on a phone: from the home page to a district’s legal aid, its hours and a tap-to-call number, then the hotlines with 12351 first', async () => {
    const district = sampleRegions.find((r) => r.name === '东港区')!
    const service = sampleServices.find((s) => s.category === 'legal-aid' && s.locations?.[0]?.districtCode === district.code)!
    const localPhone = service.phones.find((p) => !p.hotline)!
    const hours = service.locations![0]!.openingHours![0]!

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    const page = await context.newPage()
    const step = stepper('worker-phone', () => page)
    try {
      await step('home-page', async () => {
        await page.goto(`${system.site}/`)
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      })

      await step('taps-legal-aid', async () => {
        await page.locator('#services-title').locator('..').getByRole('link', { name: '法律援助', exact: true }).click()
        await page.waitForURL(/\/services\/category\/legal-aid\/$/)
      })

      await step('narrows-to-the-district', async () => {
        // Chosen at once, as a worker would: the filters come alive on the first touch and keep the choice.
        await page.locator('#svc-district').selectOption({ label: district.name })
        const section = page.locator('.svc-matches')
        await section.getByRole('link', { name: service.name }).waitFor()
        const visible = await section.locator('li.svc-item:not([hidden]) h3 a').allTextContents()
        expect(visible).toContain(service.name)
        // Only this district's legal aid and the citywide services remain.
        const otherDistricts = sampleRegions.filter((r) => r.level === 'district' && r.code !== district.code).map((r) => r.name)
        expect(visible.filter((name) => otherDistricts.some((d) => name.includes(d)))).toEqual([])
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      })

      await step('opens-the-service', async () => {
        await page.locator('.svc-matches').getByRole('link', { name: service.name }).click()
        await page.waitForURL(/\/services\/[^/#]+\/$/)
        expect(await page.locator('h1').textContent()).toBe(service.name)
      })

      await step('sees-opening-hours', async () => {
        const table = page.locator('.svc-location').first().locator('.svc-hours')
        await table.waitFor()
        const text = (await table.textContent()) ?? ''
        expect(text).toMatch(/周一/)
        expect(text).toContain(hours.closes!)
        expect(text.replace(/\b0(\d:)/g, '$1')).toContain(hours.opens!.replace(/^0/, ''))
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      })

      await step('tap-to-call-matches-the-phone', async () => {
        const hrefs = await page.locator('.svc-contact a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
        expect(hrefs).toContain(`tel:${localPhone.number.replace(/\D/g, '')}`)
        const link = page.locator(`.svc-contact a[href="tel:${localPhone.number.replace(/\D/g, '')}"]`)
        expect(await link.textContent()).toContain(localPhone.number)
        expect(await link.isVisible()).toBe(true)
      })

      await step('opens-the-hotlines', async () => {
        await page.getByRole('link', { name: '全部热线' }).first().click()
        await page.waitForURL(/\/hotlines\/$/)
        const first = page.locator('main a[href^="tel:"]').first()
        expect(await first.getAttribute('href')).toBe('tel:12351')
        expect(await first.textContent()).toContain('12351')
        expect(await first.isVisible()).toBe(true)
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      })
    } finally {
      await context.close()
    }
  }, 180_000)

  it('visitor: searches the archive in Chinese, narrows by year and section, and opens the article', async () => {
    const query = '法律援助'
    const year = '2024'
    const section = sampleCategories.find((c) => c.slug === 'rights')!
    const expected = sampleArticles
      .filter((a) => a.publishedAt.startsWith(year) && a.categorySlugs?.includes(section.slug) && JSON.stringify(a).includes(query))
      .map((a) => a.title)
    expect(expected.length, 'the sample content has such an article').toBeGreaterThan(0)

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const step = stepper('visitor-archive', () => page)
    const settled = () =>
      page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', null, {
        timeout: 30_000,
      })
    const titles = () => page.locator('#search-results h2').allTextContents()
    try {
      const all = await step('searches-from-the-header', async () => {
        await page.goto(`${system.site}/`)
        await page.fill('#site-search', query)
        await page.press('#site-search', 'Enter')
        await page.waitForURL(/\/search\/\?q=/)
        await settled()
        await page
          .locator('#search-status')
          .getByText(/找到 \d+ 条结果/)
          .waitFor()
        return Number((await page.locator('#search-status').textContent())!.match(/\d+/)![0])
      })

      await step('narrows-by-year', async () => {
        await page.selectOption('select[name="年份"]', year)
        await settled()
        const count = Number((await page.locator('#search-status').textContent())!.match(/\d+/)![0])
        expect(count).toBeLessThan(all)
        const dates = await page.locator('#search-results .meta').allTextContents()
        expect(dates.length).toBeGreaterThan(0)
        expect(dates.every((d) => d.includes(`${year}-`))).toBe(true)
      })

      const picked = await step('narrows-by-section', async () => {
        await page.selectOption('select[name="栏目"]', section.name)
        await settled()
        const found = await titles()
        expect(found.length).toBeGreaterThan(0)
        for (const t of found) expect(expected).toContain(t)
        expect(page.url()).toContain(encodeURIComponent(section.name))
        return found[0]!
      })

      await step('opens-the-result', async () => {
        await page.locator('#search-results h2 a').first().click()
        await page.waitForURL(/\/news\/[^/]+\/$/)
        expect((await page.locator('h1').textContent())?.trim()).toBe(picked)
        const meta = (await page.locator('article .meta').first().textContent()) ?? ''
        expect(meta).toContain(`${year}年`)
        expect(meta).toContain(section.name)
      })
    } finally {
      await context.close()
    }
  }, 120_000)
  it('staff opening hostile text in the admin: it shows as text, nothing runs', async () => {
    const { token } = await api('POST', '/users/login', ADMIN)
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, mode: 'normal', style: '', detail: 0 })
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            children: [
              text(hostile),
              {
                type: 'link',
                version: 3,
                direction: null,
                format: '',
                indent: 0,
                fields: { url: 'javascript:window.__pwned=1', newTab: false, linkType: 'custom' },
                children: [text('点这里')],
              },
            ],
          },
        ],
      },
    }
    const { doc } = await api(
      'POST',
      '/articles?draft=true',
      { title: `恶意标题 ${hostile}`, summary: hostile, body, _status: 'draft' },
      token,
    )
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    let page: Page = await context.newPage()
    const step = stepper('admin-hostile-text', () => page)
    try {
      page = await step('admin-signs-in', () => signIn(context, ADMIN))
      for (const [name, url] of [
        ['list', `/admin/collections/articles?search=${encodeURIComponent('恶意标题')}`],
        ['edit', `/admin/collections/articles/${doc.id}`],
      ] as const) {
        await step(`opens-the-${name}-view`, async () => {
          await page.goto(`${system.cms}${url}`)
          await page.getByText('恶意标题', { exact: false }).first().waitFor({ timeout: 60_000 })
          if (name === 'edit') {
            expect(await page.inputValue('#field-title')).toContain('<script>')
            await page.locator('[data-lexical-editor="true"]').first().getByText('onerror', { exact: false }).waitFor()
          }
          await page.waitForTimeout(1000)
          expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
          expect(await page.locator('[onerror], a[href^="javascript:"]').count()).toBe(0)
        })
      }
    } finally {
      await context.close()
    }
  }, 180_000)

  it('archive import: an editor uploads a zip of saved pages from four platforms, checks the dry run and imports drafts; a reviewer publishes the batch; the site and its search show every page', async () => {
    await staff()
    const pages = savedPages()
    const batchName = `旧网站存档-${Date.now().toString(36)}`
    const zipName = '旧网站存档.zip'
    // Pages that cannot be read are listed with the reason, and the rest of the batch goes on.
    const bad = [
      { name: '旧稿/空白页.html', bytes: Buffer.alloc(0), reason: /^失败：文件为空$/ },
      { name: '旧稿/扫描件.htm', bytes: await pngImage(40, 30), reason: /^失败：这是PNG 图片，不是网页或文本文件$/ },
    ]
    const zipFile = path.join(system.dir, zipName)
    await fs.writeFile(
      zipFile,
      makeZip([
        ...pages.flatMap((p) => [
          { name: p.fixture, data: p.bytes },
          ...savedWith(p.fixture).map((image) => ({
            name: `${p.fixture.replace(/\.html?$/, '_files')}/${image.name}`,
            data: image.bytes,
            store: true,
          })),
        ]),
        ...bad.map((b) => ({ name: b.name, data: b.bytes })),
      ]),
    )
    // The dry run names each page by the zip (less .zip) and its path inside it.
    const listed = (entry: string) => `${zipName.replace(/\.zip$/, '')}/${entry}`
    const titles = pages.map((p) => p.title).sort()
    const { token } = await api('POST', '/users/login', ADMIN)
    const batchQuery = (extra: Record<string, string> = {}) =>
      new URLSearchParams({ 'where[importBatch][equals]': batchName, depth: '0', limit: '100', ...extra })
    const articlesOfBatch = async () => (await api('GET', `/articles?${batchQuery({ draft: 'true' })}`, undefined, token)).docs as any[]

    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const reviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    let current: Page = await visitorContext.newPage()
    const step = stepper('archive-import', () => current)
    // The dashboard's card (the side menu is folded away until opened).
    const importCard = '.collections__card-list a[href$="/admin/collections/import-batches"]'
    try {
      const editor = await step('editor-signs-in', async () => (current = await signIn(editorContext, EDITOR)))
      const panelSelector = 'section[aria-labelledby="import-title"]'
      const panel = editor.locator(panelSelector)
      /** The dry run's table, one array of cell texts per row, by the file in its first cell. */
      const rows = async () =>
        new Map(
          (
            await panel
              .getByRole('table', { name: '每个文件的提取结果' })
              .locator('tbody tr')
              .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
          ).map((cells) => [cells[0]!, cells.slice(1)] as const),
        )

      await step('editor-opens-the-import-view-and-is-told-to-choose-a-file-first', async () => {
        await editor.locator(importCard).click()
        await editor.waitForURL(/\/admin\/collections\/import-batches/)
        await panel.getByRole('button', { name: '试运行（不写入）' }).click()
        await panel.getByRole('status').getByText('请先点“选择文件…”').waitFor()
        // Focus goes to the button that opens the file picker, where the message says to go.
        expect(await editor.evaluate(() => document.activeElement?.textContent?.trim())).toBe('选择文件…')
        // The message is read in colours that pass (Payload's error-500 red is 4.1:1 on white).
        expect(formatViolations('import view with a message', await seriousViolations(editor, panelSelector))).toBe('')
      })

      const batchId = await step('editor-uploads-the-zip-for-a-dry-run', async () => {
        await panel.getByLabel('网页文件或压缩包').setInputFiles(zipFile)
        await panel.getByText(`已选 1 个：${zipName}`).waitFor()
        await panel.getByLabel('批次名称（可不填）').fill(batchName)
        const previewed = editor.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith('/api/import-batches/preview'),
          { timeout: 120_000 },
        )
        await panel.getByRole('button', { name: '试运行（不写入）' }).click()
        const response = await previewed
        expect(response.status(), 'the dry-run upload').toBe(200)
        await panel.getByRole('status').getByText('试运行完成，尚未写入任何内容').waitFor({ timeout: 60_000 })
        return ((await response.json()) as { doc: { id: number } }).doc.id
      })

      await step('dry-run-lists-every-page-and-writes-nothing', async () => {
        const table = await rows()
        expect([...table.keys()].sort()).toEqual([...pages.map((p) => listed(p.fixture)), ...bad.map((b) => listed(b.name))].sort())
        for (const p of pages) {
          const [result, title, date, source] = table.get(listed(p.fixture))!
          expect({ result: result!.slice(0, 3), title, date, source }, p.family).toEqual({
            result: '将导入',
            title: p.title,
            date: p.date,
            source: p.source,
          })
        }
        for (const b of bad) expect(table.get(listed(b.name)), b.name).toEqual([expect.stringMatching(b.reason)])
        await panel.getByText(`将导入 ${pages.length} 篇，重复跳过 0 篇，失败 ${bad.length} 个`).waitFor()
        expect(await articlesOfBatch()).toEqual([])
      })

      await step('import-view-at-phone-and-desktop-widths', async () => {
        const report: string[] = []
        for (const [width, height] of [
          [1280, 900],
          [390, 844],
        ] as const) {
          await editor.setViewportSize({ width, height })
          await panel.getByRole('table').waitFor()
          await fs.mkdir(SHOTS, { recursive: true })
          await editor.screenshot({ path: path.join(SHOTS, `archive-import-dry-run-${width}.png`), fullPage: true })
          report.push(formatViolations(`import view at ${width}px`, await seriousViolations(editor, panelSelector)))
          // The wide table scrolls inside its own region; the page itself never scrolls sideways.
          expect(await horizontalOverflow(editor), `${width}px`).toBeLessThanOrEqual(0)
        }
        expect(report.filter(Boolean).join('\n')).toBe('')
        await editor.setViewportSize({ width: 1280, height: 900 })
      })

      await step('editor-may-import-but-not-publish', async () => {
        // Publishing on import is offered to reviewers only: the editor has exactly these.
        expect((await panel.locator('button').allTextContents()).map((t) => t.trim())).toEqual([
          '选择文件…',
          '试运行（不写入）',
          '导入为草稿',
        ])
        // And the server refuses it to the editor's own session, however it is asked.
        const refused = await editor.evaluate(async (id) => {
          const res = await fetch(`/api/import-batches/${id}/run`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ publish: true }),
            credentials: 'include',
          })
          return res.status
        }, batchId)
        expect(refused).toBe(403)
        expect(await articlesOfBatch()).toEqual([])
      })

      await step('editor-imports-drafts', async () => {
        await panel.getByRole('button', { name: '导入为草稿' }).click()
        await panel.getByRole('status').getByText('导入完成').waitFor({ timeout: 120_000 })
        const table = await rows()
        for (const p of pages) expect(table.get(listed(p.fixture))![0], p.family).toMatch(/^已存为草稿/)
        await panel.getByRole('link', { name: `在新闻列表中查看本批次导入的 ${pages.length} 篇文章` }).waitFor()
        const docs = await articlesOfBatch()
        expect(docs.map((d) => [d.title, d._status]).sort()).toEqual(titles.map((t) => [t, 'draft']))
        // Nothing of the batch is public yet.
        const anonymous = (await (await fetch(`${system.cms}/api/articles?${batchQuery()}`)).json()) as { totalDocs: number }
        expect(anonymous.totalDocs).toBe(0)
      })

      const reviewer = await step('reviewer-signs-in', async () => (current = await signIn(reviewerContext, REVIEWER)))

      await step('reviewer-goes-from-the-batch-to-its-articles', async () => {
        await reviewer.locator(importCard).click()
        await reviewer.waitForURL(/\/admin\/collections\/import-batches/)
        await reviewer.getByRole('link', { name: `查看批次“${batchName}”导入的 ${pages.length} 篇文章` }).click()
        await reviewer.waitForURL(/\/admin\/collections\/articles\?/)
        await until(
          'the news list to show the batch',
          async () => {
            const shown = (await reviewer.locator('table tbody tr td.cell-title').allTextContents()).map((t) => t.trim()).sort()
            return JSON.stringify(shown) === JSON.stringify(titles)
          },
          30_000,
          500,
        )
      })

      await step('reviewer-publishes-the-batch-at-once', async () => {
        await reviewer.locator('#select-all').check()
        await reviewer.locator('.list-selection').getByRole('button', { name: '发布', exact: true }).click()
        const published = reviewer.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/articles?'), {
          timeout: 60_000,
        })
        await reviewer.getByRole('button', { name: '确认', exact: true }).click()
        const response = await published
        expect(response.status(), 'the bulk publish request').toBe(200)
        const body = (await response.json()) as { docs: unknown[]; errors: unknown[] }
        expect({ docs: body.docs.length, errors: body.errors }).toEqual({ docs: pages.length, errors: [] })
        expect((await articlesOfBatch()).map((d) => d._status)).toEqual(pages.map(() => 'published'))
      })

      const urls = await step('server-search-finds-every-page', async () =>
        until(
          'search.json to find every published page by its title',
          async () => {
            const found = await Promise.all(
              pages.map(async (p) => {
                const res = await fetch(`${system.site}/search.json?q=${encodeURIComponent(p.title)}`)
                const answer = (await res.json()) as { results: { title: string; url: string }[] }
                return answer.results.find((r) => r.title === p.title)?.url
              }),
            )
            return found.every(Boolean) && (found as string[])
          },
          120_000,
          1000,
        ),
      )

      const visitor = await step('every-page-is-on-the-site', async () => {
        current = await visitorContext.newPage()
        for (const [i, p] of pages.entries()) {
          const res = await current.goto(`${system.site}${urls[i]}`)
          expect(res?.status(), p.family).toBe(200)
          expect((await current.locator('h1').textContent())?.trim(), p.family).toBe(p.title)
          expect(await current.locator('article .meta time').first().getAttribute('datetime'), p.family).toBe(p.date)
          expect(await current.locator('article .meta').first().textContent(), p.family).toContain(`来源：${p.source}`)
          // Images saved beside a page ("网页，全部") came in as media and show on it.
          if (savedWith(p.fixture).length > 0) {
            const image = current.locator('article img').first()
            await image.scrollIntoViewIfNeeded()
            expect(
              await image.evaluate((img: HTMLImageElement) =>
                img.decode().then(
                  () => img.naturalWidth,
                  () => 0,
                ),
              ),
              `${p.family}: the image saved with the page`,
            ).toBeGreaterThan(0)
          }
        }
        return current
      })

      await step('the-search-page-finds-every-page', async () => {
        for (const p of pages) {
          await openSearch(visitor, `${system.site}/search/?q=${encodeURIComponent(p.title)}`)
          expect(await visitor.locator('#search-results h2').allTextContents(), p.family).toContain(p.title)
        }
      })
    } finally {
      await Promise.all([editorContext.close(), reviewerContext.close(), visitorContext.close()])
    }
  }, 600_000)
})

/**
 * The staff preview: the admin's 预览 button opens the site's /preview/ page, which asks the
 * CMS for the latest draft with the staff member's session (cookie, CORS and CSRF across the
 * two ports) and renders it in the site's own layout. Nobody else sees a draft there, and the
 * page itself is kept out of search engines, the sitemap and both search indexes.
 */
describe('staff preview of a draft against `npm start`', () => {
  const stamp = Date.now().toString(36)
  const fixture = {
    published: `港区职工子女暑期托管班开班（${stamp}）`,
    revised: `港区职工子女暑期托管班增设午休看护（${stamp}）`,
    /** Only in the draft revision's body. */
    draftWord: '午休看护由退休教师志愿者担任',
  }
  let article: Promise<{ id: string }> | undefined
  /** A published article whose newer revision, with another title and body, is still a draft. */
  const draftOfPublished = () =>
    (article ??= (async () => {
      const { token } = await api('POST', '/users/login', ADMIN)
      await api('POST', '/users', { email: PREVIEWER.email, password: PREVIEWER.password, name: PREVIEWER.name, roles: ['editor'] }, token)
      const { doc } = await api(
        'POST',
        '/articles',
        { title: fixture.published, body: paragraph('暑期托管班面向港区职工子女，免费报名。'), _status: 'published' },
        token,
      )
      await api(
        'PATCH',
        `/articles/${doc.id}?draft=true`,
        { title: fixture.revised, body: paragraph(`托管班新增午间看护，${fixture.draftWord}。`) },
        token,
      )
      return { id: String(doc.id) }
    })())

  it('an editor’s 预览 button on the article opens its latest draft in the site’s layout', async () => {
    const { id } = await draftOfPublished()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    let current: Page = await context.newPage()
    const step = stepper('staff-preview', () => current)
    try {
      const editor = await step('editor-signs-in', async () => (current = await signIn(context, PREVIEWER)))
      await step('opens-the-article', async () => {
        await editor.goto(`${system.cms}/admin/collections/articles/${id}`)
        await editor.locator('#field-title').waitFor({ timeout: 60_000 })
        expect(await editor.inputValue('#field-title')).toBe(fixture.revised)
      })
      const preview = await step('clicks-preview', async () => {
        const [opened] = await Promise.all([
          context.waitForEvent('page', { timeout: 30_000 }),
          editor.getByRole('link', { name: '预览', exact: true }).click(),
        ])
        current = opened
        await opened.waitForURL(`${system.site}/preview/?id=${id}`)
        return opened
      })
      await step('sees-the-draft-in-the-site-layout', async () => {
        await preview.locator('#preview').waitFor({ state: 'visible', timeout: 30_000 })
        expect(await preview.locator('#preview h1').textContent()).toBe(fixture.revised)
        expect(await preview.locator('#preview .prose').textContent()).toContain(fixture.draftWord)
        expect(await preview.locator('#preview-status').textContent()).toContain('已发布稿件的最新修改')
        expect(await preview.title()).toBe(`预览：${fixture.revised}`)
        expect(await preview.locator('body').textContent()).not.toContain(fixture.published)
        // The site's own header, navigation and footer around it.
        expect(await preview.locator('.site-header .brand-name').textContent()).toBe(settings().siteName)
        expect(await preview.getByRole('navigation', { name: '主导航' }).getByRole('link').count()).toBeGreaterThan(0)
        await preview.locator('footer.site-footer').waitFor()
      })
    } finally {
      await context.close()
    }
  }, 180_000)

  it('a signed-out visitor to the preview address sees only the sign-in notice, none of the draft', async () => {
    const { id } = await draftOfPublished()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const step = stepper('visitor-preview', () => page)
    try {
      await step('opens-the-preview-address', async () => {
        await page.goto(`${system.site}/preview/?id=${id}`)
        await page.waitForFunction(() => !/正在载入/.test(document.querySelector('#preview-status')?.textContent ?? ''), null, {
          timeout: 30_000,
        })
      })
      await step('sees-only-the-sign-in-notice', async () => {
        const status = page.locator('#preview-status')
        expect(await status.textContent()).toContain('请先登录管理后台')
        expect(await status.getByRole('link', { name: '登录管理后台' }).getAttribute('href')).toBe(`${system.cms}/admin/login`)
        expect(await page.locator('#preview').isHidden()).toBe(true)
        const html = await page.content()
        for (const text of [fixture.revised, fixture.draftWord, fixture.published]) expect(html).not.toContain(text)
      })
    } finally {
      await context.close()
    }
  }, 60_000)

  it('the preview page is noindex, and neither the sitemap nor either search index holds it', async () => {
    const previewPath = '/preview/'
    const html = await (await fetch(`${system.site}${previewPath}`)).text()
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    const sitemaps = locs(await (await fetch(`${system.site}/sitemap-index.xml`)).text())
    const sitemap = (await Promise.all(sitemaps.map(async (u) => locs(await (await fetch(u)).text()))))
      .flat()
      .map((u) => new URL(u).pathname)
    const live = await fs.realpath(path.join(system.dir, 'dist', 'live'))
    const pagefind = (await pagefindUrls(live)).map((u) => new URL(u, system.site).pathname)
    const server = (await serverIndexUrls(live)).map((u) => new URL(u, system.site).pathname)
    // Each list is read and holds the site's pages (a sample article's among them), so "not in it" means something.
    const samplePage = recordUrl('articles', sampleArticles[0]!.key)
    for (const [name, urls] of Object.entries({ sitemap, pagefind, server })) expect(urls, name).toContain(samplePage)
    // One comparison, so a failure names every place the page has got into.
    expect({
      robots: html.match(/<meta name="robots" content="([^"]*)"/)?.[1],
      sitemap: sitemap.filter((u) => u.startsWith(previewPath)),
      pagefind: pagefind.filter((u) => u.startsWith(previewPath)),
      server: server.filter((u) => u.startsWith(previewPath)),
    }).toEqual({ robots: 'noindex', sitemap: [], pagefind: [], server: [] })
  }, 60_000)
})
