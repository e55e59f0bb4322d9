import fs from 'node:fs/promises'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { publicTypeOfKey, type PublicContentKey } from '../../content-models/publicTypes'
import { readSnapshot } from '../../site/snapshot'

/** Waits until the search page has announced its count and finished rendering the results. */
export const waitForSearchResults = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false' &&
      /找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  )

/** The service directory's filters appear once the React island has hydrated. */
export const waitForDirectory = (page: Page) => page.waitForSelector('#svc-q', { timeout: 20_000 })

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
    models: '/models/',
    modelDetail: await detail('laborModels', /<img/),
    services: '/services/',
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
