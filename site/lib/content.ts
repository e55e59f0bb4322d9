import { getCollection } from 'astro:content'

import type {
  SnapshotArticle,
  SnapshotCategory,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotRegion,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import { newestFirst } from './listing'

/** Typed access to the content layer; the snapshot already holds published documents only. */
const all = async <T>(name: Parameters<typeof getCollection>[0]): Promise<T[]> =>
  (await getCollection(name)).map((entry: { data: unknown }) => entry.data as T)

/**
 * Each collection is read and sorted once per build. Thousands of pages call these; without
 * the cache a 10k-article build spent most of its time re-sorting the same list.
 */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let cached: Promise<T> | undefined
  return () => (cached ??= load())
}

export const getArticles = once(async () => (await all<SnapshotArticle>('articles')).sort(newestFirst))
export const getWorkersHomes = once(() => all<SnapshotWorkersHome>('workersHomes'))
export const getLaborModels = once(() => all<SnapshotLaborModel>('laborModels'))
export const getServices = once(() => all<SnapshotService>('services'))
export const getOrganizations = once(() => all<SnapshotOrganization>('organizations'))
export const getRegions = once(async () => (await all<SnapshotRegion>('regions')).sort((a, b) => a.code.localeCompare(b.code)))
export const getCategories = once(async () => (await all<SnapshotCategory>('categories')).sort((a, b) => a.order - b.order))
