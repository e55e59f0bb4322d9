import type { CollectionConfig } from 'payload'

import { ImportBatches } from '../importer/admin/ImportBatches'
import { SiteBuildLease } from '../publishing/SiteBuildLease'
import { SiteBuilds } from '../publishing/SiteBuilds'
import { Articles } from './Articles'
import { Categories } from './Categories'
import { LaborModels } from './LaborModels'
import { Media } from './Media'
import { Organizations } from './Organizations'
import { Regions } from './Regions'
import { Services } from './Services'
import { Users } from './Users'
import { WorkersHomes } from './WorkersHomes'

/**
 * Every collection of the CMS: the content models (content-models/) with their CMS behaviour
 * — access, hooks, preview, rebuild — each in its own folder here, as Payload's website
 * template keeps a collection with its hooks.
 */
export const collections: CollectionConfig[] = [
  Articles,
  WorkersHomes,
  LaborModels,
  Services,
  Organizations,
  Regions,
  Categories,
  Media,
  Users,
  SiteBuilds,
  SiteBuildLease,
  ImportBatches,
]
