import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'

import { buildServerIndex } from '../../site/search/build'
import { SearchIndex } from '../../site/search/query'
import { readSnapshotFiles } from '../../site/snapshot'
import { expectedUrls, recall } from '../../tests/helpers/searchRecall'
import { peakOf, sampleDescendants } from './memory'
import { median } from './measure'
import { ACTIVITIES, COMPANIES, CITY, DISTRICTS, GROUPS, STREETS } from './vocabulary'

/**
 * The server search path in the benchmark: building the index beside the build, query
 * latency over HTTP with concurrent clients, the bytes a first search costs in Chromium with
 * JavaScript off (the server-rendered page) plus one JSON answer (what the page's script asks
 * for as you type), and recall over the generated corpus against expected sets computed from
 * the snapshot's text (the contract's definition, tests/helpers/searchRecall.ts).
 */
export interface ServerSearchFigures {
  index: { seconds: number; peakRssBytes: number; bytes: number; documents: number }
  latency: { queries: number; clients: number; requests: number; p50Ms: number; p95Ms: number; maxMs: number; errors: number }
  firstSearch: {
    query: string
    pageBytes: number
    jsonBytes: number
    totalBytes: number
    requests: number
    timeToResultsMs: number
    results: number
  }
  /** Ordinary searches while other clients flood the server with the costliest query there is (issue 24). */
  underAttack?: AttackFigures
  recall: {
    queries: number
    min: number
    mean: number
    expectedDocuments: number
    worst: { query: string; expected: number; found: number; recall: number }[]
  }
}

/** 50 fixed queries from the corpus vocabulary: common and rare words, names, two-word and Traditional queries, single characters, numbers. */
export const SERVER_QUERIES: string[] = [
  '职工',
  '工会',
  CITY.name,
  '职工书屋',
  '送温暖',
  '金秋助学',
  '法律援助',
  '技能竞赛',
  '劳动模范',
  '集体协商',
  ...DISTRICTS.slice(0, 6).map((d) => d.name),
  ...GROUPS.slice(0, 8),
  ...COMPANIES.slice(0, 6),
  ...STREETS.slice(0, 4),
  ...ACTIVITIES.slice(0, 4).map((a) => a.tag),
  `${DISTRICTS[0]!.name} 职工`,
  `${GROUPS[4]} 法律援助`,
  '困难职工 送温暖',
  '工会 书屋',
  '職工書屋',
  '勞動模範',
  '臨江市',
  '法律援助 職工',
  '书',
  '12351',
  '驿站',
  '会员',
].slice(0, 50)

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0

/** Builds the index of `buildDir` from the snapshot in its own process, as a build does, sampling that process's memory. */
export const measureIndexBuild = async (snapshotDir: string, buildDir: string): Promise<ServerSearchFigures['index']> => {
  const sampler = sampleDescendants(100)
  const built = await buildServerIndex({ snapshotDir, buildDir }).finally(() => undefined)
  const tree = sampler.stop()
  const index = new SearchIndex(built.file)
  try {
    return { seconds: built.seconds, peakRssBytes: peakOf(tree, /indexChild/), bytes: built.bytes, documents: index.size }
  } finally {
    index.close()
  }
}

const startServer = async (
  root: string,
  siteDir: string,
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/searchServerChild.ts'], {
    cwd: root,
    env: { ...process.env, BENCH_SITE_DIR: siteDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  const errors: string[] = []
  child.stderr!.on('data', (d) => errors.push(String(d)))
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port))
    child.once('exit', (code) => reject(new Error(`the search server exited with ${code}:\n${errors.join('').slice(-2000)}`)))
  })
  return { port, child }
}

