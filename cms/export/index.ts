import fs from 'node:fs/promises'
import path from 'node:path'

import { SNAPSHOT_VERSION, type ContentSnapshot } from '../../content-models/snapshot'
import * as map from './map'
import type { ContentSource, RawDoc } from './source'

export type { ContentSource } from './source'
export { localSource, restSource } from './source'

const published = (docs: RawDoc[]) => docs.filter((d) => d._status === undefined || d._status === 'published')

/** Reads everything public from a source into a snapshot and the list of media files it uses. */
export const readSnapshot = async (source: ContentSource): Promise<{ snapshot: ContentSnapshot; media: Map<string, string | undefined> }> => {
  const media = new Map<string, string | undefined>()
  const image = map.mediaCollector((file, url) => media.set(file, url))
  const [articles, homes, models, services, organizations, regions, categories] = await Promise.all(
    ['articles', 'workers-homes', 'labor-models', 'services', 'organizations', 'regions', 'categories'].map((c) => source.list(c)),
  )
  const snapshotArticles = published(articles!)
    .map((d) => map.article(d, image))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
  const articleSlugs = new Set(snapshotArticles.map((a) => a.slug))
  const snapshot: ContentSnapshot = {
    version: SNAPSHOT_VERSION,
    generatedAt: new Date().toISOString(),
    articles: snapshotArticles,
    workersHomes: published(homes!).map((d) => map.workersHome(d, image)),
    laborModels: published(models!).map((d) => map.laborModel(d, image, articleSlugs)),
    services: published(services!).map(map.service),
    organizations: organizations!.map(map.organization),
    regions: regions!.map((r) => map.region(r)!).filter(Boolean),
    categories: categories!.map(map.category).sort((a, b) => a.order - b.order),
  }
  return { snapshot, media }
}

/**
 * Writes the snapshot to a fresh folder and swaps it in only when complete, so a failed
 * export (CMS unreachable, missing file) leaves the previous snapshot in place.
 */
export const exportSnapshot = async (source: ContentSource, outDir: string): Promise<ContentSnapshot> => {
  const { snapshot, media } = await readSnapshot(source)
  const staging = `${outDir}.staging-${process.pid}`
  await fs.rm(staging, { recursive: true, force: true })
  await fs.mkdir(path.join(staging, 'media'), { recursive: true })
  try {
    for (const [file, url] of media) {
      await fs.writeFile(path.join(staging, 'media', path.basename(file)), await source.mediaFile(file, url))
    }
    await fs.writeFile(path.join(staging, 'content.json'), JSON.stringify(snapshot))
    const retired = `${outDir}.old-${process.pid}`
    await fs.rename(outDir, retired).catch(() => undefined)
    await fs.rename(staging, outDir)
    await fs.rm(retired, { recursive: true, force: true })
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
  return snapshot
}
