import type { CollectionConfig } from 'payload'

import {
  anyone,
  createDraftsOrReview,
  deleteDraftsOrReview,
  publishedOrSignedIn,
  reviewers,
  signedIn,
  updateDraftsOrReview,
} from '../access'
import { rebuildAfterChange, rebuildAfterDelete, rememberIfLive } from '../hooks/rebuildSite'
import { referencesExist } from '../hooks/referencesExist'
import { settleReviewState } from '../hooks/reviewState'
import { withUniqueSlug } from '../hooks/uniqueSlug'
import { visitorsReadLive } from '../hooks/visitorsReadLive'
import { withFieldFindings } from '../wording/fields'
import { wordingConfirmationsField, wordingGate } from '../wording/gate'
import { noteDraftSave, validateUnlessDraft } from './validateUnlessDraft'

/**
 * What the CMS adds to a content model the public site shows (content-models/publicTypes.ts):
 * editors draft, reviewers publish, the public reads published documents only, and a change to
 * what is live rebuilds the site. Who may do what is decided in access/, one predicate a file.
 * Every document it refers to (cover, region, organization…) must exist. Its wording is checked
 * as staff write, and a publish waits until a reviewer has confirmed each finding (wording/).
 */
export const publicContent = (model: CollectionConfig): CollectionConfig =>
  rebuildsSite(
    withUniqueSlug({
      ...model,
      // The wording panel first, so it heads the sidebar where reviewers look before publishing.
      fields: [wordingConfirmationsField(), ...validateUnlessDraft(withFieldFindings(model.fields))],
      admin: {
        ...model.admin,
        components: {
          ...model.admin?.components,
          edit: { ...model.admin?.components?.edit, beforeDocumentControls: ['/components/SaveOnFirstInput#SaveOnFirstInput'] },
        },
      },
      access: {
        ...model.access,
        read: publishedOrSignedIn,
        readVersions: signedIn,
        create: createDraftsOrReview,
        update: updateDraftsOrReview,
        delete: deleteDraftsOrReview,
      },
      hooks: {
        ...model.hooks,
        beforeOperation: [...(model.hooks?.beforeOperation ?? []), visitorsReadLive, noteDraftSave],
        beforeChange: [...(model.hooks?.beforeChange ?? []), referencesExist, settleReviewState, wordingGate],
      },
    }),
  )

/** Regions, categories, organizations: public to read, kept by reviewers; a change rebuilds the whole site. */
export const referenceData = (model: CollectionConfig): CollectionConfig =>
  rebuildsSite(
    withUniqueSlug({
      ...model,
      access: { ...model.access, read: anyone, create: reviewers, update: reviewers, delete: reviewers },
      hooks: { ...model.hooks, beforeChange: [...(model.hooks?.beforeChange ?? []), referencesExist] },
    }),
  )

/** Anything the public site shows triggers a rebuild when it changes live. */
const rebuildsSite = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberIfLive],
    afterChange: [...(collection.hooks?.afterChange ?? []), rebuildAfterChange],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), rebuildAfterDelete],
  },
})
