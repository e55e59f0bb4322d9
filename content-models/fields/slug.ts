import type { TextField } from 'payload'

import { validateSlug } from '../validate'

/**
 * `reserved` lists words the site already uses as path segments beside the detail pages
 * (e.g. /news/archive/), which a document slug must not shadow.
 */
export const slugField = (titleField = 'title', dateField?: string, reserved: readonly string[] = []): TextField => ({
  name: 'slug',
  type: 'text',
  label: '链接名',
  unique: true,
  index: true,
  validate: (value: unknown) =>
    typeof value === 'string' && reserved.includes(value) ? `链接名“${value}”是网站保留的路径，请换一个。` : validateSlug(value),
  // Minted by the CMS from these fields when left empty (cms/hooks/uniqueSlug.ts): it needs the database.
  custom: { slugFrom: { titleField, dateField }, reserved },
  admin: {
    position: 'sidebar',
    description: '网址中使用，留空则自动生成；发布后请勿修改。',
  },
})
