import type { ContentSnapshot, SnapshotArticle, SnapshotService } from '../../content-models/snapshot'

/** A valid snapshot holding only what a test gives it: every other collection empty. */
export const snapshotWith = (parts: Partial<Omit<ContentSnapshot, 'version'>>): ContentSnapshot => ({
  version: 1,
  generatedAt: '2026-01-01T00:00:00.000Z',
  articles: [],
  workersHomes: [],
  laborModels: [],
  services: [],
  organizations: [],
  regions: [],
  categories: [],
  ...parts,
})

/** A valid service with nothing but what a test gives it (its id is its slug unless given). */
export const serviceWith = (s: Partial<SnapshotService> & Pick<SnapshotService, 'slug' | 'name' | 'category'>): SnapshotService => ({
  id: s.slug,
  status: 'active',
  audiences: [],
  howToApply: [],
  documents: [],
  cost: { kind: 'free' },
  phones: [],
  locations: [],
  serviceArea: [],
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...s,
})

/** A valid article with nothing but what a test gives it (its id is its slug unless given; its body text says its title). */
export const articleWith = (a: Partial<SnapshotArticle> & Pick<SnapshotArticle, 'slug' | 'title'>): SnapshotArticle => ({
  id: a.slug,
  bodyHtml: '',
  bodyText: `${a.title}的正文。`,
  publishedAt: '2026-11-30T02:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
  categories: [],
  tags: [],
  featured: false,
  script: 'simplified',
  ...a,
})
