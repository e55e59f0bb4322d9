import type { CollectionConfig } from 'payload'

import { addressField, coordinatesField, phonesField, websiteField } from '../fields/contact'
import { hoursExceptionsField, openingHoursField } from '../fields/hours'
import { organizationField, regionField } from '../fields/relations'
import { reviewField } from '../fields/review'
import { slugField } from '../fields/slug'
import { amenities, audiences, costKinds, serviceCategories, serviceStatuses } from '../options'
import { draftVersions } from './drafts'

/**
 * Shaped after Open Referral HSDS 3.0 (service, phone, service_at_location, schedule) so the
 * directory can be published as open data without a lossy mapping.
 */
export const Services: CollectionConfig = {
  slug: 'services',
  labels: { singular: '服务', plural: '服务' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'category', 'status', 'lastVerified', '_status'],
    group: '内容',
  },
  versions: draftVersions,
  fields: [
    { name: 'name', type: 'text', label: '服务名称', required: true },
    {
      type: 'row',
      fields: [
        { name: 'category', type: 'select', label: '服务类别', required: true, index: true, options: [...serviceCategories] },
        { name: 'status', type: 'select', label: '服务状态', required: true, defaultValue: 'active', options: [...serviceStatuses] },
      ],
    },
    { name: 'alert', type: 'textarea', label: '重要提示', admin: { description: '临时变动、暂停等，页面顶部醒目显示。' } },
    organizationField('provider', '提供单位'),
    { name: 'audiences', type: 'select', label: '服务对象', hasMany: true, options: [...audiences] },
    { name: 'summary', type: 'textarea', label: '服务简介' },
    { name: 'eligibility', type: 'text', label: '谁可以申请', admin: { description: '一句话说明，如：本区在职工会会员及其直系亲属。' } },
    {
      name: 'howToApply',
      type: 'array',
      label: '如何申请',
      labels: { singular: '步骤', plural: '步骤' },
      fields: [{ name: 'step', type: 'text', label: '步骤', required: true }],
    },
    {
      name: 'documents',
      type: 'array',
      label: '所需材料',
      labels: { singular: '材料', plural: '材料' },
      fields: [{ name: 'name', type: 'text', label: '材料', required: true }],
    },
    {
      name: 'cost',
      type: 'group',
      label: '费用',
      fields: [
        { name: 'kind', type: 'select', label: '收费方式', defaultValue: 'free', options: [...costKinds] },
        { name: 'note', type: 'text', label: '费用说明', admin: { placeholder: '如：会员凭会员码享 5 折' } },
      ],
    },
    phonesField(),
    websiteField(),
    {
      name: 'locations',
      type: 'array',
      label: '服务地点',
      labels: { singular: '地点', plural: '地点' },
      fields: [
        { name: 'name', type: 'text', label: '地点名称' },
        { ...addressField(), required: true },
        regionField('district', '所在区县'),
        coordinatesField(),
        openingHoursField(),
        hoursExceptionsField(),
        { name: 'amenities', type: 'select', label: '驿站设施', hasMany: true, options: [...amenities] },
      ],
    },
    { name: 'serviceArea', type: 'relationship', label: '服务范围', relationTo: 'regions', hasMany: true },
    { name: 'lastVerified', type: 'date', label: '最近核实日期', admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } } },
    reviewField(),
    slugField('name', undefined, ['rest-stations', 'category', 'district', 'audience', 'data']),
  ],
}
