import { parentPort } from 'node:worker_threads'

import { SearchIndex } from './query'
import type { ThreadMessage, ThreadReply } from './pool'

/**
 * One search thread (site/search/pool.ts): it holds its own connection to each index it is
 * asked about, the live build's and, for a moment after a publish, the one before it, so a
 * query that arrives as the site swaps still finds its index open.
 */
const KEEP_OPEN = 2
const open = new Map<string, SearchIndex>()

const indexOf = (file: string): SearchIndex => {
  let index = open.get(file)
  if (index) {
    // Most recently used last: the first entries are the ones to close.
    open.delete(file)
    open.set(file, index)
    return index
  }
  index = new SearchIndex(file)
  open.set(file, index)
  for (const [f, old] of open) {
    if (open.size <= KEEP_OPEN) break
    old.close()
    open.delete(f)
  }
  return index
}

parentPort!.on('message', (message: ThreadMessage) => {
  let reply: ThreadReply
  try {
    const index = indexOf(message.file)
    // The pool's time limit for this query starts now, with the index open (site/search/pool.ts).
    if (message.request) parentPort!.postMessage({ id: message.id, started: true } satisfies ThreadReply)
    reply = message.request ? { id: message.id, response: index.search(message.request) } : { id: message.id }
  } catch (error) {
    reply = {
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
      opening: !open.has(message.file),
    }
  }
  parentPort!.postMessage(reply)
})
