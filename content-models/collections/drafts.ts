import type { CollectionConfig } from 'payload'

/**
 * Every public content type is drafted, reviewed and then published. Autosave keeps an
 * editor's work when a weak connection drops; scheduled publish needs the jobs runner in cms/.
 *
 * `validate: true` is what keeps opening 新建 from saving anything: with autosave on and draft
 * validation off, Payload's edit view creates an empty draft the moment the form opens (and
 * lists it under its id). With it on, nothing is saved until staff type (cms/components/
 * SaveOnFirstInput.tsx); a draft save still skips the field rules as before
 * (cms/collections/validateUnlessDraft.ts).
 */
export const draftVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true, validate: true },
  maxPerDoc: 50,
}
