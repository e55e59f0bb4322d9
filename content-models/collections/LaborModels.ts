import type { CollectionConfig } from 'payload'

import { regionField } from '../fields/relations'
import { reviewField } from '../fields/review'
import { slugField } from '../fields/slug'
import { honorLevels, honorTitles, laborModelKinds } from '../options'
import { draftVersions } from './drafts'

export const LaborModels: CollectionConfig = {
  slug: 'labor-models',
  labels: { singular: '劳模与先进集体', plural: '劳模与先进集体' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'employer', 'region', '_status'],
    group: '内容',
  },
  versions: draftVersions,
  fields: [
    { name: 'kind', type: 'radio', label: '类型', required: true, defaultValue: 'individual', options: [...laborModelKinds] },
    { name: 'name', type: 'text', label: '姓名 / 集体名称', required: true },
    { name: 'photo', type: 'upload', label: '照片', relationTo: 'media' },
    {
      type: 'row',
      fields: [
        { name: 'employer', type: 'text', label: '工作单位' },
        { name: 'jobTitle', type: 'text', label: '职务 / 岗位' },
        { name: 'industry', type: 'text', label: '行业' },
      ],
    },
    regionField(),
    {
      name: 'honors',
      type: 'array',
      label: '荣誉',
      labels: { singular: '荣誉', plural: '荣誉' },
      minRows: 1,
      fields: [
        {
          name: 'title',
          type: 'text',
          label: '荣誉称号',
          required: true,
          admin: { description: `常用：${honorTitles.join('、')}` },
        },
        {
          type: 'row',
          fields: [
            { name: 'level', type: 'select', label: '级别', options: [...honorLevels] },
            { name: 'year', type: 'number', label: '年份', min: 1950, max: 2100 },
            { name: 'awardingBody', type: 'text', label: '授予单位' },
          ],
        },
      ],
    },
    {
      name: 'studio',
      type: 'group',
      label: '劳模创新工作室',
      fields: [
        { name: 'name', type: 'text', label: '工作室名称' },
        { name: 'description', type: 'textarea', label: '工作室简介' },
      ],
    },
    { name: 'biography', type: 'richText', label: '事迹简介' },
    { name: 'relatedArticles', type: 'relationship', label: '相关报道', relationTo: 'articles', hasMany: true },
    reviewField(),
    slugField('name', undefined, ['honor', 'level', 'year', 'region', 'kind']),
  ],
}
