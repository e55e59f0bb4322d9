import fs from 'node:fs/promises'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { publicTypeOfKey, type PublicContentKey } from '../../content-models/publicTypes'
import { readSnapshot } from '../../site/snapshot'

/** The search page's last word: the count, "nothing found", or that search failed. */
const FINAL_STATUS = /找到|搜索暂时不可用/

/**
 * Opens a search page and waits until it has answered: the count announced and the results
 * rendered (aria-busy false). A search that fails or never answers throws with what the page
 * said and what the browser reported meanwhile (script errors, failed or refused requests),
 * so a failure names its cause instead of timing out in silence.
 */
export const openSearch = async (page: Page, url: string, options: { timeout?: number } = {}) => {
  const seen: string[] = []
  const onConsole = (m: import('playwright-core').ConsoleMessage) => m.type() === 'error' && seen.push(`console: ${m.text()}`)
  const onError = (e: Error) => seen.push(`page error: ${e.message}`)
  const onFailed = (r: import('playwright-core').Request) => seen.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`)
  const onResponse = (r: import('playwright-core').Response) => r.status() >= 400 && seen.push(`HTTP ${r.status()}: ${r.url()}`)
  page.on('console', onConsole).on('pageerror', onError).on('requestfailed', onFailed).on('response', onResponse)
  const status = () =>
    page
      .locator('#search-status')
      .textContent()
      .catch(() => null)
  try {
    await page.goto(url)
    await page
      .waitForFunction(
        (final) =>
          document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
          new RegExp(final).test(document.querySelector('#search-status')?.textContent ?? ''),
        FINAL_STATUS.source,
        { timeout: options.timeout ?? 45_000 },
      )
      .catch(async (error: unknown) => {
        throw new Error(`search page ${url} did not answer; status: ${await status()}\n${seen.join('\n')}`, { cause: error })
      })
    const said = (await status()) ?? ''
    if (!/找到/.test(said)) throw new Error(`search page ${url} failed: ${said}\n${seen.join('\n')}`)
    return said
  } finally {
    page.off('console', onConsole).off('pageerror', onError).off('requestfailed', onFailed).off('response', onResponse)
  }
}

/** Waits until the search page (already open) has announced its count and finished rendering the results. */
export const waitForSearchResults = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      /找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  )

/** The service directory's filters appear once the React island has hydrated. */
/**
 * The directory's filter form is rendered on the server and comes alive when first touched
 * (site/scripts/serviceFinder.ts): touch it without moving focus, and wait until it has.
 */
/** The page kinds (of `pagePaths`) that carry the directory's island. */
export const directoryKinds = new Set(['services', 'servicesFilter', 'servicesDistrict', 'servicesDistrictCategory'])

export const waitForDirectory = async (page: Page) => {
  await page.dispatchEvent('#svc-finder', 'pointerdown')
  await page.waitForSelector('.svc-directory[data-ready]', { state: 'attached', timeout: 20_000 })
}

/**
 * Page paths of a build, by kind, picked from the sample content so the tests follow it: where a
 * kind has richer pages (an image, an alert), one of those is taken, and if none is left the
 * helper fails instead of quietly testing a plainer page.
 */
export const samplePages = async (dir: string, snapshotDir: string) => {
  const snapshot = readSnapshot(snapshotDir)
  const dirsUnder = async (rel: string) => {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true })
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
  }
  /** The first record page of a public type whose HTML matches `rich`. */
  const detail = async (key: PublicContentKey, rich: RegExp) => {
    const { section } = publicTypeOfKey(key)
    for (const { slug } of snapshot[key]) {
      const page = `/${section}/${slug}/`
      // A published record without its page is a broken build, not a page to skip.
      if (rich.test(await fs.readFile(path.join(dir, page, 'index.html'), 'utf8'))) return page
    }
    throw new Error(`no ${section} page in ${dir} matches ${rich}: the sample content no longer has one`)
  }
  const first = async (rel: string) => {
    const [name] = await dirsUnder(rel)
    if (!name) throw new Error(`nothing under ${rel} in ${dir}`)
    return `${rel}/${name}`
  }
  const year = await first('news/archive')
  const district = await first('services/district')
  return {
    home: '/',
    news: '/news/',
    article: await detail('articles', /<figure/),
    archiveYear: `/${year}/`,
    archiveMonth: `/${await first(year)}/`,
    category: `/${await first('news/category')}/`,
    region: `/${await first('news/region')}/`,
    homes: '/homes/',
    homeDetail: await detail('workersHomes', /<img/),
    /** A page of one filter of the homes and of the labor models (components/FacetPage.astro). */
    homesFilter: `/${await first('homes/level')}/`,
    models: '/models/',
    modelsFilter: `/${await first('models/kind')}/`,
    modelDetail: await detail('laborModels', /<img/),
    services: '/services/',
    /** A page of one filter of the service directory: a category's. */
    servicesFilter: `/${await first('services/category')}/`,
    /** A district's categories with their counts, and one category's list in that district. */
    servicesDistrict: `/${district}/`,
    servicesDistrictCategory: `/${await first(district)}/`,
    service: await detail('services', /class="alert/),
    hotlines: '/hotlines/',
    restStations: '/services/rest-stations/',
    organizations: '/organizations/',
    organization: await detail('organizations', /id="services-title"/),
    saved: '/saved/',
    search: `/search/?q=${encodeURIComponent('职工')}`,
    notFound: '/no-such-page/',
  }
}