/** `clients` concurrent loops over the queries (each starting at its own place in the list), `rounds` times, on loopback with keep-alive. */
export const measureLatency = async (
  root: string,
  siteDir: string,
  queries: readonly string[],
  options: { clients?: number; rounds?: number } = {},
): Promise<ServerSearchFigures['latency']> => {
  const clients = options.clients ?? 8
  const rounds = options.rounds ?? 2
  const { port, child } = await startServer(root, siteDir, { BENCH_SEARCH_RATE: '0' })
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const get = (q: string) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now()
      http
        .get({ host: '127.0.0.1', port, path: `/search.json?q=${encodeURIComponent(q)}`, agent }, (res) => {
          res.resume()
          res.on('end', () =>
            res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode} for ${q}`)),
          )
        })
        .on('error', reject)
    })
  try {
    // One pass first, unmeasured: the server opens the index and the OS caches its pages. A cold
    // common word over a large archive (200k articles) can pass the server's time limit on a busy
    // machine: it is asked again, and one still refused counts as an error, not as a failed run.
    const times: number[] = []
    let errors = 0
    for (const q of queries) {
      for (let attempt = 1; ; attempt++) {
        const ok = await get(q).then(
          () => true,
          () => false,
        )
        if (ok) break
        if (attempt === 3) {
          errors++
          break
        }
      }
    }
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let r = 0; r < rounds; r++) {
          for (let i = 0; i < queries.length; i++) {
            const q = queries[(i + c * Math.ceil(queries.length / clients)) % queries.length]!
            try {
              times.push(await get(q))
            } catch {
              errors++
            }
          }
        }
      }),
    )
    const sorted = times.sort((a, b) => a - b)
    return {
      queries: queries.length,
      clients,
      requests: times.length,
      p50Ms: median(sorted),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted.at(-1) ?? 0,
      errors,
    }
  } finally {
    agent.destroy()
    child.disconnect()
    await new Promise((r) => child.once('exit', r).once('error', r))
  }
}

/**
 * A first search in Chromium with JavaScript off: everything the server-rendered page pulls
 * (HTML, CSS, icons), plus one /search.json answer for the same query.
 */
export const measureFirstServerSearch = async (
  root: string,
  siteDir: string,
  query: string,
  browser: import('playwright-core').Browser,
): Promise<ServerSearchFigures['firstSearch']> => {
  const { port, child } = await startServer(root, siteDir)
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    const sizes: Promise<number>[] = []
    context.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)))
    const t0 = performance.now()
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' })
    const timeToResultsMs = performance.now() - t0
    await page.waitForLoadState('networkidle')
    const results = Number((await page.locator('#search-status').textContent())?.match(/\d+/)?.[0] ?? 0)
    const pageBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
    // As the page's script would fetch it: compressed when the browser says it accepts gzip.
    const { body, headerBytes } = await new Promise<{ body: number; headerBytes: number }>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port,
            path: `/search.json?q=${encodeURIComponent(query)}`,
            headers: { 'Accept-Encoding': 'gzip, deflate, br' },
          },
          (res) => {
            let bytes = 0
            res.on('data', (d: Buffer) => (bytes += d.length))
            res.on('end', () =>
              resolve({
                body: bytes,
                headerBytes: res.rawHeaders.reduce(
                  (n, h) => n + h.length + 2,
                  `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2,
                ),
              }),
            )
          },
        )
        .on('error', reject)
    })
    const jsonBytes = body + headerBytes
    return { query, pageBytes, jsonBytes, totalBytes: pageBytes + jsonBytes, requests: sizes.length, timeToResultsMs, results }
  } finally {
    await context.close()
    child.disconnect()
    await new Promise((r) => child.once('exit', r).once('error', r))
  }
}

/** Recall of each query: the server index's matches against the documents whose text holds the query. */
export const measureRecall = async (
  snapshotDir: string,
  indexFile: string,
  queries: readonly string[],
): Promise<ServerSearchFigures['recall']> => {
  // Read as the build reads it: at 200k articles the file is longer than one JavaScript string may be.
  const snapshot = readSnapshotFiles(snapshotDir)
  const index = new SearchIndex(indexFile)
  try {
    const rows = queries.map((query) => {
      const expected = expectedUrls(snapshot, query)
      const found = index.matchUrls(query)
      return { query, expected: expected.size, found: found.length, recall: recall(found, expected) }
    })
    const measured = rows.filter((r) => r.expected > 0)
    return {
      queries: measured.length,
      min: Math.min(1, ...measured.map((r) => r.recall)),
      mean: measured.reduce((s, r) => s + r.recall, 0) / Math.max(1, measured.length),
      expectedDocuments: measured.reduce((s, r) => s + r.expected, 0),
      worst: [...measured].sort((a, b) => a.recall - b.recall).slice(0, 5),
    }
  } finally {
    index.close()
  }
}

export interface AttackRun {
  /** Whether the per-address limit was on (the default) or off (the slow lane alone). */
  rateLimit: boolean
  normal: { requests: number; p50Ms: number; p95Ms: number; maxMs: number; errors: number }
  attack: { requests: number; answered: number; limited: number; busy: number }
}

