import type { CollectionConfig } from 'payload'

import { corrections } from '../fields/corrections'
import { organizationField, regionField } from '../fields/relations'
import { reviewField } from '../fields/review'
import { slugField } from '../fields/slug'
import { scriptKinds } from '../options'
import { draftVersions } from './drafts'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: '新闻', plural: '新闻' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', 'region', '_status'],
    listSearchableFields: ['title', 'summary', 'source', 'author'],
    group: '内容',
  },
  defaultSort: '-publishedAt',
  versions: draftVersions,
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true },
    { name: 'summary', type: 'textarea', label: '摘要', admin: { description: '列表和搜索结果中显示，建议 80 字以内。' } },
    { name: 'body', type: 'richText', label: '正文' },
    { name: 'cover', type: 'upload', label: '封面图', relationTo: 'media' },
    {
      type: 'row',
      fields: [
        { name: 'source', type: 'text', label: '来源', admin: { placeholder: '如：区总工会宣传部' } },
        { name: 'author', type: 'text', label: '作者 / 通讯员' },
        { name: 'responsibleEditor', type: 'text', label: '责编' },
      ],
    },
    {
      name: 'tags',
      type: 'text',
      label: '标签',
      hasMany: true,
      admin: { description: '输入后按回车添加。' },
    },
    corrections(),
    {
      type: 'collapsible',
      label: '归档来源（旧网站导入）',
      admin: { initCollapsed: true },
      fields: [
        { name: 'originalUrl', type: 'text', label: '原文地址或文件', admin: { readOnly: false } },
        { name: 'importBatch', type: 'text', label: '导入批次', index: true },
        { name: 'script', type: 'select', label: '原文字体', options: [...scriptKinds], defaultValue: 'simplified' },
      ],
    },
    slugField('title', 'publishedAt', ['archive', 'page', 'category', 'region']),
    {
      name: 'publishedAt',
      type: 'date',
      label: '发布日期',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      hooks: {
        beforeChange: [({ value, siblingData }) => value ?? (siblingData._status === 'published' ? new Date().toISOString() : value)],
      },
    },
    reviewField(),
    { name: 'featured', type: 'checkbox', label: '头条推荐', defaultValue: false, admin: { position: 'sidebar' } },
    { ...regionField(), admin: { position: 'sidebar' } },
    { ...organizationField('organization', '发布单位'), admin: { position: 'sidebar' } },
    {
      name: 'categories',
      type: 'relationship',
      label: '栏目',
      relationTo: 'categories',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
  ],
}
