import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { collectFiles } from '../cms/importer/files'
import { importArchive } from '../cms/importer/importArchive'
import { rebuilderFor } from '../cms/publishing/rebuilder'
import { configureSettings } from '../content-models/settings'
import { liveDir } from '../site/publish'
import { NGINX_MAP_FILE, readRedirectsFile, REDIRECTS_FILE } from '../site/redirects/formats'
import { paragraph } from './helpers/fixtures'
import { startTestCms, type TestCms } from './helpers/payload'
import { serveStatic } from './helpers/site'

/**
 * Old links (issue 28): a whole old site imported and published; each article's old address on
 * the old host answers, on the site server and on nginx with the map the build wrote, with a
 * 301 to its new page, which answers 200. Addresses on other hosts get none.
 */
const root = path.resolve(import.meta.dirname, '..')
const OLD_HOST = 'www.ljzgh.gov.cn'
const NGINX = '/usr/sbin/nginx'

let cms: TestCms
let dist: string
let site: Awaited<ReturnType<typeof serveStatic>>
let nginx: { url: string; stop: () => Promise<void> } | undefined
/** Old address (path and query) → title, for every published article from the old host. */
let expected: Map<string, { title: string; id: number | string }>
let imported: number

const settled = () => rebuilderFor(cms.payload).idle()
const oldPath = (url: string) => {
  const u = new URL(url)
  return u.pathname + u.search
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** nginx from Debian, unprivileged on a free port, serving `dir` with the map the build wrote, as the README shows. */
const startNginx = async (dir: string) => {
  const prefix = await fs.mkdtemp(path.join(cms.dir, 'nginx-'))
  const port = await freePort()
  await fs.writeFile(
    path.join(prefix, 'nginx.conf'),
    // Workers run as this test's user (nginx ignores the line when not started as root): the build is in a private temp folder.
    `user ${os.userInfo().username};
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${dir}/${NGINX_MAP_FILE};
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    error_page 404 /404.html;
    location / { try_files $uri $uri/ @old_links; }
    location @old_links {
      absolute_redirect off;
      if ($portal_old_link) { return 301 $portal_old_link; }
      return 404;
    }
  }
}
`,
  )
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'pipe' })
  let output = ''
  child.stderr!.on('data', (d) => (output += String(d)))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${output}`)
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break
    if (i > 100) throw new Error(`nginx did not answer: ${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGQUIT'))) }
}

/** Follows one old address by hand: the redirect and the page it names. */
const visit = async (base: string, old: string) => {
  const first = await fetch(base + old, { redirect: 'manual' })
  const location = first.headers.get('location') ?? ''
  const page = first.status === 301 && location.startsWith('/') ? await fetch(base + location) : undefined
  return { status: first.status, location, pageStatus: page?.status, page: await page?.text() }
}

/** Asserts that an old address answers 301 and its target 200 with the article's title. */
const arrives = async (base: string, old: string, title: string) => {
  const seen = await visit(base, old)
  expect({ old, status: seen.status, pageStatus: seen.pageStatus, titled: seen.page?.includes(title) }).toEqual({
    old,
    status: 301,
    pageStatus: 200,
    titled: true,
  })
  return seen
}

beforeAll(async () => {
  cms = await startTestCms()
  dist = path.join(cms.dir, 'dist')
  configureSettings({
    siteAutobuild: true,
    rebuildQuietMs: 300,
    snapshotDir: path.join(cms.dir, 'snapshot'),
    distDir: dist,
    oldSiteHosts: [OLD_HOST],
  })
  const mirror = path.join(cms.dir, 'mirror')
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tools/make-saved-site.ts', mirror],
    {
      cwd: root,
    },
  )
  const summary = await importArchive(cms.payload, collectFiles([mirror]).files, { batch: 'old-site', publish: true, root: mirror })
  expect(summary.failed).toBe(0)
  imported = summary.imported
  // Besides the mirror: a link with a query on the old host without `www.`, and a page first published elsewhere.
  for (const [title, originalUrl] of [
    ['旧站动态页面导入的通知', `http://ljzgh.gov.cn/show.asp?id=45`],
    ['旧站动态页面导入的第二篇', `http://${OLD_HOST}/show.asp?id=46&page=1`],
    ['转载自其他网站的报道', 'https://www.xinhuanet.com/politics/2019-03/12/c_1124.htm'],
  ])
    await cms.payload.create({
      collection: 'articles',
      data: { title, originalUrl, body: paragraph(`${title}正文。`), _status: 'published' },
    })
  await settled()
  site = await serveStatic(liveDir(dist))
  const published = (
    await cms.payload.find({ collection: 'articles', pagination: false, depth: 0, where: { _status: { equals: 'published' } } })
  ).docs
  expected = new Map(
    published
      .filter((a) => a.originalUrl && /^https?:\/\/(www\.)?ljzgh\.gov\.cn\//.test(a.originalUrl))
      .map((a) => [oldPath(a.originalUrl!), { title: a.title, id: a.id }]),
  )
}, 600_000)