export interface AttackFigures {
  query: string
  seconds: number
  runs: AttackRun[]
  /** Requests per second the served site answers with 64 concurrent clients on loopback. */
  throughput: { staticPage: string; staticRps: number; searchRps: number; clients: number }
}

/** A term the index can only narrow down, so every candidate's text is read: the worst case (issue 24). */
export const ATTACK_QUERY = '0会'

const request = (port: number, pathName: string, agent: http.Agent, localAddress?: string) =>
  new Promise<{ status: number; ms: number }>((resolve) => {
    const t0 = performance.now()
    http
      .get({ host: '127.0.0.1', port, path: pathName, agent, localAddress }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }))
      })
      .on('error', () => resolve({ status: 0, ms: performance.now() - t0 }))
  })

/**
 * Eight visitors search as people do (one query every half second, each from an address of
 * its own) while eight others send the costliest query as fast as they can, each from its
 * own address too (loopback has all of 127/8); once with the per-address limit and once
 * without it, so the slow lane's share shows. Then requests per second with 64 clients for a
 * static page and for search.
 */
export const measureSearchUnderAttack = async (
  root: string,
  siteDir: string,
  queries: readonly string[],
  options: { seconds?: number; staticPage?: string } = {},
): Promise<AttackFigures> => {
  const seconds = options.seconds ?? 10
  const staticPage = options.staticPage ?? '/news/'
  const runs: AttackRun[] = []
  for (const rateLimit of [true, false]) {
    const { port, child } = await startServer(root, siteDir, rateLimit ? {} : { BENCH_SEARCH_RATE: '0' })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
    try {
      for (const q of queries.slice(0, 5)) await request(port, `/search.json?q=${encodeURIComponent(q)}`, agent)
      const until = performance.now() + seconds * 1000
      const times: number[] = []
      let errors = 0
      const attack = { requests: 0, answered: 0, limited: 0, busy: 0 }
      const visitor = async (c: number) => {
        const own = new http.Agent({ keepAlive: true, maxSockets: 1 })
        for (let i = 0; performance.now() < until; i++) {
          const q = queries[(i + c * 7) % queries.length]!
          const r = await request(port, `/search.json?q=${encodeURIComponent(q)}`, own, `127.0.0.${10 + c}`)
          if (r.status === 200) times.push(r.ms)
          else errors++
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 500 - r.ms)))
        }
        own.destroy()
      }
      const attacker = async (c: number) => {
        const own = new http.Agent({ keepAlive: true, maxSockets: 1 })
        while (performance.now() < until) {
          const r = await request(port, `/search.json?q=${encodeURIComponent(ATTACK_QUERY)}`, own, `127.0.1.${10 + c}`)
          attack.requests++
          if (r.status === 200) attack.answered++
          else if (r.status === 429) attack.limited++
          else attack.busy++
        }
        own.destroy()
      }
      await Promise.all([...Array.from({ length: 8 }, (_, c) => visitor(c)), ...Array.from({ length: 8 }, (_, c) => attacker(c))])
      const sorted = times.sort((a, b) => a - b)
      runs.push({
        rateLimit,
        normal: { requests: sorted.length, p50Ms: median(sorted), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) ?? 0, errors },
        attack,
      })
    } finally {
      agent.destroy()
      child.disconnect()
      await new Promise((r) => child.once('exit', r).once('error', r))
    }
  }

  // Throughput: 64 clients for half the flood's time each, the per-address limit off (one address stands for many visitors).
  const { port, child } = await startServer(root, siteDir, { BENCH_SEARCH_RATE: '0' })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const window = seconds / 2
  const rps = async (pathOf: (i: number) => string) => {
    const until = performance.now() + window * 1000
    let ok = 0
    await Promise.all(
      Array.from({ length: 64 }, async (_, c) => {
        for (let i = c; performance.now() < until; i += 64) if ((await request(port, pathOf(i), agent)).status === 200) ok++
      }),
    )
    return ok / window
  }
  try {
    const staticRps = await rps(() => staticPage)
    const searchRps = await rps((i) => `/search.json?q=${encodeURIComponent(queries[i % queries.length]!)}`)
    return { query: ATTACK_QUERY, seconds, runs, throughput: { staticPage, staticRps, searchRps, clients: 64 } }
  } finally {
    agent.destroy()
    child.disconnect()
    await new Promise((r) => child.once('exit', r).once('error', r))
  }
}
