import type { CollectionConfig, Field } from 'payload'

import * as models from '../content-models'
import {
  admins,
  adminsField,
  adminsOrSelf,
  anyone,
  createDraftsOrReview,
  deleteDraftsOrReview,
  publishedOrSignedIn,
  reviewers,
  signedIn,
  updateDraftsOrReview,
} from './access'
import { checkImageUpload } from './hooks/checkImageUpload'
import { firstAccountRoles, firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { rebuildAfterChange, rebuildAfterDelete, rememberIfLive } from './hooks/rebuildSite'
import { settleReviewState } from './hooks/reviewState'
import { ImportBatches } from './importer/admin/ImportBatches'
import { articlePreview } from './publishing/previewEndpoint'
import { SiteBuilds } from './publishing/SiteBuilds'

/** Content models stay pure data; who may do what is decided here, in one place. */
const draftedContent: CollectionConfig['access'] = {
  read: publishedOrSignedIn,
  readVersions: signedIn,
  create: createDraftsOrReview,
  update: updateDraftsOrReview,
  delete: deleteDraftsOrReview,
}

const referenceData: CollectionConfig['access'] = {
  read: anyone,
  create: reviewers,
  update: reviewers,
  delete: reviewers,
}

const withAccess = (collection: CollectionConfig, access: CollectionConfig['access']): CollectionConfig => ({
  ...collection,
  access: { ...collection.access, ...access },
})

const reviewed = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), settleReviewState] },
})

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

const users: CollectionConfig = {
  ...withAccess(models.Users, {
    read: adminsOrSelf,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    unlock: admins,
  }),
  // Only an admin may grant roles, or an editor could promote themselves.
  // The first account is made an admin (see firstUserIsAdmin), so its form says so up front.
  fields: models.Users.fields.map((field): Field =>
    field.type === 'select' && field.name === 'roles'
      ? { ...field, access: { create: adminsField, update: adminsField }, defaultValue: firstAccountRoles }
      : field,
  ),
  hooks: { beforeChange: [firstUserIsAdmin] },
}

const siteUrl = (process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`).replace(/\/+$/, '')

/** Articles get a preview button that opens the draft in the site's own article layout. */
const previewable = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  endpoints: [...(collection.endpoints || []), articlePreview],
  admin: { ...collection.admin, preview: (doc) => `${siteUrl}/preview/?id=${encodeURIComponent(String(doc.id))}` },
})

export const collections: CollectionConfig[] = [
  previewable(rebuildsSite(reviewed(withAccess(models.Articles, draftedContent)))),
  ...[models.WorkersHomes, models.LaborModels, models.Services].map((c) => rebuildsSite(reviewed(withAccess(c, draftedContent)))),
  ...[models.Organizations, models.Regions, models.Categories].map((c) => rebuildsSite(withAccess(c, referenceData))),
  // Staff upload images while drafting; removing one can break a live page, so reviewers do.
  {
    ...withAccess(models.Media, { read: anyone, create: signedIn, update: signedIn, delete: reviewers }),
    hooks: { beforeOperation: [checkImageUpload] },
  },
  users,
  SiteBuilds,
  ImportBatches,
]
