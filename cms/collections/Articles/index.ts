import type { CollectionConfig } from 'payload'

import { Articles as model } from '../../../content-models'
import { settings } from '../../../content-models/settings'
import { routes } from '../../../site/routes'
import { duplicateSignatureField } from '../../importer/storedSignature'
import { publicContent } from '../publicContent'
import { articlePreview } from './preview'

/**
 * News: public content with a preview button that opens the draft in the site's own article
 * layout, and the signature an archive import compares bodies by.
 */
const content = publicContent(model)

export const Articles: CollectionConfig = {
  ...content,
  fields: [...content.fields, duplicateSignatureField()],
  endpoints: [...(content.endpoints || []), articlePreview],
  admin: {
    ...content.admin,
    preview: (doc) => `${settings().siteUrl}${routes.preview.url({})}?id=${encodeURIComponent(String(doc.id))}`,
  },
}
