import fs from 'node:fs'
import os from 'node:os'

// Plain JavaScript: the helper threads' entry (helperThread.mjs) lowers its priority with this
// before TypeScript can be loaded.

/**
 * How much lower than the event loop's a helper thread runs. Ten steps of nice give the
 * kernel's scheduler a weight ratio of about 9 to 1, so when the loop wakes with a core
 * taken by a parse thread it gets the core back at once, and the parse thread waits.
 */
export const HELPER_NICE_STEPS = 10

/** The highest nice value Linux allows. */
const LOWEST_PRIORITY = 19

/**
 * Lowers the scheduling priority of the thread that calls it, and of no other: for the
 * import's parse and classify threads, which would otherwise take a core the CMS's event
 * loop is waiting for (at 50k articles its longest block was 128 ms, 44 ms of it on the CPU).
 * On Linux setpriority(PRIO_PROCESS) on a thread id affects that thread alone; the id is
 * read from /proc/thread-self. Threads the caller starts afterwards inherit its priority.
 * Elsewhere, or where this is refused, nothing changes: the thread runs as before, so the
 * import still works. Returns the nice value set, if one was.
 *
 * @returns {number | undefined}
 */
export const lowerThisThreadPriority = () => {
  if (process.platform !== 'linux') return undefined
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1))
    if (!Number.isSafeInteger(tid) || tid <= 0) return undefined
    // Relative to the loop (the main thread's id is the process id), which may itself be niced.
    const nice = Math.min(LOWEST_PRIORITY, os.getPriority(process.pid) + HELPER_NICE_STEPS)
    if (os.getPriority(tid) >= nice) return undefined
    os.setPriority(tid, nice)
    return nice
  } catch {
    // No /proc, or a sandbox that forbids setpriority: the thread keeps the loop's priority.
    return undefined
  }
}
