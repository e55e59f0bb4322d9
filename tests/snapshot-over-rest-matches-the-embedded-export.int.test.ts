import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localSource, readContent, restSource } from '../cms/export'
import { seedSampleContent } from '../cms/seed'
import { startTestCms, type TestCms } from './helpers/payload'
import { addFixtureContent, DRAFT_MARKERS } from './helpers/site'

let cms: TestCms
let server: http.Server
let baseUrl: string

beforeAll(async () => {
  cms = await startTestCms()
  await seedSampleContent(cms.payload)
  await addFixtureContent(cms)
  // A CMS "elsewhere": Payload's REST handler behind a plain HTTP server on loopback.
  const [{ handleEndpoints }, { default: config }] = await Promise.all([import('payload'), import('../cms/payload.config')])
  server = http.createServer(async (req, res) => {
    const response = await handleEndpoints({ config, request: new Request(`http://127.0.0.1${req.url}`, { method: req.method }) })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
}, 120_000)
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await cms?.close()
})

describe('building from a remote CMS over REST', () => {
  it('reads the same published content, and the same media, as the in-process export', async () => {
    // Pages of 7 here, so the embedded reader goes from page to page past drafts as it does at scale.
    const local = await readContent(localSource(cms.payload, path.join(cms.dir, 'media'), { pageSize: 7 }))
    const remote = await readContent(restSource(baseUrl))
    const strip = (s: typeof local.snapshot) => ({ ...s, generatedAt: '' })
    expect(strip(remote.snapshot)).toEqual(strip(local.snapshot))
    expect([...remote.media.keys()].sort()).toEqual([...local.media.keys()].sort())
    expect(JSON.stringify(remote.snapshot)).not.toContain(DRAFT_MARKERS.article)

    const [file, url] = [...remote.media.entries()][0]!
    const bytes = await restSource(baseUrl).mediaFile(file, url)
    const onDisk = await localSource(cms.payload, path.join(cms.dir, 'media')).mediaFile(file)
    expect(bytes.equals(onDisk)).toBe(true)
  })

  it('fails with a message naming the address when the CMS cannot be reached', async () => {
    await expect(readContent(restSource('http://127.0.0.1:9/'))).rejects.toThrow(/cannot reach the CMS at http:\/\/127\.0\.0\.1:9\/api\//)
    await expect(restSource(baseUrl).list('no-such-collection')).rejects.toThrow(/no-such-collection.*404/)
  })
})

describe('the embedded export', () => {
  it('lets the server do other work between its pages (SQLite answers synchronously; at 200k articles the export once held the event loop for 36 s)', async () => {
    const pages = localSource(cms.payload, path.join(cms.dir, 'media'), { pageSize: 7 }).pages('articles')
    let read = 0
    let withATurn = 0
    for (;;) {
      let othersRan = false
      setImmediate(() => (othersRan = true))
      const page = await pages.next()
      if (page.done) break
      read++
      if (othersRan) withATurn++
    }
    expect(read).toBeGreaterThan(3)
    expect(withATurn).toBe(read)
  })
})
