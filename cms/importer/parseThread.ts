import fs from 'node:fs'
import { parentPort } from 'node:worker_threads'

import { bodyText } from './blocks'
import { checkSize, defaultCaps } from './caps'
import { pageKeys } from './dedupe'
import { ImportError } from './errors'
import { parsePage } from './parse'
import type { ParseReply, ParseRequest } from './parsePool'
import { toSimplified } from './script'
import { fileFeatures } from './site/analyseFiles'

/**
 * One parse thread (parsePool.ts): reads a page's file and parses it. The pool times each
 * page and terminates this thread when one runs too long, so nothing here needs to.
 */
// The conversion dictionaries are built before the thread says it is ready, so the first
// page's time limit is not spent on them (about 60 ms).
toSimplified('预热')

parentPort!.on('message', ({ id, file, options, features }: ParseRequest) => {
  const t0 = performance.now()
  let reply: ParseReply
  if (features) {
    parentPort!.postMessage({
      id,
      features: fileFeatures(file, features.name, { ...defaultCaps, ...options?.caps }),
      ms: performance.now() - t0,
    })
    return
  }
  try {
    // Refused before it is read: a misnamed disk image need not be loaded to be skipped.
    checkSize(fs.statSync(file).size, { ...defaultCaps, ...options?.caps })
    const page = parsePage(fs.readFileSync(file), file, options)
    reply = { id, page, keys: pageKeys(page.title, bodyText(page.blocks)), ms: performance.now() - t0 }
  } catch (error) {
    const importError = error instanceof ImportError
    reply = { id, error: error instanceof Error ? error.message : String(error), importError, ms: performance.now() - t0 }
  }
  parentPort!.postMessage(reply)
})
parentPort!.postMessage({ ready: true } satisfies ParseReply)
