import { z } from 'zod'

/**
 * The parts of Open Referral HSDS 3.0 that /open-data/services.json claims, written from the
 * specification's own JSON schemas (openreferral/specification, tag v3.0: schema/service.json,
 * phone.json, schedule.json, location.json, address.json, service_at_location.json,
 * service_area.json, organization.json, language.json, cost_option.json, required_document.json,
 * attribute.json, taxonomy_term.json; schema/openapi.json for the Page of `GET /services`).
 *
 * Each object lists every field HSDS 3.0 defines for it and no other: HSDS itself allows extra
 * fields, but this export means to use HSDS names only, so an unknown key is a misspelt one.
 * Fields the export does not fill (funding, contacts, metadata…) are only checked to be arrays of
 * records with ids. Required fields, enums and formats are the specification's; where it says
 * "should" (times carry their UTC offset), so does this.
 * @see https://github.com/openreferral/specification/tree/v3.0/schema
 */

/** `"format": "uuid"`. */
const uuid = z.uuid()
/** `datapackage_type: date`: "ISO 8601 format of YYYY-MM-DD". */
const date = z.iso.date()
/** `datapackage_type: time`: "HH:MM format … include timezone information, either adding the suffix 'Z' … or including an offset from UTC". */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/, 'HH:MM with Z or a UTC offset')
const uri = z.url()
const text = z.string()
/** Objects the export leaves empty: an array of records that at least carry their id. */
const unfilled = z.array(z.looseObject({ id: uuid }))

/** ISO 639-1 or 639-3 (language.code); 639-1 or 639-2 (taxonomy_term.language). */
const languageCode = z.string().regex(/^[a-z]{2,3}$/)

export const language = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  phone_id: uuid.optional(),
  name: text.optional(),
  code: languageCode.optional(),
  note: text.optional(),
  attributes: unfilled.optional(),
  metadata: unfilled.optional(),
})

export const taxonomyTerm = z.strictObject({
  id: uuid,
  code: text.optional(),
  name: text,
  description: text,
  parent_id: uuid.optional(),
  taxonomy: text.optional(),
  taxonomy_detail: z.looseObject({ id: uuid }).optional(),
  language: languageCode.optional(),
  taxonomy_id: uuid.optional(),
  term_uri: uri.optional(),
  metadata: unfilled.optional(),
})

export const attribute = z.strictObject({
  id: uuid,
  link_id: uuid.optional(),
  taxonomy_term_id: uuid.optional(),
  link_type: text.optional(),
  link_entity: text.optional(),
  value: text.optional(),
  taxonomy_term: taxonomyTerm.optional(),
  metadata: unfilled.optional(),
})

export const phone = z.strictObject({
  id: uuid,
  location_id: uuid.optional(),
  service_id: uuid.optional(),
  organization_id: uuid.optional(),
  contact_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  number: text.min(1),
  extension: z.number().optional(),
  /** "drawing from the RFC6350 list of types". */
  type: z.enum(['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone']).optional(),
  description: text.optional(),
  languages: z.array(language).optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

const weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])

export const schedule = z
  .strictObject({
    id: uuid,
    service_id: uuid.optional(),
    location_id: uuid.optional(),
    service_at_location_id: uuid.optional(),
    valid_from: date.optional(),
    valid_to: date.optional(),
    dtstart: date.optional(),
    /** "The timezone that all dates are expressed as, expressed as a UTC offset." */
    timezone: z.number().min(-12).max(14).optional(),
    until: date.optional(),
    count: z.number().optional(),
    wkst: weekday.optional(),
    freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
    interval: z.number().int().positive().optional(),
    /** "Comma separated days of the week"; with MONTHLY each may carry an occurrence (2MO, -1FR). */
    byday: z
      .string()
      .regex(/^([+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))(,[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))*$/)
      .optional(),
    byweekno: text.optional(),
    bymonthday: text.optional(),
    byyearday: text.optional(),
    description: text.optional(),
    opens_at: time.optional(),
    closes_at: time.optional(),
    schedule_link: uri.optional(),
    attending_type: text.optional(),
    notes: text.optional(),
    attributes: z.array(attribute).optional(),
    metadata: unfilled.optional(),
  })
  .refine((s) => s.freq !== 'WEEKLY' || !/\d/.test(s.byday ?? ''), {
    message: 'occurrence numbers in byday belong to MONTHLY',
    path: ['byday'],
  })
  .refine((s) => !s.valid_from || !s.valid_to || s.valid_from <= s.valid_to, { message: 'valid_to before valid_from', path: ['valid_to'] })

