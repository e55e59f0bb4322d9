'use client'

import { Button, useAuth } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'

import { batchArticlesUrl } from './batchArticles'
import { outcomePagePath, polledBatchPath } from './batchUrls'
import { type Outcome, OutcomeTable } from './OutcomeTable'

interface Batch {
  id: number | string
  name: string
  status: 'previewing' | 'previewed' | 'running' | 'done' | 'failed'
  publish?: boolean
  pages?: number
  done?: number
  imported?: number
  duplicates?: number
  skipped?: number
  failed?: number
  ignored?: string
  renamed?: string
  error?: string
}

/** One page of the table: a stored piece of the batch's outcomes (ImportOutcomes.ts). */
interface OutcomePage {
  first: number
  outcomes: Outcome[]
  page: number
  totalPages: number
}

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1.5rem',
}
/** Paragraphs inside the panel: the admin's stylesheet gives them no margin of their own. */
const para: React.CSSProperties = { margin: '0 0 0.75rem' }
/** The admin's text input look, for the one plain input here. */
const textInput: React.CSSProperties = {
  display: 'block',
  marginTop: '0.25rem',
  minHeight: '2.5rem',
  padding: '0.5rem 0.75rem',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s, 3px)',
  background: 'var(--theme-input-bg, var(--theme-elevation-0))',
  color: 'var(--theme-text)',
  font: 'inherit',
}
/** Out of sight but still in the form and reachable by its label. */
const visuallyHidden: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
}
/** Payload's error-500 is 4.1:1 on white; 650 reads at 7:1 there and is light on the dark theme. */
const errorText: React.CSSProperties = { ...para, color: 'var(--theme-error-650)', fontWeight: 600 }
const statusText: Record<Batch['status'], string> = {
  previewing: '正在试运行…',
  previewed: '试运行完成，尚未写入任何内容',
  running: '正在导入…',
  done: '导入完成',
  failed: '导入失败',
}

const messageOf = async (res: Response) => {
  const body = (await res.json().catch(() => undefined)) as { errors?: { message?: string }[] } | undefined
  return body?.errors?.[0]?.message ?? `请求失败（${res.status}）`
}

/**
 * 导入旧网页, above the list of import batches: upload pages or a zip, read the dry run, then
 * import as drafts (anyone on staff) or published (reviewers). Works on the REST endpoints
 * of `import-batches`; the batch document keeps the report.
 */
