import type { ArrayField, GroupField, TextField } from 'payload'

import { phoneKinds } from '../options'
import { validateLatitude, validateLongitude, validatePhone, validateUrl } from '../validate'

export const phoneField = (name = 'phone', label = '联系电话'): TextField => ({
  name,
  type: 'text',
  label,
  validate: validatePhone,
})

/**
 * Phones are a list because a service usually has a hotline plus a desk line, and workers
 * need each one's hours before they call.
 */
export const phonesField = (): ArrayField => ({
  name: 'phones',
  type: 'array',
  label: '电话',
  labels: { singular: '电话', plural: '电话' },
  fields: [
    {
      type: 'row',
      fields: [
        { ...phoneField('number', '号码'), required: true },
        { name: 'label', type: 'text', label: '说明', admin: { placeholder: '如：维权热线、服务窗口' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', label: '类型', options: [...phoneKinds], defaultValue: 'voice' },
        { name: 'hours', type: 'text', label: '接听时间', admin: { placeholder: '如：工作日 8:30-17:00；24 小时' } },
        { name: 'hotline', type: 'checkbox', label: '热线', defaultValue: false },
      ],
    },
  ],
})

/** WGS84 (GPS) coordinates; map deep links convert to GCJ-02 where a map app needs it. */
export const coordinatesField = (): GroupField => ({
  name: 'coordinates',
  type: 'group',
  label: '坐标（WGS84）',
  admin: { description: '可留空。纬度在前，如 30.2741，120.1551。' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'lat', type: 'number', label: '纬度', validate: validateLatitude },
        { name: 'lng', type: 'number', label: '经度', validate: validateLongitude },
      ],
    },
  ],
})

export const websiteField = (): TextField => ({
  name: 'website',
  type: 'text',
  label: '网站',
  validate: validateUrl,
})

export const addressField = (): TextField => ({ name: 'address', type: 'text', label: '地址' })
