import { Articles } from './collections/Articles'
import { Categories } from './collections/Categories'
import { LaborModels } from './collections/LaborModels'
import { Media } from './collections/Media'
import { Organizations } from './collections/Organizations'
import { Regions } from './collections/Regions'
import { Services } from './collections/Services'
import { Users } from './collections/Users'
import { WorkersHomes } from './collections/WorkersHomes'

export { Articles, Categories, LaborModels, Media, Organizations, Regions, Services, Users, WorkersHomes }

/** Collections the public site shows; each has drafts, so only `_status: published` is public. */
export const publicContentSlugs = ['articles', 'workers-homes', 'labor-models', 'services'] as const
export type PublicContentSlug = (typeof publicContentSlugs)[number]

/** Reference data: public to read, no drafts. */
export const referenceSlugs = ['organizations', 'regions', 'categories'] as const

export const collections = [Articles, WorkersHomes, LaborModels, Services, Organizations, Regions, Categories, Media, Users]
