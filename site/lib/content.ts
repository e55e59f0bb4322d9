import type {
  SnapshotArticle,
  SnapshotCategory,
  SnapshotLaborModel,
  SnapshotOrganization,
  SnapshotRegion,
  SnapshotService,
  SnapshotWorkersHome,
} from '../../content-models/snapshot'
import { buildSnapshot, slimArticle } from '../loader'
import { newestFirst } from './listing'
import { noteRead, perRound } from './renderContext'

type Collections = Omit<ReturnType<typeof buildSnapshot>, 'version' | 'generatedAt'>

/**
 * The build's snapshot, by collection; it holds published documents only. Records come in
 * the order of their key (slug; regions by code), not the snapshot's: a patched snapshot
 * and a fresh export list records in different orders, and pages that sort by name keep
 * that order for ties, so an incremental build and a full one must start from the same.
 */
const all = async <K extends keyof Collections>(name: K): Promise<Collections[K]> => {
  const records = [...buildSnapshot()[name]] as { slug?: string; code?: string }[]
  const key = (r: { slug?: string; code?: string }) => r.slug ?? r.code ?? ''
  return records.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) as Collections[K]
}

/** A collection's getter that notes the read (site/lib/renderContext.ts). */
const reading =
  <T>(name: keyof Collections, get: () => T): (() => T) =>
  () => {
    noteRead(name)
    return get()
  }

export const getArticles = reading(
  'articles',
  perRound(async (): Promise<SnapshotArticle[]> => (await all('articles')).map(slimArticle).sort(newestFirst)),
)
export const getWorkersHomes = reading(
  'workersHomes',
  perRound(async (): Promise<SnapshotWorkersHome[]> => all('workersHomes')),
)
export const getLaborModels = reading(
  'laborModels',
  perRound(async (): Promise<SnapshotLaborModel[]> => all('laborModels')),
)
export const getServices = reading(
  'services',
  perRound(async (): Promise<SnapshotService[]> => all('services')),
)
export const getOrganizations = reading(
  'organizations',
  perRound(async (): Promise<SnapshotOrganization[]> => all('organizations')),
)
export const getRegions = reading(
  'regions',
  perRound(async (): Promise<SnapshotRegion[]> => (await all('regions')).sort((a, b) => a.code.localeCompare(b.code))),
)
export const getCategories = reading(
  'categories',
  perRound(async (): Promise<SnapshotCategory[]> => (await all('categories')).sort((a, b) => a.order - b.order)),
)
