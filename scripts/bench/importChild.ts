/**
 * The archive import measured in a process of its own, as the CMS server runs it for an
 * upload: the harness holds gigabytes of the benchmark's own state by this phase, and its
 * garbage collector's pauses (over a second) are no part of what staff wait for in the admin.
 * Started by the benchmark with the workspace's environment; BENCH_IMPORT names the files.
 */
import { longestBlockDuring } from './measure'

export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | {
      type: 'done'
      result: {
        imported: number
        duplicates: number
        failed: number
        firstFailure?: string
        totalMs: number
        longestBlockMs: number
        longestCpuBlockMs: number
        /** The most the loop's thread waited for a core between two turns (Linux only). */
        longestWaitMs?: number
      }
    }

const send = (message: ImportMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

const main = async () => {
  const request = JSON.parse(process.env.BENCH_IMPORT ?? 'null') as { files: string[] } | null
  if (!request || !process.send)
    throw new Error("importChild runs only as the benchmark's child (no BENCH_IMPORT request or no IPC channel)")
  const [{ openPayload }, { importArchive }] = await Promise.all([import('../../cms/open'), import('../../cms/importer/importArchive')])
  const payload = await openPayload()
  payload.logger.level = 'warn'
  // Staff upload to a server that has been up for a while, not one that started a moment ago:
  // the garbage of loading Payload is collected before the clock starts. Measured without this,
  // that first collection fell on the import's first turn and took 30-50 ms of the loop.
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('importChild needs --expose-gc (the benchmark passes it)')
  collect()
  let lastSent = 0
  const { result, longestBlockMs, longestCpuBlockMs, longestWaitMs } = await longestBlockDuring(() =>
    importArchive(payload, request.files, {
      batch: 'bench',
      onProgress: (done, total) => {
        if (done < total && performance.now() - lastSent < 100) return
        lastSent = performance.now()
        process.send!({ type: 'progress', done, total } satisfies ImportMessage)
      },
    }),
  )
  await send({
    type: 'done',
    result: {
      imported: result.imported,
      duplicates: result.duplicates,
      failed: result.failed,
      firstFailure: result.outcomes.flatMap((o) => (o.status === 'failed' ? [o.reason] : []))[0],
      totalMs: result.totalMs,
      longestBlockMs,
      longestCpuBlockMs,
      longestWaitMs,
    },
  })
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
