import path from 'node:path'
import { Worker } from 'node:worker_threads'

import type { SearchRequest, SearchResponse } from './query'

/** A query for a thread; without `request`, only "open this index now" (after a publish). */
export interface ThreadMessage {
  id: number
  file: string
  request?: SearchRequest
}

export type ThreadReply = { id: number; response?: SearchResponse; error?: string; opening?: boolean }

/** An index the thread could not open (a broken or missing file), as opposed to a failed query. */
export class IndexUnreadable extends Error {}

export interface SearchPool {
  search: (file: string, request: SearchRequest) => Promise<SearchResponse>
  /** Has every thread open `file` before the first query for it arrives. */
  warm: (file: string) => void
  close: () => Promise<void>
}

interface Thread {
  worker: Worker
  pending: Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>
}

/**
 * Queries run on worker threads, each with its own SQLite connection to the index: a search
 * takes milliseconds of CPU, and on the server's own event loop concurrent searches queue
 * behind each other on one core while the others idle. A query goes to the thread with the
 * fewest in flight; a thread that dies fails its queries and is replaced on the next one.
 */
export const createSearchPool = (size: number): SearchPool => {
  const script = path.resolve(/* turbopackIgnore: true */ import.meta.dirname, 'queryThread.ts')
  const threads: (Thread | undefined)[] = Array.from({ length: Math.max(1, size) }, () => undefined)
  let nextId = 0
  let closed = false

  const spawn = (slot: number): Thread => {
    // The thread loads TypeScript as this process does (tsx), whichever way it was started.
    const worker = new Worker(script, { execArgv: ['--import', 'tsx'] })
    // Idle threads must not keep a finished process alive.
    worker.unref()
    const thread: Thread = { worker, pending: new Map() }
    worker.on('message', (reply: ThreadReply) => {
      const waiting = thread.pending.get(reply.id)
      if (!waiting) return
      thread.pending.delete(reply.id)
      if (reply.response) waiting.resolve(reply.response)
      else if (reply.error) waiting.reject(reply.opening ? new IndexUnreadable(reply.error) : new Error(reply.error))
      else waiting.resolve(undefined as never)
    })
    const fail = (error: Error) => {
      if (threads[slot] === thread) threads[slot] = undefined
      for (const w of thread.pending.values()) w.reject(new Error(`search thread stopped: ${error.message}`, { cause: error }))
      thread.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    threads[slot] = thread
    return thread
  }

  const least = (): Thread => {
    let best = -1
    for (let i = 0; i < threads.length; i++) {
      if (!threads[i]) return spawn(i)
      if (best < 0 || threads[i]!.pending.size < threads[best]!.pending.size) best = i
    }
    return threads[best]!
  }

  const send = (thread: Thread, message: Omit<ThreadMessage, 'id'>) =>
    new Promise<SearchResponse>((resolve, reject) => {
      if (closed) return reject(new Error('the search pool is closed'))
      const id = ++nextId
      thread.pending.set(id, { resolve, reject })
      // Waiting on a reply keeps the process alive; idle threads do not.
      if (thread.pending.size === 1) thread.worker.ref()
      thread.worker.postMessage({ id, ...message } satisfies ThreadMessage)
    }).finally(() => {
      if (!thread.pending.size) thread.worker.unref()
    })

  return {
    search: (file, request) => send(least(), { file, request }),
    warm: (file) => {
      for (let i = 0; i < threads.length; i++) void send(threads[i] ?? spawn(i), { file }).catch(() => undefined)
    },
    close: async () => {
      closed = true
      await Promise.all(threads.map((t) => t?.worker.terminate()))
    },
  }
}