export function ImportPanel() {
  const { user } = useAuth()
  const router = useRouter()
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[]
  const mayPublish = roles.includes('reviewer') || roles.includes('admin')
  const [batch, setBatch] = useState<Batch | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [chosen, setChosen] = useState<string[]>([])
  const [table, setTable] = useState<OutcomePage | undefined>()
  const fileInput = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  /** Reads one page of a finished batch's outcomes: only what the table shows. */
  const showPage = async (id: Batch['id'], page: number) => {
    const res = await fetch(`/api${outcomePagePath(id, page)}`, { credentials: 'include' })
    if (!res.ok) return setError(await messageOf(res))
    const found = (await res.json()) as { docs: { first: number; outcomes: Outcome[] }[]; page: number; totalPages: number }
    const piece = found.docs[0]
    setTable(piece ? { first: piece.first, outcomes: piece.outcomes, page: found.page, totalPages: found.totalPages } : undefined)
  }

  /**
   * A finished batch's first page of outcomes is read before its status says it is finished, so
   * the status and the table arrive together: whoever hears 试运行完成 and goes to the table
   * finds it there.
   */
  const settled = async (doc: Batch) => {
    if (doc.status === 'previewed' || doc.status === 'done') await showPage(doc.id, 1)
    setBatch(doc)
    // The batch list below is rendered on the server; show the new or finished batch in it.
    router.refresh()
  }

  const poll = (id: Batch['id']) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(async () => {
      const res = await fetch(`/api${polledBatchPath(id)}`, { credentials: 'include' })
      if (!res.ok) return setError(await messageOf(res))
      const doc = (await res.json()) as Batch
      if (doc.status === 'previewing' || doc.status === 'running') {
        setBatch(doc)
        poll(id)
      } else await settled(doc)
    }, 1000)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  const upload = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setError(undefined)
    setBatch(undefined)
    setTable(undefined)
    if (!fileInput.current?.files?.length) {
      setError('请先点“选择文件…”，选好要上传的网页或压缩包。')
      document.getElementById('import-choose')?.focus()
      return
    }
    setBusy(true)
    try {
      const res = await fetch('/api/import-batches/preview', {
        method: 'POST',
        body: new FormData(event.currentTarget),
        credentials: 'include',
      })
      if (!res.ok) return setError(await messageOf(res))
      const { doc } = (await res.json()) as { doc: Batch }
      if (doc.status === 'previewing') {
        setBatch(doc)
        poll(doc.id)
      } else await settled(doc)
    } finally {
      setBusy(false)
    }
  }

  const run = async (publish: boolean) => {
    if (!batch) return
    setError(undefined)
    const res = await fetch(`/api/import-batches/${batch.id}/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ publish }),
      credentials: 'include',
    })
    if (!res.ok) return setError(await messageOf(res))
    setBatch({ ...batch, status: 'running', publish, done: 0 })
    setTable(undefined)
    poll(batch.id)
  }

  const finished = batch?.status === 'previewed' || batch?.status === 'done'
  return (
    <section style={box} aria-labelledby="import-title">
      <h2 id="import-title" style={{ margin: '0 0 0.75rem' }}>
        上传网页并试运行
      </h2>
      <form onSubmit={upload}>
        <p style={para} id="import-hint">
          选择旧网站、论坛或公众号保存下来的网页（.html、.htm、.txt），或把整个存档打成一个 .zip 压缩包上传。“网页，全部”保存的配图文件夹（
          <code>名称_files</code>
          ）请一起打包，图片会一并导入。整站存档里的首页、栏目和分页列表、标签和搜索页、打印版和手机版会自动识别并跳过，每篇文章只导入一次。
        </p>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'end', marginBottom: '1rem' }}>
          {/* The browser's own file button speaks the browser's language; this one is always Chinese, as Payload's upload field is. */}
          <div>
            <label htmlFor="import-files">网页文件或压缩包</label>
            <input
              id="import-files"
              ref={fileInput}
              type="file"
              name="files"
              multiple
              accept=".html,.htm,.txt,.zip"
              tabIndex={-1}
              aria-describedby="import-hint import-chosen"
              style={visuallyHidden}
              onChange={(e) => setChosen(Array.from(e.currentTarget.files ?? [], (f) => f.name))}
            />
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center', marginTop: '0.25rem' }}>
              <Button
                id="import-choose"
                buttonStyle="secondary"
                margin={false}
                onClick={() => fileInput.current?.click()}
                extraButtonProps={{ 'aria-describedby': 'import-chosen' }}
              >
                选择文件…
              </Button>
              <span id="import-chosen">{chosen.length ? `已选 ${chosen.length} 个：${chosen.join('、')}` : '未选择文件'}</span>
            </div>
          </div>
          <div>
            <label htmlFor="import-batch-name">批次名称（可不填）</label>
            <input id="import-batch-name" type="text" name="batch" maxLength={100} placeholder="如：旧门户-2015" style={textInput} />
          </div>
          <Button type="submit" buttonStyle="secondary" disabled={busy} margin={false}>
            {busy ? '正在上传…' : '试运行（不写入）'}
          </Button>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {error && <p style={errorText}>{error}</p>}
        {batch && (
          <p style={para}>
            批次“{batch.name}”：{statusText[batch.status]}
            {(batch.status === 'previewing' || batch.status === 'running') && batch.pages ? (
              <>
                {' '}
                <progress max={batch.pages} value={batch.done ?? 0} aria-label="导入进度" /> {batch.done ?? 0}/{batch.pages} 篇
              </>
            ) : null}
            {batch.status === 'failed' && batch.error ? `：${batch.error}` : null}
          </p>
        )}
      </div>

      {batch && finished && (
        <>
          <p style={para}>
            {batch.status === 'done' ? '已导入' : '将导入'} {batch.imported ?? 0} 篇，重复跳过 {batch.duplicates ?? 0} 篇，
            {batch.skipped ? `列表页、打印版等非文章页面跳过 ${batch.skipped} 页，` : ''}失败 {batch.failed ?? 0} 个
            {batch.ignored ? `；未处理的文件：${batch.ignored.split('\n').join('、')}` : ''}
            {batch.renamed ? `；同名文件已分别保留：${batch.renamed.split('\n').join('、')}` : ''}。
          </p>
          {table && (
            <OutcomeTable
              outcomes={table.outcomes}
              first={table.first}
              page={table.page}
              totalPages={table.totalPages}
              total={batch.pages ?? table.outcomes.length}
              onPage={(page) => void showPage(batch.id, page)}
            />
          )}
          {batch.status === 'done' && (batch.imported ?? 0) > 0 && (
            <p style={{ ...para, marginTop: '1rem' }}>
              <a href={batchArticlesUrl(batch.name)}>在新闻列表中查看本批次导入的 {batch.imported} 篇文章</a>
              {batch.publish ? '' : mayPublish ? '：全选后可批量发布。' : '：检查后送审核人员发布。'}
            </p>
          )}
          {batch.status === 'previewed' && (batch.imported ?? 0) > 0 && (
            <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', margin: '1rem 0 0' }}>
              <Button buttonStyle="primary" onClick={() => run(false)} margin={false}>
                导入为草稿
              </Button>
              {mayPublish && (
                <Button buttonStyle="secondary" onClick={() => run(true)} margin={false}>
                  导入并发布
                </Button>
              )}
            </p>
          )}
        </>
      )}
    </section>
  )
}
