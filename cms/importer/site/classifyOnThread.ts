import { startHelperThread } from '../helperThreads'
import type { FileFeatures } from './analyseFiles'
import type { SiteAnalysis } from './classify'

/** Features handed over per message: copying 500 takes about 4 ms of the caller's loop. */
const SLICE = 500
/** Classifying takes about 15 ms of CPU per 1,000 pages; this leaves room for a loaded machine. */
const limitMs = (pages: number) => 10_000 + 10 * pages

/**
 * Classifies a batch's pages on a thread of its own: on the caller's event loop it took 300 ms
 * of CPU at a time for the 20,000 files an upload may hold (admin/limits.ts `maxEntries`),
 * while the CMS served nobody.
 */
export const classifyOnThread = async (read: FileFeatures[]): Promise<SiteAnalysis> => {
  const worker = startHelperThread('site/classifyThread.ts')
  try {
    const answer = new Promise<SiteAnalysis>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`整理站点结构超过 ${limitMs(read.length) / 1000} 秒，已停止`)), limitMs(read.length))
      worker.on('message', (reply: { site: SiteAnalysis } | { error: string }) => {
        clearTimeout(timer)
        if ('site' in reply) resolve(reply.site)
        else reject(new Error(`整理站点结构失败：${reply.error}`))
      })
      worker.on('error', (error) => {
        clearTimeout(timer)
        reject(new Error(`整理站点结构的线程出错：${error.message}`, { cause: error }))
      })
    })
    for (let at = 0; at < read.length; at += SLICE) {
      worker.postMessage({ slice: read.slice(at, at + SLICE) })
      await new Promise((resolve) => setImmediate(resolve))
    }
    worker.postMessage({ done: true })
    return await answer
  } finally {
    await worker.terminate()
  }
}
