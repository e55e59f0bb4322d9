import { pathToFileURL } from 'node:url'
import { workerData } from 'node:worker_threads'

import { lowerThisThreadPriority } from './threadPriority.mjs'

/**
 * The entry of the importer's helper threads (parse and classify): lowers the thread's
 * priority first, then loads TypeScript (tsx) and the module named in `workerData.module`.
 * Started with `--import tsx`, or lowering itself in its own module, a thread ran tsx's set-up
 * and the loading of the whole importer at the loop's priority — about 400 ms of CPU per
 * thread, with tsx's loader thread beside it — while the CMS's event loop waited for a core at
 * every import's start. Threads started from here (tsx's) inherit the lowered priority.
 */
lowerThisThreadPriority()
await import('tsx')
await import(pathToFileURL(/** @type {{ module: string }} */ (workerData).module).href)
