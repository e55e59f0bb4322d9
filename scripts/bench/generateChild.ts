/**
 * Writes the synthetic corpus in a process of its own, started by the benchmark with the
 * workspace's environment, and reports progress and the result over IPC.
 *
 * Why a separate process: every document created through the Local API on SQLite leaves
 * about 0.15 MB of native memory behind (not in the JS heap, not freed by GC; measured with
 * /proc/self/status RssAnon while creating articles). At 50k articles that is ~12 GiB, held
 * by the harness for the rest of the run unless the process that wrote them exits.
 */
import type { CorpusPlan } from './corpus'
import type { LoadResult } from './load'

export type GenerateMessage = { type: 'progress'; done: number; total: number; collection: string } | { type: 'done'; result: LoadResult }

interface GenerateRequest {
  plan: CorpusPlan
  seed: string
  concurrency: number
  bulkArticles: boolean
}

const send = (message: GenerateMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

const main = async () => {
  const request = JSON.parse(process.env.BENCH_GENERATE ?? 'null') as GenerateRequest | null
  if (!request || !process.send)
    throw new Error("generateChild runs only as the benchmark's child (no BENCH_GENERATE request or no IPC channel)")
  const [{ openPayload }, { loadCorpus }] = await Promise.all([import('../../cms/open'), import('./load')])
  const payload = await openPayload()
  payload.logger.level = 'warn'
  let lastSent = 0
  const result = await loadCorpus(payload, request.plan, {
    seed: request.seed,
    concurrency: request.concurrency,
    bulkArticles: request.bulkArticles,
    onProgress: (done, total, collection) => {
      // IPC per document would cost more than the writes it reports; ten a second is plenty.
      if (done < total && performance.now() - lastSent < 100) return
      lastSent = performance.now()
      process.send!({ type: 'progress', done, total, collection } satisfies GenerateMessage)
    },
  })
  await payload.destroy()
  await send({ type: 'done', result })
}

// A failure goes to stderr, which the benchmark shows when this exits with 1.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exit(1)
  },
)
