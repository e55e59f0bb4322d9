import fs from 'node:fs'
import path from 'node:path'
import type { CollectionConfig, Endpoint, PayloadRequest } from 'payload'

import { isReviewerUser } from '../../access/roles'
import { collectFiles } from '../files'
import { defaultImportLimits, type ImportLimits, messages, UploadRefused } from './limits'
import { deleteOutcomes } from './outcomePieces'
import { REPORT_MAX_CHARS, runBatch } from './runBatch'
import { defaultStagingDir, stageUpload, type Upload } from './staging'

export interface ImportBatchSettings {
  /** Where uploads wait between the dry run and the import (default `<DATA_DIR>/imports`). */
  stagingDir?: string
  limits?: Partial<ImportLimits>
}

const error = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

const stamp = (d = new Date()) => {
  const b = new Date(d.getTime() + 8 * 3600_000).toISOString()
  return `${b.slice(0, 10).replace(/-/g, '')}-${b.slice(11, 19).replace(/:/g, '')}`
}

/** Background runs still going in this process, so tests (and a shutdown) can wait for them. */
export const runningBatches = new Set<Promise<void>>()
const inBackground = (run: Promise<void>) => {
  const tracked = run.finally(() => runningBatches.delete(tracked))
  runningBatches.add(tracked)
}

/**
 * 导入旧网页: staff upload saved pages (.html/.htm/.txt) or a .zip of a saved site, see a dry
 * run, then import. Each upload is one batch document that keeps the counts and the report,
 * its pages' outcomes in `import-outcomes` (ImportOutcomes.ts). Editors import
 * drafts; publishing on import is for reviewers, as everywhere else. Documents are written
 * only by the two endpoints below, never through the REST create/update routes.
 */
