'use client'

import { useAllFormFields, useAuth, useField } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import React, { useMemo } from 'react'

import { describeFinding, type Confirmation } from '../../wording/findings'
import { findingListStyle, findingStyle } from './styles'
import { useWordingCheck } from './useWordingCheck'

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })

/**
 * The sidebar panel 规范用语检查: every finding in the document as it is in the form, and —
 * for reviewers — a box to confirm each one that is meant as written. The confirmations are
 * this field's value; the server stamps who confirmed and when, and refuses a publish while
 * any finding is unconfirmed (cms/wording/gate.ts).
 */
export const WordingReview: React.FC<{ path: string }> = ({ path }) => {
  const { value, setValue } = useField<Confirmation[] | null>({ path })
  const [fields] = useAllFormFields()
  const { user } = useAuth()
  const reviewer = Array.isArray(user?.roles) && user.roles.some((r: string) => r === 'reviewer' || r === 'admin')
  const data = useMemo(() => {
    const { [path]: _ignored, ...rest } = reduceFieldsToValues(fields, true) as Record<string, unknown>
    return rest
  }, [fields, path])
  const { findings, failed } = useWordingCheck(data)
  const confirmations = Array.isArray(value) ? value : []
  const confirmed = new Map(confirmations.map((c) => [c.key, c]))
  const open = findings.filter((f) => !confirmed.has(f.key)).length

  const toggle = (key: string, on: boolean) => {
    const finding = findings.find((f) => f.key === key)
    if (!finding) return
    setValue(
      on
        ? [...confirmations, { key, found: finding.found, suggestion: finding.suggestion, by: '', at: '' }]
        : confirmations.filter((c) => c.key !== key),
    )
  }

  return (
    <section aria-labelledby="wording-review-title" style={{ marginBottom: '1.5rem' }} data-wording-review>
      <h3 id="wording-review-title" style={{ margin: '0 0 0.5rem', fontSize: '1rem' }}>
        规范用语检查
      </h3>
      {failed && <p style={{ color: 'var(--theme-error-650)' }}>检查暂时无法完成，请稍后再试；发布时仍会检查。</p>}
      {!failed && findings.length === 0 && <p style={{ margin: 0 }}>未发现需要注意的写法。</p>}
      {findings.length > 0 && (
        <>
          <p style={{ margin: '0 0 0.5rem' }}>
            共 {findings.length} 处，{open > 0 ? <strong>{open} 处未确认</strong> : '均已确认'}。
            {open === 0 ? '' : reviewer ? '请修改；确需保留的，勾选“确认保留”后再发布。' : '请修改；确需保留的，由审核人员发布前确认。'}
          </p>
          <ul style={findingListStyle}>
            {findings.map((f) => {
              const c = confirmed.get(f.key)
              return (
                <li
                  key={f.key}
                  style={{ ...findingStyle, ...(c ? { borderLeftColor: 'var(--theme-success-500)', background: 'transparent' } : {}) }}
                >
                  <div>{describeFinding(f)}</div>
                  {f.context && <div style={{ opacity: 0.75 }}>……{f.context}……</div>}
                  {reviewer ? (
                    <label style={{ display: 'flex', gap: '0.4rem', alignItems: 'center', marginTop: '0.25rem' }}>
                      <input type="checkbox" checked={Boolean(c)} onChange={(e) => toggle(f.key, e.target.checked)} />
                      确认保留{c?.by ? `（${c.by}，${when(c.at)}）` : ''}
                    </label>
                  ) : (
                    c?.by && (
                      <div>
                        已由 {c.by} 确认（{when(c.at)}）
                      </div>
                    )
                  )}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
