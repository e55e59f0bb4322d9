import type { ContentSnapshot } from './snapshot'

/**
 * The content types the public site shows, declared once: the CMS (access, exports, rebuilds),
 * the snapshot, the site (routes, incremental plan, search) and the benchmark derive from this.
 */
export interface PublicType {
  /** Payload collection slug, also the REST path. */
  slug: string
  /** Where its records sit in the content snapshot. */
  key: SnapshotRecordKey
  /** First path segment of its pages on the site: `/<section>/<record slug>/`. */
  section: string
  /** The name staff and visitors see. */
  label: string
  /** Drafted, reviewed, then published: only `_status: published` is public. */
  drafts: boolean
  /** A change to one record can be applied to the live site without rebuilding it whole. */
  incremental: boolean
}

/** Snapshot lists that hold records of one collection. */
export type SnapshotRecordKey = Exclude<keyof ContentSnapshot, 'version' | 'generatedAt'>

export const publicTypes = [
  { slug: 'articles', key: 'articles', section: 'news', label: '新闻', drafts: true, incremental: true },
  {
    slug: 'workers-homes',
    key: 'workersHomes',
    section: 'homes',
    label: '职工之家',
    drafts: true,
    incremental: true,
  },
  { slug: 'labor-models', key: 'laborModels', section: 'models', label: '劳模', drafts: true, incremental: true },
  { slug: 'services', key: 'services', section: 'services', label: '服务', drafts: true, incremental: true },
  // Union organizations are kept by reviewers without drafts (reference data), but each has a page.
  {
    slug: 'organizations',
    key: 'organizations',
    section: 'organizations',
    label: '工会组织',
    drafts: false,
    incremental: true,
  },
] as const satisfies readonly PublicType[]

/** Reference data without pages of its own: a change reaches pages everywhere, so the site is rebuilt whole. */
export const referenceTypes = [
  { slug: 'regions', key: 'regions' },
  { slug: 'categories', key: 'categories' },
] as const satisfies readonly { slug: string; key: SnapshotRecordKey }[]

export type PublicTypeSlug = (typeof publicTypes)[number]['slug']
export type PublicContentKey = (typeof publicTypes)[number]['key']
/** The drafted public types: staff draft and review them, the public sees `_status: published` only. */
export type PublicContentSlug = Extract<(typeof publicTypes)[number], { drafts: true }>['slug']

export const publicContentSlugs = publicTypes.filter((t) => t.drafts).map((t) => t.slug) as PublicContentSlug[]
export const referenceSlugs = [...referenceTypes.map((t) => t.slug), ...publicTypes.filter((t) => !t.drafts).map((t) => t.slug)]

/** Every collection the snapshot is exported from. */
export const exportedTypes: readonly { slug: string; key: SnapshotRecordKey }[] = [...publicTypes, ...referenceTypes]

const bySlug = new Map<string, (typeof publicTypes)[number]>(publicTypes.map((t) => [t.slug, t]))
const byKey = new Map<string, (typeof publicTypes)[number]>(publicTypes.map((t) => [t.key, t]))

export const publicTypeOfSlug = (slug: string) => bySlug.get(slug)
export const publicTypeOfKey = (key: PublicContentKey) => byKey.get(key)!

/** Collections whose documents are drafted: exports and queries filter them to published. */
export const isDrafted = (slug: string) => bySlug.get(slug)?.drafts === true
