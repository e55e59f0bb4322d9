import type { CollectionConfig } from 'payload'

import { hasRole } from '../access/roles'

/**
 * One record per site rebuild, so staff can see in the admin whether their publish is live
 * and, if a build failed, why. Written only by the server itself.
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: { singular: '网站生成记录', plural: '网站生成记录' },
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['status', 'mode', 'reason', 'startedAt', 'seconds', 'pages', 'error'],
    group: '系统',
    description: '每次发布、下线或删除公开内容后，网站会自动重新生成。失败时原网站保持不变，原因见“错误信息”。',
  },
  defaultSort: '-startedAt',
  access: {
    read: ({ req }) => Boolean(req.user),
    create: () => false,
    update: () => false,
    delete: ({ req }) => hasRole(req.user, 'admin'),
  },
  fields: [
    {
      name: 'status',
      type: 'select',
      label: '状态',
      required: true,
      options: [
        { value: 'running', label: '生成中' },
        { value: 'succeeded', label: '已上线' },
        { value: 'failed', label: '失败' },
      ],
    },
    {
      name: 'mode',
      type: 'select',
      label: '方式',
      options: [
        { value: 'incremental', label: '增量更新' },
        { value: 'full', label: '整站生成' },
      ],
    },
    { name: 'reason', type: 'text', label: '触发原因' },
    { name: 'startedAt', type: 'date', label: '开始时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', label: '完成时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'seconds', type: 'number', label: '用时（秒）' },
    { name: 'pages', type: 'number', label: '页面数' },
    { name: 'error', type: 'textarea', label: '错误信息' },
  ],
}
