import type { CollectionConfig } from 'payload'

import { Media as model } from '../../../content-models'
import { settings } from '../../../content-models/settings'
import { anyone, reviewers, signedIn } from '../../access'
import { checkImageUpload } from './hooks/checkImageUpload'
import { rebuildPagesShowingMedia, reviewLiveMedia } from './hooks/reviewLiveMedia'
import { uniqueImageName } from './hooks/uniqueImageName'

/**
 * Staff upload images while drafting; removing one can break a live page, so reviewers do, and
 * changing one a live page shows is a reviewer's too (reviewLiveMedia), which queues those pages.
 * Files go to the media folder (or the S3 bucket the storage plugin in payload.config.ts adds).
 */
export const Media: CollectionConfig = {
  ...model,
  access: { ...model.access, read: anyone, create: signedIn, update: signedIn, delete: reviewers },
  upload: typeof model.upload === 'object' ? { ...model.upload, staticDir: settings().mediaDir } : model.upload,
  hooks: {
    ...model.hooks,
    beforeOperation: [...(model.hooks?.beforeOperation ?? []), reviewLiveMedia, checkImageUpload, uniqueImageName],
    afterChange: [...(model.hooks?.afterChange ?? []), rebuildPagesShowingMedia],
  },
}
