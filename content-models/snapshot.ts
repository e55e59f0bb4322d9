import { z } from 'zod'

/**
 * The content snapshot: the contract between cms/ and site/. It holds published documents
 * only, with rich text already converted to (escaped) HTML, relationships resolved to the few
 * fields a page shows, and images resolved to files copied beside the snapshot. The site
 * builds from it without a CMS server and without Payload in the Astro build.
 *
 * Declared as a schema so a reader can check a file before trusting it (site/snapshot.ts);
 * the types below are inferred from it, so the two cannot drift apart.
 */
export const SNAPSHOT_VERSION = 2

const text = z.string()
const optionalText = z.string().optional()
/** ISO 8601 timestamps as Payload writes them. */
const timestamp = z.string()

const imageFile = z.object({
  /** Path relative to the snapshot's media folder, also the public path under /media/. */
  file: text,
  width: z.number(),
  height: z.number(),
  mimeType: text,
})

const image = z.object({
  alt: text,
  caption: optionalText,
  credit: optionalText,
  original: imageFile,
  /** Processed sizes (WebP); a size smaller than its box is absent and the original serves. */
  sizes: z.object({ thumbnail: imageFile.optional(), card: imageFile.optional(), hero: imageFile.optional() }),
  /** Focal point in percent, for object-position. */
  focalX: z.number().optional(),
  focalY: z.number().optional(),
})

const ref = z.object({ slug: text, name: text })

const region = z.object({ code: text, name: text, level: text, parentCode: optionalText })

const phone = z.object({
  number: text,
  label: optionalText,
  kind: z.enum(['voice', 'sms']),
  hours: optionalText,
  hotline: z.boolean(),
})

const hours = z.object({
  /** Weekday keys: mon … sun. */
  days: z.array(text),
  allDay: z.boolean(),
  opens: optionalText,
  closes: optionalText,
})

const hoursException = z.object({
  /** YYYY-MM-DD in China time. */
  date: text,
  closed: z.boolean(),
  opens: optionalText,
  closes: optionalText,
  note: optionalText,
})

/** WGS84, as phones report them. */
const coordinates = z.object({ lat: z.number(), lng: z.number() })

const article = z.object({
  id: text,
  slug: text,
  title: text,
  summary: optionalText,
  bodyHtml: text,
  /** Plain text of the body, for feeds, excerpts and search conversion. */
  bodyText: text,
  cover: image.optional(),
  publishedAt: timestamp,
  updatedAt: timestamp,
  source: optionalText,
  author: optionalText,
  responsibleEditor: optionalText,
  region: region.optional(),
  organization: ref.optional(),
  categories: z.array(ref),
  tags: z.array(text),
  featured: z.boolean(),
  originalUrl: optionalText,
  script: z.enum(['simplified', 'traditional']),
  /** Public 更新说明, oldest first; absent or empty when the piece never changed in substance. */
  corrections: z.array(z.object({ date: timestamp, note: text })).optional(),
})

const workersHome = z.object({
  id: text,
  slug: text,
  name: text,
  organization: ref.optional(),
  awardLevel: text,
  yearAwarded: z.number().optional(),
  awardingBody: optionalText,
  region: region.optional(),
  address: optionalText,
  coordinates: coordinates.optional(),
  facilities: z.array(text),
  memberCount: z.number().optional(),
  enterpriseCount: z.number().optional(),
  descriptionHtml: text,
  photos: z.array(image),
  phone: optionalText,
  openingHours: z.array(hours),
  hoursExceptions: z.array(hoursException),
  updatedAt: timestamp,
})

const honor = z.object({ title: text, level: optionalText, year: z.number().optional(), awardingBody: optionalText })

const laborModel = z.object({
  id: text,
  slug: text,
  kind: z.enum(['individual', 'collective']),
  name: text,
  photo: image.optional(),
  employer: optionalText,
  jobTitle: optionalText,
  industry: optionalText,
  region: region.optional(),
  honors: z.array(honor),
  studio: z.object({ name: text, description: optionalText }).optional(),
  biographyHtml: text,
  /** Slugs of related articles that are published. */
  relatedArticles: z.array(text),
  updatedAt: timestamp,
})

const location = z.object({
  name: optionalText,
  address: text,
  district: region.optional(),
  coordinates: coordinates.optional(),
  openingHours: z.array(hours),
  hoursExceptions: z.array(hoursException),
  amenities: z.array(text),
})

const service = z.object({
  id: text,
  slug: text,
  name: text,
  category: text,
  status: z.enum(['active', 'temporarily-closed', 'ended']),
  alert: optionalText,
  provider: ref.optional(),
  audiences: z.array(text),
  summary: optionalText,
  eligibility: optionalText,
  howToApply: z.array(text),
  documents: z.array(text),
  cost: z.object({ kind: text, note: optionalText }),
  phones: z.array(phone),
  website: optionalText,
  locations: z.array(location),
  serviceArea: z.array(region),
  lastVerified: optionalText,
  /** When the service was first saved: the directory lists a category's services in this order (site/lib/serviceDirectory.ts). */
  createdAt: timestamp,
  updatedAt: timestamp,
})

const organization = z.object({
  id: text,
  slug: text,
  name: text,
  kind: text,
  parentSlug: optionalText,
  region: region.optional(),
  address: optionalText,
  phones: z.array(phone),
  website: optionalText,
})

const category = z.object({ slug: text, name: text, description: optionalText, order: z.number() })

export const contentSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  generatedAt: timestamp,
  articles: z.array(article),
  workersHomes: z.array(workersHome),
  laborModels: z.array(laborModel),
  services: z.array(service),
  organizations: z.array(organization),
  regions: z.array(region),
  categories: z.array(category),
})

export type SnapshotImageFile = z.infer<typeof imageFile>
export type SnapshotImage = z.infer<typeof image>
export type SnapshotRef = z.infer<typeof ref>
export type SnapshotRegion = z.infer<typeof region>
export type SnapshotPhone = z.infer<typeof phone>
export type SnapshotHours = z.infer<typeof hours>
export type SnapshotHoursException = z.infer<typeof hoursException>
export type SnapshotCoordinates = z.infer<typeof coordinates>
export type SnapshotArticle = z.infer<typeof article>
export type SnapshotWorkersHome = z.infer<typeof workersHome>
export type SnapshotHonor = z.infer<typeof honor>
export type SnapshotLaborModel = z.infer<typeof laborModel>
export type SnapshotLocation = z.infer<typeof location>
export type SnapshotService = z.infer<typeof service>
export type SnapshotOrganization = z.infer<typeof organization>
export type SnapshotCategory = z.infer<typeof category>
export type ContentSnapshot = z.infer<typeof contentSnapshotSchema>
