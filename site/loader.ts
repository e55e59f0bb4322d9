import fs from 'node:fs'
import path from 'node:path'

import type { Loader } from 'astro/loaders'

import type { ContentSnapshot, SnapshotArticle } from '../content-models/snapshot'
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
 * unchanged entries between builds. `slim` drops what only a record's own page needs:
 * Astro inlines the whole data store into the build as one JavaScript string, which for
 * 10k articles with their bodies (87 MB) cost 6 s of every build, incremental ones
 * included, and would pass V8's string limit near 50k.
 */
export const snapshotLoader = (key: Key, idOf: (record: any) => string = (r) => r.slug, slim: (record: any) => object = (r) => r): Loader => ({
  name: `snapshot-${key}`,
  load: async ({ store, generateDigest }) => {
    const records = readSnapshotFile()[key] as unknown as Record<string, unknown>[]
    store.clear()
    for (const record of records) {
      const data = slim(record) as Record<string, unknown>
      store.set({ id: idOf(record), data, digest: generateDigest(data) })
    }
  },
})

/** Longest body text any page shows outside the article itself (meta descriptions, feed). */
export const LEAD_CHARS = 160

/** Articles in the content layer carry the start of their text, not their body; see articleBodyHtml. */
export const slimArticle = (a: SnapshotArticle): SnapshotArticle => ({ ...a, bodyHtml: '', bodyText: a.bodyText.slice(0, LEAD_CHARS) })

let bodies: Map<string, string> | undefined

/** An article's body, read from the snapshot when its page renders. */
export const articleBodyHtml = (id: string): string => {
  bodies ??= new Map(readSnapshotFile().articles.map((a) => [a.id, a.bodyHtml]))
  return bodies.get(id) ?? ''
}
