import type { CollectionConfig } from 'payload'

import { validateSlug } from '../validate'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: '栏目', plural: '栏目' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'order'], group: '基础数据' },
  defaultSort: 'order',
  fields: [
    { name: 'name', type: 'text', label: '栏目名称', required: true },
    { name: 'slug', type: 'text', label: '链接名', required: true, unique: true, validate: validateSlug },
    { name: 'description', type: 'textarea', label: '栏目说明' },
    { name: 'order', type: 'number', label: '排序', defaultValue: 0 },
  ],
}
