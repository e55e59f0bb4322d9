import type { PublicTypeSlug, referenceTypes } from '../../content-models/publicTypes'

type ReferenceSlug = (typeof referenceTypes)[number]['slug']

/** The fewest fields a valid document of each collection needs, and the field that names it. */
interface Minimal {
  title: 'title' | 'name'
  /** `n` keeps unique fields (codes, slugs) apart when a test makes many documents. */
  data: (name: string, n: number) => Record<string, unknown>
}

/**
 * Keyed by every public and reference type, so a type added to content-models/publicTypes.ts
 * does not typecheck until the tests that walk all types know how to make one.
 */
export const minimalDocuments: Record<PublicTypeSlug | ReferenceSlug, Minimal> = {
  articles: { title: 'title', data: (title) => ({ title }) },
  'workers-homes': { title: 'name', data: (name) => ({ name, awardLevel: 'city-model' }) },
  'labor-models': { title: 'name', data: (name) => ({ name, kind: 'individual', honors: [{ title: '市劳动模范' }] }) },
  services: { title: 'name', data: (name) => ({ name, category: 'legal-aid' }) },
  organizations: { title: 'name', data: (name) => ({ name, kind: 'federation' }) },
  regions: { title: 'name', data: (name, n) => ({ name, code: String(339000 + n), level: 'district' }) },
  categories: { title: 'name', data: (name, n) => ({ name, slug: `section-${n}` }) },
}

/** Minimal data for `slug`, failing loudly for a collection the table does not know. */
export const minimalDocument = (slug: string, name: string, n = 0): Record<string, unknown> => {
  const minimal = (minimalDocuments as Record<string, Minimal | undefined>)[slug]
  if (!minimal) throw new Error(`tests/helpers/minimalDocuments.ts has no minimal document for "${slug}": add one`)
  return minimal.data(name, n)
}

export const titleFieldOf = (slug: string): 'title' | 'name' => {
  const minimal = (minimalDocuments as Record<string, Minimal | undefined>)[slug]
  if (!minimal) throw new Error(`tests/helpers/minimalDocuments.ts has no minimal document for "${slug}": add one`)
  return minimal.title
}
