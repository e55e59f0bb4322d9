import type { CollectionConfig } from 'payload'

/**
 * Every public content type is drafted, reviewed and then published. Autosave keeps an
 * editor's work when a weak connection drops; scheduled publish needs the jobs runner in cms/.
 */
export const draftVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}
