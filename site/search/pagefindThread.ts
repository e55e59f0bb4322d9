import { parentPort, workerData } from 'node:worker_threads'

import { foldWith } from '../lib/searchTokens'
import type { SearchDocument } from './documents'
import { writeSearchIndex } from './pagefindWrite'

/**
 * A thread that indexes one shard of the static search index (site/search/pagefind.ts) with a
 * Pagefind service of its own (the pagefind module keeps one per thread), so two threads index
 * two shards at once.
 */
export type ShardTask = { shard: number; pairs: string; target: string; documents: SearchDocument[] }
export type ShardReply = { shard: number; pages: number; byUrl: Record<string, string> } | { shard: number; error: string }

const task = workerData as ShardTask
try {
  const result = await writeSearchIndex(task.documents, task.target, foldWith(task.pairs))
  parentPort!.postMessage({ shard: task.shard, ...result } satisfies ShardReply)
} catch (error) {
  parentPort!.postMessage({
    shard: task.shard,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  } satisfies ShardReply)
}