export const createImportBatches = (settings: ImportBatchSettings = {}): CollectionConfig => {
  // Read when used: the data folder is the one this process was configured for by then.
  const stagingDir = () => settings.stagingDir ?? defaultStagingDir()
  const limits: ImportLimits = { ...defaultImportLimits, ...settings.limits }
  const folder = (id: number | string) => path.join(stagingDir(), String(id))

  const preview: Endpoint = {
    path: '/preview',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!req.user) return error('请先登录管理后台。', 401)
      const length = Number(req.headers.get('content-length') ?? 0)
      if (length > limits.maxUploadBytes + 64 * 1024) return error(messages.tooLarge(limits), 413)
      let uploads: Upload[]
      let name: string
      try {
        const form = await req.formData!()
        const files = form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f)
        uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
        name =
          String(form.get('batch') ?? '')
            .trim()
            .slice(0, 100) || `import-${stamp()}`
      } catch (cause) {
        req.payload.logger.warn({ err: cause, msg: 'import upload could not be read' })
        return error('上传内容无法读取：请用页面上的表单选择文件后再试。', 400)
      }
      if (uploads.length === 0) return error(messages.nothing, 400)

      const doc = await req.payload.create({
        collection: 'import-batches',
        data: { name, status: 'previewing', uploadedBy: req.user.id, pages: 0, done: 0 },
        overrideAccess: true,
      })
      let staged
      try {
        staged = await stageUpload(uploads, folder(doc.id), limits)
      } catch (cause) {
        await req.payload.delete({ collection: 'import-batches', id: doc.id, overrideAccess: true })
        if (cause instanceof UploadRefused) return error(cause.message, cause.status)
        throw new Error('import upload could not be staged', { cause })
      }
      await req.payload.update({
        collection: 'import-batches',
        id: doc.id,
        data: {
          pages: staged.pages.length,
          ignored: staged.ignored.join('\n') || undefined,
          renamed: staged.renamed.join('\n') || undefined,
        },
        overrideAccess: true,
      })
      const run = runBatch({
        payload: req.payload,
        id: doc.id,
        dir: staged.dir,
        pages: staged.pages,
        batch: name,
        dryRun: true,
        publish: false,
      })
      // A small upload is previewed while the request waits; a large one in the background.
      if (staged.pages.length <= limits.inlinePages) await run
      else inBackground(run)
      const result = await req.payload.findByID({ collection: 'import-batches', id: doc.id, overrideAccess: true })
      return Response.json({ doc: result }, { status: result.status === 'previewing' ? 202 : 200 })
    },
  }

  /** Starts a previewed batch's import: checks who may do what, marks it 导入中, runs it in the background. */
  const startRun = async (req: PayloadRequest, id: string): Promise<Response> => {
    if (!req.user) return error('请先登录管理后台。', 401)
    const body = (await req.json?.().catch(() => ({}))) as { publish?: unknown } | undefined
    const publish = body?.publish === true
    if (publish && !isReviewerUser(req.user))
      return error('只有审核人员可以在导入时直接发布；编辑导入的文章会保存为草稿，送审后再发布。', 403)
    const doc = await req.payload.findByID({ collection: 'import-batches', id, overrideAccess: true }).catch(() => undefined)
    if (!doc) return error('找不到这个导入批次。', 404)
    if (doc.status !== 'previewed')
      return error(`这个批次${doc.status === 'previewing' ? '还在试运行' : '已经导入过或已失败'}，不能再次导入。请重新上传文件。`, 409)
    const dir = folder(doc.id)
    const pages = fs.existsSync(path.join(dir, 'files')) ? collectFiles([path.join(dir, 'files')]).files : []
    if (pages.length === 0) return error(messages.expired(limits), 410)
    // The staging sweep goes by the folder's age: a run started now is not swept from under it.
    const now = new Date()
    await fs.promises.utimes(dir, now, now)
    await req.payload.update({
      collection: 'import-batches',
      id: doc.id,
      data: { status: 'running', publish, done: 0, startedAt: new Date().toISOString(), importedBy: req.user.id },
      overrideAccess: true,
    })
    inBackground(runBatch({ payload: req.payload, id: doc.id, dir, pages, batch: doc.name, dryRun: false, publish }))
    return Response.json({ doc: { ...doc, status: 'running', publish } }, { status: 202 })
  }

  // Batches whose run is being started: two quick clicks both read 已预览 before either wrote
  // 导入中, and a 5-page batch made 6 articles while the first run deleted the second's files.
  const starting = new Set<string>()
  const run: Endpoint = {
    path: '/:id/run',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const id = String(req.routeParams?.id ?? '')
      if (starting.has(id)) return error('这个批次正在开始导入，请不要重复点击。', 409)
      starting.add(id)
      try {
        return await startRun(req, id)
      } finally {
        starting.delete(id)
      }
    },
  }

  return {
    slug: 'import-batches',
    labels: { singular: '导入旧网页', plural: '导入旧网页' },
    admin: {
      useAsTitle: 'name',
      group: '内容',
      defaultColumns: ['name', 'status', 'pages', 'imported', 'duplicates', 'skipped', 'failed', 'createdAt'],
      description: '上传旧网站、论坛、公众号保存的网页（.html/.htm/.txt）或整站 .zip 压缩包，先试运行查看提取结果，再导入为新闻。',
      components: { beforeListTable: ['/importer/admin/ImportPanel#ImportPanel'] },
    },
    defaultSort: '-createdAt',
    access: {
      read: ({ req }) => Boolean(req.user),
      create: () => false,
      update: () => false,
      delete: ({ req }) => isReviewerUser(req.user),
    },
    endpoints: [preview, run],
    hooks: {
      // Its outcomes refer to the batch: removed first, in the same transaction.
      beforeDelete: [({ id, req }) => deleteOutcomes(req.payload, id, req)],
      afterDelete: [({ doc }) => fs.promises.rm(folder(doc.id), { recursive: true, force: true })],
    },
    fields: [
      { name: 'name', type: 'text', label: '批次名称', required: true },
      {
        name: 'status',
        type: 'select',
        label: '状态',
        required: true,
        options: [
          { value: 'previewing', label: '试运行中' },
          { value: 'previewed', label: '待确认导入' },
          { value: 'running', label: '导入中' },
          { value: 'done', label: '已完成' },
          { value: 'failed', label: '失败' },
        ],
      },
      { name: 'publish', type: 'checkbox', label: '导入时直接发布' },
      { name: 'uploadedBy', type: 'relationship', relationTo: 'users', label: '上传人' },
      { name: 'importedBy', type: 'relationship', relationTo: 'users', label: '导入人' },
      { name: 'pages', type: 'number', label: '页面数' },
      { name: 'done', type: 'number', label: '已处理' },
      {
        name: 'imported',
        type: 'number',
        label: '导入（或将导入）',
        admin: { components: { Cell: '/importer/admin/ImportedCell#ImportedCell' } },
      },
      { name: 'duplicates', type: 'number', label: '重复跳过' },
      {
        name: 'skipped',
        type: 'number',
        label: '非文章跳过',
        admin: { description: '整站存档里的列表页（首页、栏目、分页、标签、搜索）、打印版、手机版和续页，不作为文章导入。' },
      },
      { name: 'failed', type: 'number', label: '失败' },
      { name: 'ignored', type: 'textarea', label: '未处理的文件', admin: { description: '不是网页、也不是网页配图的上传文件。' } },
      {
        name: 'renamed',
        type: 'textarea',
        label: '同名文件',
        admin: { description: '这次上传里与其他文件同名的文件都已保留，后上传的一个改名保存，分别试运行和导入。' },
      },
      { name: 'report', type: 'textarea', label: '导入报告', maxLength: REPORT_MAX_CHARS },
      { name: 'error', type: 'textarea', label: '错误信息' },
      { name: 'startedAt', type: 'date', label: '开始导入', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'finishedAt', type: 'date', label: '完成时间', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  }
}

export const ImportBatches = createImportBatches()
