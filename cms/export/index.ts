import fs from 'node:fs/promises'
import path from 'node:path'

import { replaceSnapshot } from '../../site/snapshot'
import { newestFirst } from '../../content-models/changes'
import { exportedTypes, type SnapshotRecordKey } from '../../content-models/publicTypes'
import { SNAPSHOT_VERSION, type ContentSnapshot } from '../../content-models/snapshot'
import * as map from './map'
import type { ContentSource, RawDoc } from './source'

export type { ContentSource } from './source'
export { localSource, restSource } from './source'

const published = (docs: RawDoc[]) => docs.filter((d) => d._status === undefined || d._status === 'published')

/** Reads everything public from a source into a snapshot and the list of media files it uses. */
export const readContent = async (
  source: ContentSource,
): Promise<{ snapshot: ContentSnapshot; media: Map<string, string | undefined> }> => {
  const media = new Map<string, string | undefined>()
  const image = map.mediaCollector((file, url) => media.set(file, url))
  // Articles are mapped a page at a time: their raw documents (depth 1, every cover, region and
  // organization copied into each) are several times the size of what the snapshot keeps.
  const readArticles = async () => {
    const mapped: ContentSnapshot['articles'] = []
    for await (const page of source.pages('articles')) for (const d of published(page)) mapped.push(map.article(d, image))
    return mapped.sort(newestFirst)
  }
  const [snapshotArticles, raw] = await Promise.all([
    readArticles(),
    Promise.all(exportedTypes.filter((t) => t.key !== 'articles').map(async (t) => [t.key, await source.list(t.slug)] as const)).then(
      (entries) => Object.fromEntries(entries) as Record<Exclude<SnapshotRecordKey, 'articles'>, RawDoc[]>,
    ),
  ])
  const articleSlugs = new Set(snapshotArticles.map((a) => a.slug))
  const snapshot: ContentSnapshot = {
    version: SNAPSHOT_VERSION,
    generatedAt: new Date().toISOString(),
    articles: snapshotArticles,
    workersHomes: published(raw.workersHomes).map((d) => map.workersHome(d, image)),
    laborModels: published(raw.laborModels).map((d) => map.laborModel(d, image, articleSlugs)),
    services: published(raw.services).map(map.service),
    organizations: raw.organizations.map(map.organization),
    regions: raw.regions.map((r) => map.region(r)!).filter(Boolean),
    categories: raw.categories.map(map.category).sort((a, b) => a.order - b.order),
  }
  return { snapshot, media }
}

/** Writes a new snapshot folder from the source; a failed export leaves the previous one in place. */
export const exportSnapshot = async (source: ContentSource, outDir: string): Promise<ContentSnapshot> => {
  const { snapshot, media } = await readContent(source)
  await replaceSnapshot(outDir, snapshot, async (mediaDir) => {
    for (const [file, url] of media) await fs.writeFile(path.join(mediaDir, path.basename(file)), await source.mediaFile(file, url))
  })
  return snapshot
}
