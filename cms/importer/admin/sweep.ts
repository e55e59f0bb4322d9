import fs from 'node:fs'
import path from 'node:path'

/**
 * Removes the staged uploads in `dir` (one folder per batch) last written more than `maxAgeMs`
 * ago: a dry run nobody imported would otherwise keep its pages on disk forever. Returns the
 * folders removed. A batch whose folder is gone asks for a new upload when someone runs it.
 */
export const sweepStaging = async (dir: string, maxAgeMs: number, now = Date.now()): Promise<string[]> => {
  const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])
  const removed: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const folder = path.join(dir, entry.name)
    const stat = await fs.promises.stat(folder).catch(() => undefined)
    if (!stat || now - stat.mtimeMs <= maxAgeMs) continue
    await fs.promises.rm(folder, { recursive: true, force: true })
    removed.push(entry.name)
  }
  return removed
}

/**
 * Sweeps at once and then every `everyMs` (an hour by default). The timer is unref'd, so it
 * never keeps a process alive that has nothing else to do; `stop` ends it.
 */
export const startStagingSweep = (
  dir: string,
  maxAgeMs: number,
  onError: (error: unknown) => void,
  everyMs = 3600_000,
): { first: Promise<void>; stop: () => void } => {
  const sweep = () => sweepStaging(dir, maxAgeMs).then(() => undefined, onError)
  const first = sweep()
  const timer = setInterval(() => void sweep(), everyMs)
  timer.unref()
  return { first, stop: () => clearInterval(timer) }
}
