import type { SelectField } from 'payload'

import { reviewStates } from '../options'

/**
 * Where a draft is in review. Editors move it to 待审核 when it is ready; reviewers see
 * that queue on the dashboard and publish (which marks it 已通过) or send it back.
 */
export const reviewField = (): SelectField => ({
  name: 'reviewState',
  type: 'select',
  label: '审核状态',
  defaultValue: 'writing',
  index: true,
  options: [...reviewStates],
  admin: {
    position: 'sidebar',
    description: '写完后选“待审核”并保存，审核人员会在首页看到并发布。',
  },
})
