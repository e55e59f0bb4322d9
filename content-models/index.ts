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

export { publicContentSlugs, referenceSlugs, type PublicContentSlug } from './publicTypes'

export const collections = [Articles, WorkersHomes, LaborModels, Services, Organizations, Regions, Categories, Media, Users]