export const address = z.strictObject({
  id: uuid,
  location_id: uuid.optional(),
  attention: text.optional(),
  address_1: text,
  address_2: text.optional(),
  city: text,
  region: text.optional(),
  state_province: text,
  postal_code: text,
  /** "ISO 3361-1 country code (two letter abbreviation)" (3166-1 is meant). */
  country: z.string().regex(/^[A-Z]{2}$/),
  address_type: z.enum(['physical', 'postal', 'virtual']),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const location = z.strictObject({
  id: uuid,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  url: uri.optional(),
  organization_id: uuid.optional(),
  name: text.optional(),
  alternate_name: text.optional(),
  description: text.optional(),
  transportation: text.optional(),
  /** "decimal degrees in WGS84 datum". */
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  external_identifier: text.optional(),
  external_identifier_type: text.optional(),
  languages: z.array(language).optional(),
  addresses: z.array(address).optional(),
  contacts: unfilled.optional(),
  accessibility: unfilled.optional(),
  phones: z.array(phone).optional(),
  schedules: z.array(schedule).optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const serviceAtLocation = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  description: text.optional(),
  contacts: unfilled.optional(),
  phones: z.array(phone).optional(),
  schedules: z.array(schedule).optional(),
  location: location.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const serviceArea = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  name: text.optional(),
  description: text.optional(),
  extent: text.optional(),
  extent_type: z.enum(['geojson', 'topojson', 'kml', 'text']).optional(),
  uri: text.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const organization = z.strictObject({
  id: uuid,
  name: text,
  alternate_name: text.optional(),
  description: text,
  email: z.email().optional(),
  website: uri.optional(),
  tax_status: text.optional(),
  tax_id: text.optional(),
  year_incorporated: z.number().optional(),
  legal_status: text.optional(),
  logo: text.optional(),
  uri: uri.optional(),
  parent_organization_id: uuid.optional(),
  funding: unfilled.optional(),
  contacts: unfilled.optional(),
  phones: z.array(phone).optional(),
  locations: z.array(location).optional(),
  programs: unfilled.optional(),
  organization_identifiers: unfilled.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const costOption = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  valid_from: date.optional(),
  valid_to: date.optional(),
  option: text.optional(),
  /** "The 3 letter currency code". */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  amount: z.number().optional(),
  amount_description: text.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

export const requiredDocument = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  document: text.optional(),
  uri: uri.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

/** schema/compiled/service.json: a service with its one-to-many objects nested. */
export const service = z.strictObject({
  id: uuid,
  organization_id: uuid.optional(),
  program_id: uuid.optional(),
  name: text.min(1),
  alternate_name: text.optional(),
  description: text.optional(),
  url: uri.optional(),
  email: z.email().optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  interpretation_services: text.optional(),
  application_process: text.optional(),
  fees_description: text.optional(),
  wait_time: text.optional(),
  fees: text.optional(),
  accreditations: text.optional(),
  eligibility_description: text.optional(),
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  assured_date: date.optional(),
  assurer_email: z.email().optional(),
  licenses: text.optional(),
  alert: text.optional(),
  /** "Should have millisecond accuracy." */
  last_modified: z.iso.datetime({ offset: true, precision: 3 }).optional(),
  phones: z.array(phone).optional(),
  schedules: z.array(schedule).optional(),
  service_areas: z.array(serviceArea).optional(),
  service_at_locations: z.array(serviceAtLocation).optional(),
  languages: z.array(language).optional(),
  organization: organization.optional(),
  funding: unfilled.optional(),
  cost_options: z.array(costOption).optional(),
  program: z.looseObject({ id: uuid }).optional(),
  required_documents: z.array(requiredDocument).optional(),
  contacts: unfilled.optional(),
  attributes: z.array(attribute).optional(),
  metadata: unfilled.optional(),
})

/** schema/openapi.json, `#/components/schemas/Page`, with `contents` as the services. */
export const servicePage = z.strictObject({
  total_items: z.number().int().nonnegative(),
  total_pages: z.number().int().nonnegative(),
  page_number: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(service),
})

export type HsdsService = z.infer<typeof service>
