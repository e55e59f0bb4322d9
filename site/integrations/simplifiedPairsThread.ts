import { parentPort } from 'node:worker_threads'

import { makeSimplifiedPairs } from './scriptConversion'

/** Makes the Traditional→Simplified table off the server's event loop (scriptConversion.ts: simplifiedPairsOffThread). */
parentPort?.postMessage(makeSimplifiedPairs())
