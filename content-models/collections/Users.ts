import type { CollectionConfig } from 'payload'

import { roles } from '../options'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles'], group: '系统' },
  auth: {
    // No lock on the account: anyone could lock out the staff who publish. Guessing is
    // slowed per address and per account instead (cms/collections/Users/signInThrottle.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
  },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    {
      name: 'roles',
      type: 'select',
      label: '角色',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: [...roles],
      admin: { description: '编辑：撰写草稿；审核：发布与下线；管理员：管理用户。' },
    },
  ],
}
