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
    const local = await readContent(localSource(cms.payload, path.join(cms.dir, 'media')))
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
