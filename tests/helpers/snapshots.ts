import type { ContentSnapshot } from '../../content-models/snapshot'

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
