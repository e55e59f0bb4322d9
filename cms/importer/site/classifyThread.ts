import { parentPort } from 'node:worker_threads'

import { classify, type FileFeatures } from './analyseFiles'

/**
 * The thread that classifies a batch (classifyOnThread.ts): takes the files' features in
 * slices, then answers with the site's analysis once told the last has come.
 */
const read: FileFeatures[] = []

parentPort!.on('message', (message: { slice: FileFeatures[] } | { done: true }) => {
  if ('slice' in message) {
    for (const features of message.slice) read.push(features)
    return
  }
  try {
    parentPort!.postMessage({ site: classify(read) })
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
})
