import type { CollectionBeforeOperationHook, Field, Validate } from 'payload'
import { validations } from 'payload/shared'

type AnyValidate = Validate<unknown, unknown, unknown, never>

type Options = { data?: { _status?: unknown }; req?: { context?: Record<string, unknown> } }

/**
 * Whether this create or update is a draft save as Payload decides it (a `draft` save not
 * asking to publish), kept on the request for the field rules below: before drafts were
 * validated, Payload skipped validation exactly then.
 */
export const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') {
    req.context.draftSave = Boolean(args.draft) && (args.data as { _status?: unknown } | undefined)?._status !== 'published'
  }
  return args
}

/** In an operation, what noteDraftSave recorded; in the admin's form state, the form's own status. */
const isDraft = (options: Options) => {
  const draftSave = options.req?.context?.draftSave
  return typeof draftSave === 'boolean' ? draftSave : options.data?._status !== 'published'
}

/**
 * Drafts stay as free as they were before drafts were validated (content-models/collections/
 * drafts.ts): a draft save keeps a half-written piece as it is, and every field's own rule —
 * required, lengths, formats — applies to any other save, a publish above all.
 */
export const validateUnlessDraft = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: validateUnlessDraft(field.fields) }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: validateUnlessDraft(tab.fields) })) }
    if (field.type === 'ui' || !('name' in field)) return field
    const nested = field.type === 'group' || field.type === 'array' ? { fields: validateUnlessDraft(field.fields) } : {}
    const fallback = validations[field.type as keyof typeof validations] as AnyValidate | undefined
    const own = (('validate' in field ? field.validate : undefined) ??
      (fallback ? (value: unknown, options: object) => fallback(value, { ...field, ...options } as never) : undefined)) as
      ((value: unknown, options: Options) => ReturnType<AnyValidate>) | undefined
    if (!own) return { ...field, ...nested } as Field
    return {
      ...field,
      ...nested,
      validate: (value: unknown, options: Options) => (isDraft(options) ? true : own(value, options)),
    } as Field
  })
