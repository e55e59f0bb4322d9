import type { CollectionConfig } from 'payload'

import { regionLevels } from '../options'
import { validateDivisionCode } from '../validate'

export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: '行政区划', plural: '行政区划' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'level', 'parent'], group: '基础数据' },
  defaultSort: 'code',
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true },
    {
      name: 'code',
      type: 'text',
      label: '行政区划代码',
      required: true,
      unique: true,
      validate: validateDivisionCode,
    },
    { name: 'level', type: 'select', label: '级别', required: true, options: [...regionLevels] },
    { name: 'parent', type: 'relationship', label: '上级区划', relationTo: 'regions' },
  ],
}
