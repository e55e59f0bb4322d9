import type { Payload } from 'payload'
import React from 'react'

import { overdueSchedules } from '../scheduling/overdue'

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })

/**
 * The dashboard's notice of scheduled publishes that did not go out: past their time, not
 * live, each with the reason (cms/scheduling/overdue.ts). Nothing is shown while there are none.
 */
export async function OverdueSchedules({ payload, box }: { payload: Payload; box: React.CSSProperties }) {
  const overdue = await overdueSchedules(payload)
  if (overdue.length === 0) return null
  return (
    <section style={{ ...box, borderColor: 'var(--theme-error-500)' }} aria-labelledby="overdue-schedules-title" role="alert">
      <h2 id="overdue-schedules-title" style={{ marginTop: 0 }}>
        定时发布未成功（{overdue.length}）
      </h2>
      <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
        {overdue.map((o) => (
          <li key={`${o.collection}:${o.id}:${o.at}`} style={{ marginBottom: '0.5rem', overflowWrap: 'anywhere' }}>
            <a href={`/admin/collections/${o.collection}/${o.id}`}>{o.title}</a>：原定 {when(o.at)} 发布，仍未上线。
            <div style={{ whiteSpace: 'pre-wrap', color: 'var(--theme-elevation-800)' }}>{o.reason}</div>
          </li>
        ))}
      </ul>
      <p style={{ marginBottom: 0 }}>处理后可在文章页重新设置定时发布，或由审核人员直接发布。</p>
    </section>
  )
}