afterAll(async () => {
  configureSettings({ siteAutobuild: false })
  await nginx?.stop()
  await site?.close()
  await cms?.close()
})

describe('old links of an imported site', () => {
  it('on the site server, take every imported page of the mirror from its old path to its new page (301, then 200)', async () => {
    // Every article of the mirror is dated, so published; two more are added beside it.
    expect(imported).toBeGreaterThanOrEqual(240)
    expect(expected.size).toBe(imported + 2)
    for (const [old, { title }] of expected) expect((await arrives(site.url, old, title)).location).toMatch(/^\/news\/[^/]+\/$/)
  })

  it('match old query strings: the id counts, an added parameter does not, and another host’s path redirects nowhere', async () => {
    const to = async (old: string) => (await visit(site.url, old)).location
    const page45 = await to('/show.asp?id=45')
    expect(page45).toMatch(/^\/news\//)
    expect(await to('/show.asp?id=45&from=timeline')).toBe(page45)
    expect(await to('/show.asp?page=1&id=46')).not.toBe(page45)
    expect((await visit(site.url, '/show.asp?id=47')).status).toBe(404)
    expect((await visit(site.url, '/show.asp')).status).toBe(404)
    expect((await visit(site.url, '/politics/2019-03/12/c_1124.htm')).status).toBe(404)
    // A page of the new site is never shadowed, and every target is a path of this site.
    expect((await fetch(`${site.url}/news/`, { redirect: 'manual' })).status).toBe(200)
    const links = readRedirectsFile(await fs.readFile(path.join(liveDir(dist), REDIRECTS_FILE), 'utf8'))
    expect(links.length).toBe(expected.size)
    for (const link of links) expect(link.to).toMatch(/^\/news\/[^/]+\/$/)
  })

  it('through nginx with the generated map, take every imported page from its old path to its new page', async () => {
    nginx = await startNginx(await fs.realpath(liveDir(dist)))
    // nginx matches a query exactly as the old link had it; each old link is requested as it was.
    for (const [old, { title }] of expected)
      expect((await arrives(nginx.url, old, title)).location, old).toBe((await visit(site.url, old)).location)
    expect((await visit(nginx.url, '/show.asp?id=47')).status).toBe(404)
    expect((await visit(nginx.url, '/politics/2019-03/12/c_1124.htm')).status).toBe(404)
    await nginx.stop()
    nginx = undefined
  })

  it('follow publishes: a renamed article’s old path leads to its new address, an unpublished one’s to nothing', async () => {
    const [[renamedOld, renamed], [goneOld, gone]] = [...expected].filter(([old]) => !old.includes('?')).slice(0, 2)
    await cms.payload.update({ collection: 'articles', id: renamed!.id, data: { slug: 'renamed-old-page' } })
    await cms.payload.update({ collection: 'articles', id: gone!.id, data: { _status: 'draft' } })
    await settled()
    const builds = (await cms.payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1 })).docs
    expect(builds[0]).toMatchObject({ status: 'succeeded', mode: 'incremental' })
    expect((await visit(site.url, renamedOld!)).location).toBe('/news/renamed-old-page/')
    expect((await visit(site.url, renamedOld!)).pageStatus).toBe(200)
    expect((await visit(site.url, goneOld!)).status).toBe(404)
    const map = await fs.readFile(path.join(liveDir(dist), NGINX_MAP_FILE), 'utf8')
    expect(map).toContain('"/news/renamed-old-page/"')
    expect(map).not.toContain(`"${new URL(goneOld!, 'http://x').pathname}"`)
  })
})
