import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'

import { blocksToLexical } from '../../cms/seed/richText'
import { serveSite } from '../../site/serve'
import { median } from './measure'

/**
 * Publish-to-live as staff see it: from the publish request over HTTP to the page served by
 * the site server `npm start` runs (site/serve.ts), with the server's own settings (its
 * rebuilder as it starts, no quiet period or poll set for the benchmark). The request goes to
 * Payload's REST handler, as the admin's Next.js routes call it, served from this process on
 * loopback; the clock stops when a GET of the article's address answers 200 with its title.
 */
export interface PublishOverHttp {
  runs: number[]
  medianSeconds: number
  /**
   * A new service for every worker, published the same way: the publish that renders the most
   * directory pages (it joins its category's, its district's and every audience's list), timed
   * until its own page is served, which goes live in the same round as the lists.
   */
  newService: { seconds: number; rendered: number | null }
}

/** Payload's REST API on a port of its own: what `/api/*` of the admin server does. */
const restServer = async (): Promise<http.Server> => {
  const [{ default: config }, { handleEndpoints }] = await Promise.all([import('../../cms/payload.config'), import('payload')])
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body })
      handleEndpoints({ config, request }).then(
        async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers))
          res.end(Buffer.from(await response.arrayBuffer()))
        },
        (error: unknown) => {
          res.writeHead(500)
          res.end(String(error))
        },
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`

/** Waits until `url` answers 200 with `text` in it (the page is live). */
const served = async (url: string, text: string, timeoutMs: number) => {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    const res = await fetch(url).catch(() => undefined)
    if (res?.status === 200 && (await res.text()).includes(text)) return
  }
  throw new Error(`${url} was not live with its title within ${timeoutMs / 1000} s of publishing`)
}

export const measurePublishOverHttp = async (
  cms: Payload,
  options: { runs: number; liveDir: string; settled: () => Promise<void>; lastRendered: () => number | undefined },
): Promise<PublishOverHttp> => {
  const email = 'bench-reviewer@example.org'
  const password = 'bench-reviewer-password-0123456789'
  await cms.create({ collection: 'users', data: { email, password, name: '基准测试审核员', roles: ['reviewer'] } as never })
  const [api, site] = await Promise.all([restServer(), serveSite(0, options.liveDir, { search: false })])
  try {
    const login = await fetch(`${urlOf(api)}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (login.status !== 200) throw new Error(`bench reviewer could not sign in: ${login.status} ${await login.text()}`)
    const { token } = (await login.json()) as { token: string }
    /** Seconds from the POST of a published `collection` document to its page served with `text`. */
    const publish = async (collection: string, data: Record<string, unknown>, page: (slug: string) => string, text: string) => {
      await options.settled()
      const t0 = performance.now()
      const res = await fetch(`${urlOf(api)}/api/${collection}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({ ...data, _status: 'published' }),
      })
      if (res.status !== 201) throw new Error(`publishing ${collection} over HTTP failed: ${res.status} ${await res.text()}`)
      const { doc } = (await res.json()) as { doc: { slug: string } }
      await served(`${urlOf(site)}${page(doc.slug)}`, text, 120_000)
      return (performance.now() - t0) / 1000
    }
    const runs: number[] = []
    for (let i = 0; i < options.runs; i++) {
      const title = `基准测试：员工看到的发布到上线（第 ${i + 1} 次）`
      const data = {
        title,
        summary: '用于测量员工从点击发布到看到页面上线所需时间的文章。',
        body: blocksToLexical(['这是一篇由基准测试通过内容接口发布的文章。']),
        publishedAt: new Date().toISOString(),
      }
      runs.push(await publish('articles', data, (slug) => `/news/${slug}/`, title))
    }
    const name = '基准测试职工法律咨询服务点'
    const service = {
      name,
      category: 'legal-aid',
      audiences: ['everyone'],
      summary: '用于测量新增一项服务从发布到上线所需时间。',
      phones: [{ number: '0571-88886666', label: '咨询电话', kind: 'voice', hotline: false }],
    }
    const seconds = await publish('services', service, (slug) => `/services/${slug}/`, name)
    await options.settled()
    return { runs, medianSeconds: median(runs), newService: { seconds, rendered: options.lastRendered() ?? null } }
  } finally {
    await Promise.all([api, site].map((s) => new Promise((r) => s.close(r))))
  }
}
