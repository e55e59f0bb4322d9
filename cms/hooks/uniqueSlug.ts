import type { CollectionConfig, CollectionSlug, Field, FieldHook } from 'payload'

/** Short, stable hash so a Chinese title still yields an ASCII slug that never changes. */
const hash = (text: string): string => {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619)
  return (h >>> 0).toString(36).padStart(6, '0').slice(0, 6)
}

const datePart = (value: unknown): string => {
  const date = value ? new Date(String(value)) : new Date()
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10).replaceAll('-', '')
}

/**
 * The slug a title and (for a dated collection) its date mint before any numbered suffix (`20230606-ermqxr`); a second
 * document with the same base gets `-2`, `-3`… Also used by the benchmark's bulk writer.
 */
export const slugBase = (title: string, dated: boolean, date?: unknown): string =>
  [dated ? datePart(date) : '', hash(title.trim())].filter(Boolean).join('-')

/** The candidates for a base in the order they are tried: the base, then `-2` to `-99`. */
export const slugCandidate = (base: string, n: number): string => (n === 1 ? base : `${base}-${n}`)

/**
 * Slugs are minted once, from the date and title, and then kept: published URLs are cited
 * in print and on WeChat, so a title edit must not break them. Two documents with the same
 * title on the same day (a yearly notice, say) get a numbered suffix instead of an error.
 */
const slugFromTitle =
  (titleField: string, dateField?: string): FieldHook =>
  async ({ value, data, originalDoc, req, collection }) => {
    if (typeof value === 'string' && value.trim()) return value.trim().toLowerCase()
    if (typeof originalDoc?.slug === 'string' && originalDoc.slug) return originalDoc.slug
    const title = data?.[titleField] ?? originalDoc?.[titleField]
    if (typeof title !== 'string' || !title.trim()) return value
    const base = slugBase(title, Boolean(dateField), dateField ? (data?.[dateField] ?? originalDoc?.[dateField]) : undefined)
    if (!collection) return base
    for (let n = 1; n < 100; n++) {
      const candidate = slugCandidate(base, n)
      const taken = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: { slug: { equals: candidate }, ...(originalDoc?.id ? { id: { not_equals: originalDoc.id } } : {}) },
        req,
        overrideAccess: true,
      })
      if (taken.totalDocs === 0) return candidate
    }
    return `${base}-${Date.now().toString(36)}`
  }

/** Gives each `slug` field declared with `slugField` (content-models/fields/slug.ts) its minting hook. */
export const withUniqueSlug = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: collection.fields.map((field): Field => {
    const from =
      'name' in field && field.name === 'slug'
        ? (field.custom?.slugFrom as { titleField: string; dateField?: string } | undefined)
        : undefined
    if (!from || field.type !== 'text') return field
    return {
      ...field,
      hooks: { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), slugFromTitle(from.titleField, from.dateField)] },
    }
  }),
})
