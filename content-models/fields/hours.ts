import type { ArrayField } from 'payload'

import { weekdays } from '../options'
import { validateTime } from '../validate'

export type WeekdaySet = Partial<Record<(typeof weekdays)[number]['value'], boolean>>

/** Converts a list of weekday keys to the stored checkbox group. */
export const weekdaySet = (days: readonly string[]): WeekdaySet =>
  Object.fromEntries(weekdays.map(({ value }) => [value, days.includes(value)]))

/**
 * Opening hours as weekday rules plus dated exceptions (holidays, closures), so the site can
 * answer "open now" instead of printing a sentence the worker has to interpret.
 */
export const openingHoursField = (): ArrayField => ({
  name: 'openingHours',
  type: 'array',
  label: '开放时间',
  labels: { singular: '时段', plural: '时段' },
  fields: [
    // A checkbox per weekday rather than a multi-select: Payload's SQLite adapter cannot
    // version a multi-select nested two arrays deep (service → location → hours).
    {
      name: 'days',
      type: 'group',
      label: '星期',
      fields: [
        {
          type: 'row',
          fields: weekdays.map(({ value, label }) => ({ name: value, type: 'checkbox' as const, label, defaultValue: false })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'allDay', type: 'checkbox', label: '24 小时', defaultValue: false },
        { name: 'opens', type: 'text', label: '开始', validate: validateTime, admin: { placeholder: '08:30' } },
        { name: 'closes', type: 'text', label: '结束', validate: validateTime, admin: { placeholder: '17:30' } },
      ],
    },
  ],
})

export const hoursExceptionsField = (): ArrayField => ({
  name: 'hoursExceptions',
  type: 'array',
  label: '特殊日期',
  labels: { singular: '特殊日期', plural: '特殊日期' },
  admin: { description: '节假日或临时调整，优先于常规开放时间。' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', label: '日期', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'closed', type: 'checkbox', label: '闭馆', defaultValue: true },
        { name: 'opens', type: 'text', label: '开始', validate: validateTime },
        { name: 'closes', type: 'text', label: '结束', validate: validateTime },
      ],
    },
    { name: 'note', type: 'text', label: '说明' },
  ],
})
