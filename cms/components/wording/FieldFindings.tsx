'use client'

import { useFormFields } from '@payloadcms/ui'
import React, { useMemo } from 'react'

import { describeFinding } from '../../wording/findings'
import { atPath, useWordingCheck } from './useWordingCheck'
import { findingListStyle, findingStyle } from './styles'

/**
 * Under a prose field: the wording findings in what is typed there, as it is typed. Nothing
 * at all when there are none, so a clean field looks as it always did.
 */
export const FieldFindings: React.FC<{ path: string }> = ({ path }) => {
  const value = useFormFields(([fields]) => fields[path]?.value)
  const data = useMemo(() => (value === undefined || value === null || value === '' ? undefined : atPath(path, value)), [path, value])
  const { findings } = useWordingCheck(data)
  const mine = data ? findings.filter((f) => f.path === path) : []
  if (mine.length === 0) return null
  return (
    <ul style={findingListStyle} aria-label="规范用语提示" data-wording-findings={path}>
      {mine.map((f) => (
        <li key={f.key} style={findingStyle}>
          {describeFinding(f).replace(/^「[^」]*」中的/, '')}
          {f.context && f.path !== 'title' ? <span style={{ opacity: 0.75, marginLeft: '0.5em' }}>……{f.context}……</span> : null}
        </li>
      ))}
    </ul>
  )
}
