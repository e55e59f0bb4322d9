import path from 'node:path'
import { Worker } from 'node:worker_threads'

import { isCostly, type SearchRequest, type SearchResponse } from './query'

/** A query for a thread; without `request`, only "open this index now" (after a publish). */
export interface ThreadMessage {
  id: number
  file: string
  request?: SearchRequest
}

/** `started`: the thread has the index open and begins the query now (its time limit starts here). */
export type ThreadReply = { id: number; response?: SearchResponse; error?: string; opening?: boolean; started?: boolean }

/** An index the thread could not open (a broken or missing file), as opposed to a failed query. */
export class IndexUnreadable extends Error {}

/** More queries are waiting than the pool takes, or one ran past its time: the caller says "try again shortly". */
export class SearchBusy extends Error {}

export interface SearchPoolOptions {
  /** Threads for ordinary queries (settings().searchThreads). */
  threads: number
  /** Queries in flight or waiting on the ordinary threads, and on the slow lane, before more are refused. */
  maxWaiting?: number
  maxWaitingCostly?: number
  /**
   * A query not answered in this time from when its thread begins it has the thread stopped and
   * replaced. Not from when it was sent: before its first answer a thread starts and opens the
   * index, reading every document's metadata (seconds at 200k articles on a busy machine), and a
   * limit that counted that stopped every thread before it could ever answer.
   */
  timeoutMs?: number
}

export interface SearchPool {
  search: (file: string, request: SearchRequest) => Promise<SearchResponse>
  /** Has every thread open `file` before the first query for it arrives. */
  warm: (file: string) => void
  close: () => Promise<void>
}

interface Thread {
  worker: Worker
  pending: Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void; started: () => void }>
}

interface Lane {
  threads: (Thread | undefined)[]
  maxWaiting: number
}

/**
 * Queries run on worker threads, each with its own SQLite connection to the index: a search
 * takes milliseconds of CPU, and on the server's own event loop concurrent searches queue
 * behind each other on one core while the others idle. A query goes to the thread with the
 * fewest in flight; a thread that dies fails its queries and is replaced on the next one.
 *
 * Queries that must read candidate texts (`isCostly`: a term like `0会`) run on a lane of
 * their own, one thread, so a visitor sending them cannot hold up anyone else's search; each
 * lane takes a bounded number of queries at once and refuses the rest with SearchBusy, and a
 * query past its time limit stops its thread.
 */
export const createSearchPool = (options: SearchPoolOptions | number): SearchPool => {
  const {
    threads: size,
    maxWaiting = 64,
    maxWaitingCostly = 4,
    timeoutMs = 5000,
  } = typeof options === 'number' ? { threads: options } : options
  const script = path.resolve(/* turbopackIgnore: true */ import.meta.dirname, 'queryThread.ts')
  const ordinary: Lane = { threads: Array.from({ length: Math.max(1, size) }, () => undefined), maxWaiting }
  const costly: Lane = { threads: [undefined], maxWaiting: maxWaitingCostly }
  let nextId = 0
  let closed = false

  const spawn = (lane: Lane, slot: number): Thread => {
    // The thread loads TypeScript as this process does (tsx), whichever way it was started.
    const worker = new Worker(script, { execArgv: ['--import', 'tsx'] })
    // Idle threads must not keep a finished process alive.
    worker.unref()
    const thread: Thread = { worker, pending: new Map() }
    worker.on('message', (reply: ThreadReply) => {
      const waiting = thread.pending.get(reply.id)
      if (!waiting) return
      if (reply.started) return waiting.started()
      thread.pending.delete(reply.id)
      if (reply.response) waiting.resolve(reply.response)
      else if (reply.error) waiting.reject(reply.opening ? new IndexUnreadable(reply.error) : new Error(reply.error))
      else waiting.resolve(undefined as never)
    })
    const fail = (error: Error) => {
      if (lane.threads[slot] === thread) lane.threads[slot] = undefined
      for (const w of thread.pending.values()) w.reject(new Error(`search thread stopped: ${error.message}`, { cause: error }))
      thread.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)))
    lane.threads[slot] = thread
    return thread
  }

  const least = (lane: Lane): Thread => {
    let best = -1
    for (let i = 0; i < lane.threads.length; i++) {
      if (!lane.threads[i]) return spawn(lane, i)
      if (best < 0 || lane.threads[i]!.pending.size < lane.threads[best]!.pending.size) best = i
    }
    return lane.threads[best]!
  }

  const waiting = (lane: Lane) => lane.threads.reduce((n, t) => n + (t?.pending.size ?? 0), 0)

  const send = (thread: Thread, message: Omit<ThreadMessage, 'id'>) =>
    new Promise<SearchResponse>((resolve, reject) => {
      if (closed) return reject(new Error('the search pool is closed'))
      const id = ++nextId
      let timer: NodeJS.Timeout | undefined
      thread.pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
        started: () => {
          timer = setTimeout(() => {
            if (!thread.pending.has(id)) return
            thread.pending.delete(id)
            reject(new SearchBusy(`a search ran past ${timeoutMs} ms; its thread was stopped`))
            // The thread is busy with it and nothing can interrupt SQLite from here; the others on it fail too.
            void thread.worker.terminate()
          }, timeoutMs)
          timer.unref()
        },
      })
      // Waiting on a reply keeps the process alive; idle threads do not.
      if (thread.pending.size === 1) thread.worker.ref()
      thread.worker.postMessage({ id, ...message } satisfies ThreadMessage)
    }).finally(() => {
      if (!thread.pending.size) thread.worker.unref()
    })

  return {
    search: (file, request) => {
      const lane = isCostly(request) ? costly : ordinary
      if (waiting(lane) >= lane.maxWaiting)
        return Promise.reject(new SearchBusy(`${waiting(lane)} searches are waiting${lane === costly ? ' in the slow lane' : ''}`))
      return send(least(lane), { file, request })
    },
    warm: (file) => {
      // The slow lane opens an index when its first query comes: most sites never see one.
      for (let i = 0; i < ordinary.threads.length; i++)
        void send(ordinary.threads[i] ?? spawn(ordinary, i), { file }).catch(() => undefined)
    },
    close: async () => {
      closed = true
      await Promise.all([...ordinary.threads, ...costly.threads].map((t) => t?.worker.terminate()))
    },
  }
}
