import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { importArchive, type ImportSummary, type Outcome } from '../importArchive'
import { writeOutcomes } from './outcomePieces'

/** Progress is written at most this often, so a large batch does not spend its time on it. */
const PROGRESS_EVERY_MS = 1000

const day = (iso?: string) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '无日期')

/** One line per page, as the command line prints it, for the batch's report field. */
export const reportLine = (o: Outcome): string => {
  if (o.status === 'failed') return `✗ ${o.file}：${o.reason}`
  if (o.status === 'duplicate') return `= ${o.file}：「${o.title}」重复，见${o.of}`
  if (o.status === 'skipped') return `- ${o.file}：跳过，${o.reason}`
  const missing = o.missingImages?.length ? `；缺少图片 ${o.missingImages.length} 张：${o.missingImages.join('、')}` : ''
  const state = o.status === 'would-import' ? '将导入' : o.draft ? '草稿' : '已发布'
  return `✓ ${o.file}：「${o.title}」${day(o.publishedAt)}${o.source ? ` · ${o.source}` : ''} · ${state}${o.note ? `（${o.note}）` : ''}${missing}`
}

/**
 * Characters of the readable report: Payload refuses a text over 40,000 by default, which a
 * saved site of a few hundred pages passes (a batch failed with 下面的字段是无效的：导入报告). Past
 * this, the report stops with a line saying how many pages it leaves to the table above it,
 * which lists every page from `import-outcomes`.
 */
export const REPORT_MAX_CHARS = 200_000

export const reportText = (outcomes: Outcome[]): string => {
  const lines: string[] = []
  let length = 0
  for (const [i, o] of outcomes.entries()) {
    const line = reportLine(o)
    if (length + line.length + 1 > REPORT_MAX_CHARS - 100) {
      lines.push(`……另有 ${outcomes.length - i} 页未在此列出，见上方的提取结果表格。`)
      break
    }
    lines.push(line)
    length += line.length + 1
  }
  return lines.join('\n')
}

const relative = (dir: string, outcomes: Outcome[]) => outcomes.map((o) => ({ ...o, file: path.relative(dir, o.file) || o.file }))

export interface RunOptions {
  payload: Payload
  id: number | string
  /** The batch's folder; its `files/` holds the pages. */
  dir: string
  pages: string[]
  batch: string
  dryRun: boolean
  publish: boolean
}

/**
 * Runs a batch (dry run or import) and records the result on its `import-batches`
 * document: progress while it runs, the counts and a readable report at the end, and every
 * page's outcome in `import-outcomes` (replacing the dry run's),
 * the error if it fails. After a real import the uploaded files are removed; the report
 * stays in the CMS.
 */
export const runBatch = async ({ payload, id, dir, pages, batch, dryRun, publish }: RunOptions): Promise<void> => {
  const files = path.join(dir, 'files')
  let last = 0
  const update = (data: Record<string, unknown>) =>
    payload.update({ collection: 'import-batches', id, data, overrideAccess: true, context: { importing: true } })
  let pending: Promise<unknown> = Promise.resolve()
  try {
    const summary: ImportSummary = await importArchive(payload, pages, {
      batch,
      dryRun,
      publish,
      // Pages are named (and, when they name no address, recorded) by their place in the upload.
      root: files,
      onProgress: (done) => {
        const now = Date.now()
        if (now - last < PROGRESS_EVERY_MS) return
        last = now
        pending = pending.then(() => update({ done }).catch(() => undefined))
      },
    })
    await pending
    const outcomes = relative(files, summary.outcomes)
    // In pieces, each saved in a task of its own, before the batch says it is finished.
    await writeOutcomes(payload, id, outcomes)
    // The upload goes before the batch says it is done: whoever sees 'done' sees it gone.
    if (!dryRun) await fs.promises.rm(dir, { recursive: true, force: true })
    await update({
      status: dryRun ? 'previewed' : 'done',
      done: pages.length,
      imported: summary.imported,
      duplicates: summary.duplicates,
      skipped: summary.skipped,
      failed: summary.failed,
      report: reportText(outcomes),
      finishedAt: dryRun ? undefined : new Date().toISOString(),
    })
  } catch (error) {
    await pending
    await update({
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date().toISOString(),
    }).catch((cause: unknown) => payload.logger.error({ err: cause, msg: `import batch ${id}: could not record its failure` }))
  } finally {
    if (!dryRun) await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
