import fs from 'node:fs'
import path from 'node:path'

import type { Loader } from 'astro/loaders'

import type { ContentSnapshot } from '../content-models/snapshot'
import { SNAPSHOT_VERSION } from '../content-models/snapshot'

/** Where the snapshot is read from; `npm run export` writes it. */
export const snapshotDir = () => path.resolve(process.env.SNAPSHOT_DIR ?? 'data/snapshot')

let cached: { file: string; mtime: number; snapshot: ContentSnapshot } | undefined

export const readSnapshotFile = (): ContentSnapshot => {
  const file = path.join(snapshotDir(), 'content.json')
  if (!fs.existsSync(file)) {
    throw new Error(`No content snapshot at ${file}. Run "npm run export" (or set SNAPSHOT_DIR) before building the site.`)
  }
  const mtime = fs.statSync(file).mtimeMs
  if (cached?.file === file && cached.mtime === mtime) return cached.snapshot
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as ContentSnapshot
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`Snapshot ${file} has version ${snapshot.version}; this site reads version ${SNAPSHOT_VERSION}. Export it again.`)
  }
  cached = { file, mtime, snapshot }
  return snapshot
}

type Key = Exclude<keyof ContentSnapshot, 'version' | 'generatedAt'>

/**
 * Astro content-layer loader over the snapshot. Each record's digest lets Astro skip
 * unchanged entries between builds.
 */
export const snapshotLoader = (key: Key, idOf: (record: any) => string = (r) => r.slug): Loader => ({
  name: `snapshot-${key}`,
  load: async ({ store, generateDigest }) => {
    const records = readSnapshotFile()[key] as unknown as Record<string, unknown>[]
    store.clear()
    for (const data of records) store.set({ id: idOf(data), data, digest: generateDigest(data) })
  },
})
