import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { startHelperThread } from '../cms/importer/helperThreads'
import { createParsePool } from '../cms/importer/parsePool'
import { HELPER_NICE_STEPS, lowerThisThreadPriority } from '../cms/importer/threadPriority.mjs'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'legacy')

/** Every thread of this process with its nice value, as the kernel reports it (field 19 of stat). */
const threads = () =>
  fs.readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // The name may hold spaces and parentheses; the fields after it do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return [{ tid: Number(tid), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(fields[16]) }]
    } catch {
      return [] // a thread that ended while the list was read
    }
  })

const loopNice = () => threads().find((t) => t.tid === process.pid)!.nice

afterEach(() => vi.restoreAllMocks())

describe('the threads an import starts', () => {
  it.runIf(process.platform === 'linux' && os.getPriority() + HELPER_NICE_STEPS <= 19)(
    'run below the event loop, which keeps its own priority',
    async () => {
      const before = loopNice()
      const pool = createParsePool({ size: 2 })
      try {
        // Two pages at once, so both threads are started.
        await Promise.all(['portal-article.html', 'dedecms-article.htm'].map((f) => pool.parse(path.join(fixtures, f))))
        // The first thread may parse both pages while the second is still loading (a loaded
        // machine): each lowers itself as it starts, so wait for the second to get there.
        // Threads they start (tsx's loader, on a first start) inherit it: two or more.
        await vi.waitFor(() => expect(threads().filter((t) => t.nice === before + HELPER_NICE_STEPS).length).toBeGreaterThanOrEqual(2), {
          timeout: 30_000,
          interval: 50,
        })
        expect(loopNice()).toBe(before)
      } finally {
        await pool.close()
      }
    },
  )

  it.runIf(process.platform === 'linux' && os.getPriority() + HELPER_NICE_STEPS <= 19)(
    "leave the process's shared threads (libuv's pool) at the event loop's priority",
    async () => {
      const before = loopNice()
      const thread = startHelperThread(path.join(import.meta.dirname, 'fixtures', 'threads', 'readsAsync.ts'))
      try {
        await new Promise((resolve, reject) => thread.once('message', resolve).once('error', reject))
        const pool = threads().filter((t) => t.name.startsWith('libuv-worker'))
        expect(pool.length).toBeGreaterThan(0)
        expect(pool.map((t) => t.nice)).toEqual(pool.map(() => before))
        // The thread itself did run below the loop.
        expect(threads().some((t) => t.nice === before + HELPER_NICE_STEPS)).toBe(true)
      } finally {
        await thread.terminate()
      }
    },
  )

  it('keep the priority they have where the thread id cannot be read', () => {
    vi.spyOn(fs, 'readlinkSync').mockImplementation(() => {
      throw new Error('ENOENT: no /proc here')
    })
    const set = vi.spyOn(os, 'setPriority')
    expect(lowerThisThreadPriority()).toBeUndefined()
    expect(set).not.toHaveBeenCalled()
  })
})
