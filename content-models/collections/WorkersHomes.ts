import type { CollectionConfig } from 'payload'

import { addressField, coordinatesField, phoneField } from '../fields/contact'
import { hoursExceptionsField, openingHoursField } from '../fields/hours'
import { organizationField, regionField } from '../fields/relations'
import { reviewField } from '../fields/review'
import { slugField } from '../fields/slug'
import { homeAwardLevels, homeFacilities } from '../options'
import { draftVersions } from './drafts'

export const WorkersHomes: CollectionConfig = {
  slug: 'workers-homes',
  labels: { singular: '职工之家', plural: '职工之家' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'awardLevel', 'yearAwarded', 'region', '_status'],
    group: '内容',
  },
  versions: draftVersions,
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true },
    organizationField(),
    {
      type: 'row',
      fields: [
        { name: 'awardLevel', type: 'select', label: '命名级别', required: true, options: [...homeAwardLevels] },
        { name: 'yearAwarded', type: 'number', label: '命名年份', min: 1950, max: 2100 },
        { name: 'awardingBody', type: 'text', label: '命名单位', admin: { placeholder: '如：中华全国总工会' } },
      ],
    },
    regionField(),
    addressField(),
    coordinatesField(),
    { name: 'facilities', type: 'select', label: '服务设施', hasMany: true, options: [...homeFacilities] },
    {
      type: 'row',
      fields: [
        { name: 'memberCount', type: 'number', label: '会员人数', min: 0 },
        { name: 'enterpriseCount', type: 'number', label: '覆盖企业数', min: 0 },
      ],
    },
    { name: 'description', type: 'richText', label: '简介' },
    { name: 'photos', type: 'upload', label: '照片', relationTo: 'media', hasMany: true },
    phoneField(),
    openingHoursField(),
    hoursExceptionsField(),
    reviewField(),
    slugField('name', undefined, ['level', 'year', 'region', 'data']),
  ],
}
