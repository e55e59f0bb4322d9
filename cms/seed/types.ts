import type {
  amenities,
  audiences,
  costKinds,
  homeAwardLevels,
  homeFacilities,
  honorLevels,
  laborModelKinds,
  organizationKinds,
  regionLevels,
  serviceCategories,
  serviceStatuses,
  weekdays,
} from '../../content-models/options'

/**
 * Shapes of the sample content as we write it by hand. The loader turns these into Payload
 * documents (rich text, relationships by key, generated images), so the data files stay
 * readable prose rather than database rows.
 */
type ValueOf<T extends readonly { value: string }[]> = T[number]['value']

/** A paragraph, or a section heading inside rich text. */
export type Block = string | { heading: string }

/** Generated locally with sharp; no network. `alt` must describe what the picture shows. */
export interface SampleImage {
  alt: string
  caption?: string
  credit?: string
  /** Drives the colours of the generated illustration (0-359). */
  hue: number
  motif: 'building' | 'people' | 'factory' | 'book' | 'heart' | 'road' | 'trophy'
}

export interface SampleRegion {
  code: string
  name: string
  level: ValueOf<typeof regionLevels>
  parentCode?: string
}

export interface SamplePhone {
  number: string
  label?: string
  kind?: 'voice' | 'sms'
  hours?: string
  hotline?: boolean
}

export interface SampleOrganization {
  key: string
  name: string
  kind: ValueOf<typeof organizationKinds>
  parentKey?: string
  regionCode: string
  address?: string
  phones?: SamplePhone[]
  website?: string
  memberCount?: number
  enterpriseCount?: number
}

export interface SampleCategory {
  slug: string
  name: string
  description: string
  order: number
}

export interface SampleArticle {
  key: string
  title: string
  summary: string
  body: Block[]
  /** YYYY-MM-DD or full ISO date-time. */
  publishedAt: string
  source: string
  author?: string
  responsibleEditor?: string
  regionCode?: string
  organizationKey?: string
  categorySlugs: string[]
  tags?: string[]
  featured?: boolean
  cover?: SampleImage
  /** Left as a draft: proves drafts stay out of public reads. */
  draft?: boolean
}

export interface SampleHours {
  days: ValueOf<typeof weekdays>[]
  allDay?: boolean
  opens?: string
  closes?: string
}

export interface SampleWorkersHome {
  key: string
  name: string
  organizationKey?: string
  awardLevel: ValueOf<typeof homeAwardLevels>
  yearAwarded: number
  awardingBody: string
  regionCode: string
  address: string
  coordinates?: { lat: number; lng: number }
  facilities: ValueOf<typeof homeFacilities>[]
  memberCount?: number
  enterpriseCount?: number
  description: Block[]
  photo?: SampleImage
  phone?: string
  openingHours?: SampleHours[]
  draft?: boolean
}

export interface SampleHonor {
  title: string
  level: ValueOf<typeof honorLevels>
  year: number
  awardingBody: string
}

export interface SampleLaborModel {
  key: string
  kind: ValueOf<typeof laborModelKinds>
  name: string
  employer: string
  jobTitle?: string
  industry: string
  regionCode: string
  honors: SampleHonor[]
  studio?: { name: string; description: string }
  biography: Block[]
  photo?: SampleImage
  relatedArticleKeys?: string[]
  draft?: boolean
}

export interface SampleLocation {
  name?: string
  address: string
  districtCode?: string
  coordinates?: { lat: number; lng: number }
  openingHours?: SampleHours[]
  amenities?: ValueOf<typeof amenities>[]
}

export interface SampleService {
  key: string
  name: string
  category: ValueOf<typeof serviceCategories>
  status?: ValueOf<typeof serviceStatuses>
  alert?: string
  providerKey?: string
  audiences: ValueOf<typeof audiences>[]
  summary: string
  eligibility: string
  howToApply: string[]
  documents?: string[]
  cost: { kind: ValueOf<typeof costKinds>; note?: string }
  phones: SamplePhone[]
  website?: string
  locations?: SampleLocation[]
  serviceAreaCodes?: string[]
  /** YYYY-MM-DD */
  lastVerified: string
  draft?: boolean
}
