import { parentPort, workerData } from 'node:worker_threads'

import { compressFileSync, toThreadError, type Compressed, type FromCompressThread, type ToCompressThread } from './compress'

/**
 * A compression thread (site/compress.ts, compressOnThreads): writes the copies of each batch
 * of files it is sent, answers with what it wrote and removed, and so asks for the next.
 */
const { dir } = workerData as { dir: string }

const answer = (message: FromCompressThread) => parentPort!.postMessage(message)

parentPort!.on('message', (message: ToCompressThread) => {
  const done: Compressed = { written: [], removed: [] }
  try {
    for (const file of message.files) compressFileSync(dir, file, done)
    answer(done)
  } catch (error) {
    answer({ error: toThreadError(error) })
  }
})

// An empty answer asks for the first batch.
answer({ written: [], removed: [] })
