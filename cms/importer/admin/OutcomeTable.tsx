'use client'

import { Button } from '@payloadcms/ui'
import React, { useEffect, useRef } from 'react'

/** A page's outcome as the import reports it (importArchive.ts `Outcome`), as JSON. */
export type Outcome =
  | {
      file: string
      status: 'imported' | 'would-import'
      title: string
      publishedAt?: string
      source?: string
      author?: string
      firstLines?: string
      draft: boolean
      note?: string
      missingImages?: string[]
      platform?: string
    }
  | { file: string; status: 'duplicate'; title: string; of: string }
  | { file: string; status: 'failed'; reason: string }
  | { file: string; status: 'skipped'; reason: string }

const cell: React.CSSProperties = {
  borderBottom: '1px solid var(--theme-elevation-100)',
  padding: '0.4rem 0.5rem',
  textAlign: 'left',
  verticalAlign: 'top',
}
const day = (iso?: string) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '无日期')
/** Buttons of the pager: one line under the table, at any width. */
const pager: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center', margin: '0.75rem 0 0' }

export interface OutcomeTableProps {
  outcomes: Outcome[]
  /** Place of the first row in the batch, from 0. */
  first: number
  page: number
  totalPages: number
  /** Pages in the batch. */
  total: number
  onPage: (page: number) => void
}

/**
 * One page of a batch's outcomes, a row per file, with a pager when the batch has more
 * (ImportOutcomes.ts: a stored piece per page, so a 20,000-page batch is read 200 rows at a time).
 */
export function OutcomeTable({ outcomes, first, page, totalPages, total, onPage }: OutcomeTableProps) {
  const region = useRef<HTMLDivElement>(null)
  const shown = useRef(first)
  useEffect(() => {
    // Another page of rows: the reader is taken to its first row, not left under its last.
    if (shown.current === first) return
    shown.current = first
    region.current?.focus({ preventScroll: true })
    region.current?.scrollIntoView({ block: 'start' })
  }, [first])
  const range = totalPages > 1 ? `（第 ${first + 1}–${first + outcomes.length} 个，共 ${total} 个）` : ''
  return (
    <>
      {/* On a phone the table scrolls sideways rather than squeezing each column to one character. */}
      <div ref={region} style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="提取结果（可左右滚动）">
        <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: 760 }}>
          <caption style={{ textAlign: 'left', fontWeight: 'bold', marginBottom: '0.5rem' }}>每个文件的提取结果{range}</caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>
                文件
              </th>
              <th scope="col" style={cell}>
                结果
              </th>
              <th scope="col" style={cell}>
                标题
              </th>
              <th scope="col" style={cell}>
                日期
              </th>
              <th scope="col" style={cell}>
                来源
              </th>
              <th scope="col" style={cell}>
                正文开头
              </th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.file}>
                <td style={cell}>{o.file}</td>
                {o.status === 'failed' ? (
                  <td style={cell} colSpan={5}>
                    失败：{o.reason}
                  </td>
                ) : o.status === 'skipped' ? (
                  <>
                    <td style={cell}>不是文章，跳过</td>
                    <td style={cell} colSpan={4}>
                      {o.reason}
                    </td>
                  </>
                ) : o.status === 'duplicate' ? (
                  <>
                    <td style={cell}>重复，跳过</td>
                    <td style={cell} colSpan={4}>
                      「{o.title}」与{o.of}重复
                    </td>
                  </>
                ) : (
                  <>
                    <td style={cell}>
                      {o.status === 'would-import' ? '将导入' : o.draft ? '已存为草稿' : '已发布'}
                      {o.note ? `（${o.note}）` : ''}
                      {o.missingImages?.length ? `；缺少图片 ${o.missingImages.length} 张` : ''}
                    </td>
                    <td style={cell}>{o.title}</td>
                    <td style={cell}>{day(o.publishedAt)}</td>
                    <td style={cell}>{o.source ?? ''}</td>
                    <td style={cell}>{o.firstLines ?? ''}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {totalPages > 1 && (
        <nav aria-label="提取结果分页" style={pager}>
          <Button buttonStyle="secondary" margin={false} disabled={page <= 1} onClick={() => onPage(page - 1)}>
            上一页
          </Button>
          <span>
            第 {page} 页，共 {totalPages} 页
          </span>
          <Button buttonStyle="secondary" margin={false} disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
            下一页
          </Button>
        </nav>
      )}
    </>
  )
}
