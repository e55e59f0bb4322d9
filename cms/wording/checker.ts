import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { findingsIn, type Finding } from './findings'
import { compileRules, type Matcher, type Rule } from './matcher'

type Compiled = { version: string; matcher: Matcher }

/** Each Payload instance's matcher, rebuilt only when the rules change. */
const compiled = new WeakMap<Payload, Compiled>()
const building = new WeakMap<Payload, Promise<Compiled>>()

/**
 * Which set of rules is current: their number and the newest change. Any create, edit or
 * delete changes one of them, in this process or another sharing the database.
 */
const rulesVersion = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<string> => {
  const { docs, totalDocs } = await payload.find({
    collection: 'wording-rules',
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return `${totalDocs}:${docs[0]?.updatedAt ?? ''}`
}

const loadRules = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<Rule[]> => {
  const { docs } = await payload.find({ collection: 'wording-rules', limit: 0, pagination: false, depth: 0, req, overrideAccess: true })
  return docs.map((d) => ({ id: d.id, kind: d.kind, find: d.find, suggestion: d.suggestion, note: d.note }))
}

/** The matcher for the rules as they are now; built once per rules version. */
export const currentMatcher = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<Matcher> => {
  const version = await rulesVersion(payload, req)
  const have = compiled.get(payload)
  if (have?.version === version) return have.matcher
  const pending = building.get(payload)
  if (pending) {
    const built = await pending
    if (built.version === version) return built.matcher
  }
  const next = loadRules(payload, req).then((rules) => ({ version, matcher: compileRules(rules) }))
  building.set(payload, next)
  try {
    const built = await next
    compiled.set(payload, built)
    return built.matcher
  } finally {
    if (building.get(payload) === next) building.delete(payload)
  }
}

/** The findings in a document of a collection, as the admin shows them and the publish gate counts them. */
export const checkDocument = async (
  payload: Payload,
  collection: CollectionSlug,
  data: Record<string, unknown>,
  req?: Partial<PayloadRequest>,
): Promise<Finding[]> => {
  const config = payload.collections[collection]?.config
  if (!config) return []
  return findingsIn(await currentMatcher(payload, req), config.fields, data)
}
