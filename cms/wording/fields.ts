import type { Field } from 'payload'

import { notProse } from './texts'

const FIELD_FINDINGS = '/components/wording/FieldFindings#FieldFindings'

/**
 * Every prose field of a public content type gets the findings in it shown right under its
 * input as staff write (cms/components/wording/FieldFindings.tsx), the same fields the check
 * reads (cms/wording/texts.ts).
 */
export const withFieldFindings = (fields: Field[]): Field[] =>
  fields.map((field): Field => {
    if (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array') {
      return { ...field, fields: withFieldFindings(field.fields) } as Field
    }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withFieldFindings(tab.fields) })) }
    const prose = (field.type === 'text' && !field.hasMany) || field.type === 'textarea' || field.type === 'richText'
    if (!prose || notProse.has(field.name)) return field
    const components = field.admin?.components ?? {}
    return {
      ...field,
      admin: {
        ...field.admin,
        components: { ...components, afterInput: [...(('afterInput' in components && components.afterInput) || []), FIELD_FINDINGS] },
      },
    } as Field
  })
