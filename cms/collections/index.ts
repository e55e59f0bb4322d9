import type { CollectionConfig } from 'payload'

import { nobody } from '../access'
import { ImportBatches } from '../importer/admin/ImportBatches'
import { ImportOutcomes } from '../importer/admin/ImportOutcomes'
import { SiteBuildLease } from '../publishing/SiteBuildLease'
import { SiteBuilds } from '../publishing/SiteBuilds'
import { WordingRules } from '../wording/WordingRules'
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
 * Payload answers /api/<slug>/versions for every collection, versioned or not; on one without
 * versions its query fails with a 500. There is nothing to read there, so nobody may.
 */
const withoutVersionsNothingToRead = (list: CollectionConfig[]): CollectionConfig[] =>
  list.map((c) => (c.versions ? c : { ...c, access: { ...c.access, readVersions: nobody } }))

/**
 * Every collection of the CMS: the content models (content-models/) with their CMS behaviour
 * — access, hooks, preview, rebuild — each in its own folder here, as Payload's website
 * template keeps a collection with its hooks.
 */
export const collections: CollectionConfig[] = withoutVersionsNothingToRead([
  Articles,
  WorkersHomes,
  LaborModels,
  Services,
  Organizations,
  Regions,
  Categories,
  Media,
  Users,
  WordingRules,
  SiteBuilds,
  SiteBuildLease,
  ImportBatches,
  ImportOutcomes,
])
