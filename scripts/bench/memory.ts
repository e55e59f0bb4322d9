import fs from 'node:fs'

/**
 * Peak memory of the processes this one starts (the `astro build` child, Pagefind's binary,
 * and anything they start), read from /proc (Linux). VmHWM is the kernel's own high-water mark
 * of a process's resident set, so sampling every 200 ms still gives the exact peak of each
 * process as long as it is read once before the process exits; the tree total (the sum of
 * VmRSS at one instant) is a sampled figure.
 */
export interface ProcessPeak {
  pid: number
  command: string
  peakRssBytes: number
}

export interface TreePeak {
  processes: ProcessPeak[]
  /** Largest sum of VmRSS over all descendants at one sample. */
  treePeakRssBytes: number
  samples: number
}

const readStatus = (pid: number): { rss: number; hwm: number } | undefined => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return undefined
  }
}

const parentOf = (pid: number): number | undefined => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces and parentheses; fields resume after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

const commandOf = (pid: number): string => {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((a) => a.split('/').slice(-2).join('/'))
      .join(' ')
      .slice(0, 160)
  } catch {
    return '?'
  }
}

const descendants = (root: number): number[] => {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const pid = Number(entry)
    const parent = parentOf(pid)
    if (parent === undefined) continue
    const list = children.get(parent) ?? []
    list.push(pid)
    children.set(parent, list)
  }
  const found: number[] = []
  const queue = [...(children.get(root) ?? [])]
  while (queue.length) {
    const pid = queue.shift()!
    found.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return found
}

export const canSampleMemory = () => fs.existsSync('/proc/self/status')

/**
 * Starts sampling the descendants this process starts from now on (helpers already running,
 * such as tsx's esbuild service, are left out); `stop()` returns the peaks seen.
 */
export const sampleDescendants = (intervalMs = 200, root = process.pid) => {
  const before = new Set(canSampleMemory() ? descendants(root) : [])
  const peaks = new Map<number, ProcessPeak>()
  let treePeak = 0
  let samples = 0
  const sample = () => {
    if (!canSampleMemory()) return
    let sum = 0
    for (const pid of descendants(root)) {
      if (before.has(pid)) continue
      const status = readStatus(pid)
      if (!status || status.rss === 0) continue
      sum += status.rss
      const known = peaks.get(pid) ?? { pid, command: commandOf(pid), peakRssBytes: 0 }
      known.peakRssBytes = Math.max(known.peakRssBytes, status.hwm, status.rss)
      peaks.set(pid, known)
    }
    treePeak = Math.max(treePeak, sum)
    samples++
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  sample()
  return {
    stop(): TreePeak {
      clearInterval(timer)
      sample()
      return { processes: [...peaks.values()].sort((a, b) => b.peakRssBytes - a.peakRssBytes), treePeakRssBytes: treePeak, samples }
    },
  }
}

/** Peak RSS of the largest process whose command line matches. */
export const peakOf = (tree: TreePeak, pattern: RegExp): number =>
  Math.max(0, ...tree.processes.filter((p) => pattern.test(p.command)).map((p) => p.peakRssBytes))

/** This process's own peak resident set (the harness: Payload, the corpus, the export). */
export const selfPeakRssBytes = () => process.resourceUsage().maxRSS * 1024
