import type { Field, Validate } from 'payload'
import { validations } from 'payload/shared'

type AnyValidate = Validate<unknown, unknown, unknown, never>

/**
 * Drafts stay as free as they were before drafts were validated (content-models/collections/
 * drafts.ts): a half-written piece saves as it is, and every field's own rule — required,
 * lengths, formats — applies when the document is published.
 */
export const validateOnPublish = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: validateOnPublish(field.fields) }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: validateOnPublish(tab.fields) })) }
    if (field.type === 'ui' || !('name' in field)) return field
    const nested = field.type === 'group' || field.type === 'array' ? { fields: validateOnPublish(field.fields) } : {}
    const fallback = validations[field.type as keyof typeof validations] as AnyValidate | undefined
    const own = (('validate' in field ? field.validate : undefined) ??
      (fallback ? (value: unknown, options: object) => fallback(value, { ...field, ...options } as never) : undefined)) as
      ((value: unknown, options: { data?: { _status?: unknown } }) => ReturnType<AnyValidate>) | undefined
    if (!own) return { ...field, ...nested } as Field
    return {
      ...field,
      ...nested,
      validate: (value: unknown, options: { data?: { _status?: unknown } }) =>
        options.data?._status === 'published' ? own(value, options) : true,
    } as Field
  })
