import type { Payload } from 'payload'
import React from 'react'

import { settings } from '../../content-models/settings'
import { OverdueSchedules } from './OverdueSchedules'

const queues = [
  { slug: 'articles', label: '新闻' },
  { slug: 'workers-homes', label: '职工之家' },
  { slug: 'labor-models', label: '劳模' },
  { slug: 'services', label: '服务' },
] as const

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1.5rem',
}
const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '')

/**
 * The dashboard's first panel: scheduled publishes that did not go out, what waits for
 * review, and whether the last publish made it to the public site (with the reason when it
 * did not).
 */
export async function Dashboard({ payload }: { payload: Payload }) {
  // Review states live on the latest draft, which a draft save keeps in the versions table.
  const inState = async (collection: (typeof queues)[number]['slug'], state: string) =>
    (await payload.find({ collection, draft: true, where: { reviewState: { equals: state } }, limit: 1, depth: 0 })).totalDocs
  const waiting = await Promise.all(
    queues.map(async (q) => ({ ...q, submitted: await inState(q.slug, 'submitted'), returned: await inState(q.slug, 'returned') })),
  )
  const { docs: builds } = await payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0 })
  const last = builds[0]
  const { siteUrl } = settings()
  return (
    <div>
      <OverdueSchedules payload={payload} box={box} />
      <section style={box} aria-labelledby="review-queue-title">
        <h2 id="review-queue-title" style={{ marginTop: 0 }}>
          待审核
        </h2>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: '1.5rem' }}>
          {waiting.map((q) => (
            <li key={q.slug}>
              <a href={`/admin/collections/${q.slug}?where[reviewState][equals]=submitted`}>
                {q.label}：<strong>{q.submitted}</strong> 篇待审核
              </a>
              {q.returned > 0 && (
                <>
                  {' · '}
                  <a href={`/admin/collections/${q.slug}?where[reviewState][equals]=returned`}>{q.returned} 篇退回修改</a>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section style={box} aria-labelledby="site-build-title">
        <h2 id="site-build-title" style={{ marginTop: 0 }}>
          公众网站
        </h2>
        {!last && (
          <p>
            发布内容后，网站会自动重新生成。<a href={siteUrl}>打开网站</a>
          </p>
        )}
        {last?.status === 'running' && (
          <p>
            正在生成（{last.reason}），开始于 {when(last.startedAt)}。
          </p>
        )}
        {last?.status === 'succeeded' && (
          <p>
            最近一次已上线：{when(last.finishedAt)}，{last.pages} 个页面，用时 {last.seconds?.toFixed(1)} 秒（{last.reason}）。{' '}
            <a href={siteUrl}>打开网站</a>
          </p>
        )}
        {last?.status === 'failed' && (
          <div role="alert">
            <p style={{ color: 'var(--theme-error-650)' }}>
              <strong>最近一次生成失败</strong>（{when(last.finishedAt)}，{last.reason}）。线上网站仍是上一次成功的版本。
            </p>
            <pre style={{ whiteSpace: 'pre-wrap', maxHeight: '12rem', overflow: 'auto' }}>{last.error}</pre>
          </div>
        )}
        <p style={{ marginBottom: 0 }}>
          <a href="/admin/collections/site-builds">全部生成记录</a>
        </p>
      </section>
    </div>
  )
}
