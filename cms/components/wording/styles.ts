import type React from 'react'

export const findingListStyle: React.CSSProperties = { listStyle: 'none', margin: '0.4rem 0 0', padding: 0 }

/** A warning, not an error: the colour Payload uses for warnings, with a bar to see it at a glance. */
export const findingStyle: React.CSSProperties = {
  borderLeft: '3px solid var(--theme-warning-500)',
  background: 'var(--theme-warning-100)',
  color: 'var(--theme-elevation-900)',
  padding: '0.3rem 0.6rem',
  marginBottom: '0.25rem',
  fontSize: '0.85rem',
  lineHeight: 1.5,
  overflowWrap: 'anywhere',
}
