import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { reviewers, signedIn } from '../access'
import { checkEndpoint } from './endpoint'
import { ruleKinds, ruleTopics } from './kinds'

/** Who added a rule is the signed-in staff member, never what a request says. */
const stampAddedBy: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => ({
  ...data,
  find: typeof data.find === 'string' ? data.find.trim() : data.find,
  addedBy: operation === 'create' ? (req.user?.id ?? null) : (originalDoc?.addedBy ?? null),
})

/**
 * 规范用语: the rules the wording check applies (cms/wording/checker.ts). Reviewers and
 * administrators keep them; every signed-in staff member reads them, since editors see
 * their findings as they write. Each rule records who added it (addedBy) and when (createdAt).
 */
export const WordingRules: CollectionConfig = {
  slug: 'wording-rules',
  labels: { singular: '规范用语', plural: '规范用语' },
  admin: {
    useAsTitle: 'find',
    defaultColumns: ['find', 'suggestion', 'kind', 'topic', 'addedBy', 'createdAt'],
    listSearchableFields: ['find', 'suggestion', 'note'],
    group: '内容',
    description: '发布前检查的写法：正文、标题等出现左列的写法时，编辑时会提示，审核发布前要逐条确认。繁体写法会按简体比对。',
  },
  defaultSort: 'find',
  access: { read: signedIn, create: reviewers, update: reviewers, delete: reviewers },
  endpoints: [checkEndpoint],
  hooks: { beforeChange: [stampAddedBy] },
  fields: [
    { name: 'kind', type: 'select', label: '类型', required: true, defaultValue: 'wrong', options: [...ruleKinds] },
    {
      name: 'find',
      type: 'text',
      label: '错误写法 / 避免使用',
      required: true,
      unique: true,
      maxLength: 50,
      admin: { description: '要找出的写法，原样比对（不是通配符）。' },
    },
    { name: 'suggestion', type: 'text', label: '正确写法 / 建议用语', required: true, maxLength: 100 },
    { name: 'note', type: 'textarea', label: '说明', maxLength: 500, admin: { description: '提示中显示，说明为什么这样改。' } },
    { name: 'topic', type: 'select', label: '分类', defaultValue: 'other', options: [...ruleTopics] },
    {
      name: 'addedBy',
      type: 'relationship',
      label: '添加人',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
