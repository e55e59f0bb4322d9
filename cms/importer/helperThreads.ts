import fs from 'node:fs'
import path from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

import { settings } from '../../content-models/settings'

/**
 * Starts one of the importer's helper threads (parse or classify) running `module` (a path
 * from `cms/importer/`), below the event loop's priority from its first line (helperThread.mjs).
 */
export const startHelperThread = (module: string, resourceLimits?: ResourceLimits): Worker => {
  // From the project root rather than this module's URL: inside the CMS server this code is bundled.
  const importer = path.join(/* turbopackIgnore: true */ settings().rootDir, 'cms', 'importer')
  // Not traced by the CMS server's bundler either: the thread loads its code itself, outside the bundle.
  const entry = path.join(/* turbopackIgnore: true */ importer, 'helperThread.mjs')
  // A thread inherits the priority of the thread that creates it, and libuv creates its pool
  // (file reads, DNS, zlib for the whole process) on first use: were that a helper's read, the
  // server's file access would run at the helper's priority for good. Queueing one request
  // here starts the pool on this thread first; a pool already running is untouched.
  fs.access(entry, () => {})
  return new Worker(entry, {
    // The thread loads TypeScript itself (helperThread.mjs), whichever way this process was
    // started: none of this process's flags (its own `--import tsx`) runs before the entry.
    execArgv: [],
    workerData: { module: path.resolve(/* turbopackIgnore: true */ importer, module) },
    resourceLimits,
  })
}
