/**
 * The content snapshot: the contract between cms/ and site/. It holds published documents
 * only, with rich text already converted to (escaped) HTML, relationships resolved to the few
 * fields a page shows, and images resolved to files copied beside the snapshot. The site
 * builds from it without a CMS server and without Payload in the Astro build.
 */
export const SNAPSHOT_VERSION = 1

export interface SnapshotImageFile {
  /** Path relative to the snapshot's media folder, also the public path under /media/. */
  file: string
  width: number
  height: number
  mimeType: string
}

export interface SnapshotImage {
  alt: string
  caption?: string
  credit?: string
  original: SnapshotImageFile
  /** Processed sizes (WebP); a size smaller than its box is absent and the original serves. */
  sizes: Partial<Record<'thumbnail' | 'card' | 'hero', SnapshotImageFile>>
  /** Focal point in percent, for object-position. */
  focalX?: number
  focalY?: number
}

export interface SnapshotRef {
  slug: string
  name: string
}

export interface SnapshotRegion {
  code: string
  name: string
  level: string
  parentCode?: string
}

export interface SnapshotPhone {
  number: string
  label?: string
  kind: 'voice' | 'sms'
  hours?: string
  hotline: boolean
}

export interface SnapshotHours {
  /** Weekday keys: mon … sun. */
  days: string[]
  allDay: boolean
  opens?: string
  closes?: string
}

export interface SnapshotHoursException {
  /** YYYY-MM-DD in China time. */
  date: string
  closed: boolean
  opens?: string
  closes?: string
  note?: string
}

export interface SnapshotCoordinates {
  lat: number
  lng: number
}

export interface SnapshotArticle {
  id: string
  slug: string
  title: string
  summary?: string
  bodyHtml: string
  /** Plain text of the body, for feeds, excerpts and search conversion. */
  bodyText: string
  cover?: SnapshotImage
  publishedAt: string
  updatedAt: string
  source?: string
  author?: string
  responsibleEditor?: string
  region?: SnapshotRegion
  organization?: SnapshotRef
  categories: SnapshotRef[]
  tags: string[]
  featured: boolean
  originalUrl?: string
  script: 'simplified' | 'traditional'
}

export interface SnapshotWorkersHome {
  id: string
  slug: string
  name: string
  organization?: SnapshotRef
  awardLevel: string
  yearAwarded?: number
  awardingBody?: string
  region?: SnapshotRegion
  address?: string
  coordinates?: SnapshotCoordinates
  facilities: string[]
  memberCount?: number
  enterpriseCount?: number
  descriptionHtml: string
  photos: SnapshotImage[]
  phone?: string
  openingHours: SnapshotHours[]
  hoursExceptions: SnapshotHoursException[]
  updatedAt: string
}

export interface SnapshotHonor {
  title: string
  level?: string
  year?: number
  awardingBody?: string
}

export interface SnapshotLaborModel {
  id: string
  slug: string
  kind: 'individual' | 'collective'
  name: string
  photo?: SnapshotImage
  employer?: string
  jobTitle?: string
  industry?: string
  region?: SnapshotRegion
  honors: SnapshotHonor[]
  studio?: { name: string; description?: string }
  biographyHtml: string
  /** Slugs of related articles that are published. */
  relatedArticles: string[]
  updatedAt: string
}

export interface SnapshotLocation {
  name?: string
  address: string
  district?: SnapshotRegion
  coordinates?: SnapshotCoordinates
  openingHours: SnapshotHours[]
  hoursExceptions: SnapshotHoursException[]
  amenities: string[]
}

export interface SnapshotService {
  id: string
  slug: string
  name: string
  category: string
  status: 'active' | 'temporarily-closed' | 'ended'
  alert?: string
  provider?: SnapshotRef
  audiences: string[]
  summary?: string
  eligibility?: string
  howToApply: string[]
  documents: string[]
  cost: { kind: string; note?: string }
  phones: SnapshotPhone[]
  website?: string
  locations: SnapshotLocation[]
  serviceArea: SnapshotRegion[]
  lastVerified?: string
  updatedAt: string
}

export interface SnapshotOrganization {
  id: string
  slug: string
  name: string
  kind: string
  parentSlug?: string
  region?: SnapshotRegion
  address?: string
  phones: SnapshotPhone[]
  website?: string
}

export interface SnapshotCategory {
  slug: string
  name: string
  description?: string
  order: number
}

export interface ContentSnapshot {
  version: typeof SNAPSHOT_VERSION
  generatedAt: string
  articles: SnapshotArticle[]
  workersHomes: SnapshotWorkersHome[]
  laborModels: SnapshotLaborModel[]
  services: SnapshotService[]
  organizations: SnapshotOrganization[]
  regions: SnapshotRegion[]
  categories: SnapshotCategory[]
}
