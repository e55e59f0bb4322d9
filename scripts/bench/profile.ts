import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Where the time of a profiled `astro build` goes: V8's .cpuprofile (written by the child
 * under NODE_OPTIONS=--cpu-prof) reduced to self time per function and per source
 * (a package, or a project file).
 */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileEntry {
  name: string
  seconds: number
  share: number
}

export interface ProfileSummary {
  file: string
  seconds: number
  topFunctions: ProfileEntry[]
  topSources: ProfileEntry[]
}

const sourceOf = (url: string, root: string): string => {
  if (!url) return '(native / V8)'
  const file = url.replace(/^file:\/\//, '')
  const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)?.at(-1)
  if (pkg) return pkg.replace('node_modules/', '')
  if (file.startsWith('node:')) return file
  const rel = path.relative(root, file)
  return rel.startsWith('..') ? file : rel
}

export const summarizeProfile = async (file: string, root: string, top = 12): Promise<ProfileSummary> => {
  const profile = JSON.parse(await fs.readFile(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfMicros = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  }
  const functions = new Map<string, number>()
  const sources = new Map<string, number>()
  let total = 0
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame
    if (!frame) continue
    total += micros
    const source = sourceOf(frame.url, root)
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${source}:${frame.lineNumber + 1}` : `[${source}]`}`
    functions.set(name, (functions.get(name) ?? 0) + micros)
    sources.set(source, (sources.get(source) ?? 0) + micros)
  }
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, seconds: micros / 1e6, share: total ? micros / total : 0 }))
  return { file, seconds: total / 1e6, topFunctions: list(functions), topSources: list(sources) }
}

/** NODE_OPTIONS for a profiled child, keeping whatever options were already set. */
export const profilingNodeOptions = (dir: string, current = process.env.NODE_OPTIONS ?? '') =>
  `${current} --cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=2000`.trim()
