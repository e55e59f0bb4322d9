import type { CollectionConfig } from 'payload'

import { addressField, phonesField, websiteField } from '../fields/contact'
import { regionField } from '../fields/relations'
import { slugField } from '../fields/slug'
import { organizationKinds } from '../options'

export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: '工会组织', plural: '工会组织' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'parent', 'region'], group: '基础数据' },
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true },
    { name: 'kind', type: 'select', label: '组织类型', required: true, options: [...organizationKinds] },
    { name: 'parent', type: 'relationship', label: '上级工会', relationTo: 'organizations' },
    regionField(),
    addressField(),
    phonesField(),
    websiteField(),
    {
      type: 'row',
      fields: [
        { name: 'memberCount', type: 'number', label: '会员人数', min: 0 },
        { name: 'enterpriseCount', type: 'number', label: '覆盖企业数', min: 0 },
      ],
    },
    slugField('name'),
  ],
}
