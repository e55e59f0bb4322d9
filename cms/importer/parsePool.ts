import os from 'node:os'
import type { Worker } from 'node:worker_threads'

import type { PageKeys } from './dedupe'
import { ImportError } from './errors'
import { startHelperThread } from './helperThreads'
import type { ParsedPage, ParseOptions } from './parse'
import type { FileFeatures } from './site/analyseFiles'

/** Parse a page, or read its features for the site analysis (`name`: its path in the batch). */
export interface ParseRequest {
  id: number
  file: string
  options?: ParseOptions
  features?: { name: string }
}

export type ParseReply =
  | { ready: true; id?: undefined }
  | { id: number; page: ParsedPage; keys: PageKeys; ms: number; ready?: undefined }
  | { id: number; features: FileFeatures; ms: number; ready?: undefined }
  | { id: number; error: string; importError: boolean; ms: number; ready?: undefined }

export interface ParsePoolOptions {
  /** Threads; by default two, or one on a machine of two cores or fewer. */
  size?: number
  /** Wall-clock limit for one page once a thread has started on it. */
  timeoutMs?: number
  /** Handed to `parsePage` for every page, as it is (plain data). */
  parseOptions?: ParseOptions
}

export interface ParseResult {
  page: ParsedPage
  /** What the page is compared by for duplicates, made on the thread too. */
  keys: PageKeys
  /** Time the thread spent on the page. */
  ms: number
}

export interface ParsePool {
  /** How many threads it runs at most. */
  size: number
  /** Parses a page's file on a thread; rejects with an ImportError the page's reason. `options` replace the pool's. */
  parse: (file: string, options?: ParseOptions) => Promise<ParseResult>
  /** Reads a file's features for the site analysis on a thread, under the same limits. */
  features: (file: string, name: string) => Promise<FileFeatures>
  close: () => Promise<void>
}

export const PARSE_TIMEOUT_MS = 2000

interface Job {
  file: string
  options?: ParseOptions
  features?: { name: string }
  resolve: (r: ParseResult | FileFeatures) => void
  reject: (e: Error) => void
}

interface Thread {
  worker: Worker
  ready: boolean
  job?: { id: number; job: Job; timer: NodeJS.Timeout }
}

/**
 * Parsing on worker threads with a time limit per page. Parsing is pure CPU: on the
 * caller's event loop one hostile page held the whole CMS (admin and REST) for minutes.
 * Here a thread takes one page at a time; a page that does not answer in time has its
 * thread terminated and replaced, and fails on its own. Created per import and closed at
 * its end, so no thread outlives the work it was made for.
 */
export const createParsePool = (options: ParsePoolOptions = {}): ParsePool => {
  // A core stays free for the caller's event loop (the CMS serving staff): with two busy parse
  // threads on two cores, the loop was measured waiting ~100 ms at a time for a core.
  const size = Math.max(1, options.size ?? Math.min(2, os.availableParallelism() - 1))
  const timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS
  const threads: Thread[] = []
  const queue: Job[] = []
  let nextId = 0
  let closed = false

  const spawn = (): Thread => {
    // A memory bomb of a page ends its thread (reported as that page's failure), not the server.
    const worker = startHelperThread('parseThread.ts', { maxOldGenerationSizeMb: 1024 })
    const thread: Thread = { worker, ready: false }
    threads.push(thread)
    worker.on('message', (reply: ParseReply) => {
      if (reply.ready) {
        thread.ready = true
        return dispatch()
      }
      const current = thread.job
      if (!current || current.id !== reply.id) return
      clearTimeout(current.timer)
      thread.job = undefined
      if ('page' in reply) current.job.resolve({ page: reply.page, keys: reply.keys, ms: reply.ms })
      else if ('features' in reply) current.job.resolve(reply.features)
      else current.job.reject(reply.importError ? new ImportError(reply.error) : new Error(reply.error))
      dispatch()
    })
    const stopped = (error: Error) => {
      const at = threads.indexOf(thread)
      if (at < 0) return
      threads.splice(at, 1)
      const current = thread.job
      thread.job = undefined
      if (current) {
        clearTimeout(current.timer)
        current.job.reject(new Error(`解析线程意外停止：${error.message}`, { cause: error }))
      } else if (!thread.ready) {
        // A thread that cannot even start will not start next time either: fail what waits.
        for (const job of queue.splice(0)) job.reject(new Error(`无法启动解析线程：${error.message}`, { cause: error }))
      }
      dispatch()
    }
    worker.on('error', stopped)
    worker.on('exit', (code) => stopped(new Error(`exit code ${code}`)))
    return thread
  }

  const dispatch = () => {
    if (closed) return
    for (const thread of threads) {
      if (!queue.length) return
      if (!thread.ready || thread.job) continue
      const job = queue.shift()!
      const id = ++nextId
      const timer = setTimeout(() => {
        // Terminated, not asked: a thread inside a runaway regex reads no messages.
        threads.splice(threads.indexOf(thread), 1)
        thread.job = undefined
        void thread.worker.terminate()
        job.reject(
          new ImportError(`解析超时（超过 ${timeoutMs / 1000} 秒），已跳过；页面可能损坏或结构异常，请用浏览器打开确认后另存再导入`),
        )
        dispatch()
      }, timeoutMs)
      thread.job = { id, job, timer }
      thread.worker.postMessage({
        id,
        file: job.file,
        options: job.options ?? options.parseOptions,
        ...(job.features ? { features: job.features } : {}),
      } satisfies ParseRequest)
    }
    while (queue.length && threads.length < size) spawn()
  }

  return {
    size,
    parse: (file, parseOptions) =>
      new Promise<ParseResult>((resolve, reject) => {
        if (closed) return reject(new Error('the parse pool is closed'))
        queue.push({ file, options: parseOptions, resolve: resolve as Job['resolve'], reject })
        dispatch()
      }),
    features: (file, name) =>
      new Promise<FileFeatures>((resolve, reject) => {
        if (closed) return reject(new Error('the parse pool is closed'))
        queue.push({ file, features: { name }, resolve: resolve as Job['resolve'], reject })
        dispatch()
      }),
    close: async () => {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error('the parse pool is closed'))
      const all = threads.splice(0)
      for (const t of all) {
        if (!t.job) continue
        clearTimeout(t.job.timer)
        t.job.job.reject(new Error('the parse pool is closed'))
      }
      await Promise.all(all.map((t) => t.worker.terminate()))
    },
  }
}
