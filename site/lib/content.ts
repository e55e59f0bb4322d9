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

/** Typed access to the content layer; the snapshot already holds published documents only. */
const all = async <T>(name: Parameters<typeof getCollection>[0]): Promise<T[]> =>
  (await getCollection(name)).map((entry: { data: unknown }) => entry.data as T)

export const getArticles = async () =>
  (await all<SnapshotArticle>('articles')).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
export const getWorkersHomes = () => all<SnapshotWorkersHome>('workersHomes')
export const getLaborModels = () => all<SnapshotLaborModel>('laborModels')
export const getServices = () => all<SnapshotService>('services')
export const getOrganizations = () => all<SnapshotOrganization>('organizations')
export const getRegions = async () => (await all<SnapshotRegion>('regions')).sort((a, b) => a.code.localeCompare(b.code))
export const getCategories = async () => (await all<SnapshotCategory>('categories')).sort((a, b) => a.order - b.order)
