'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Finding } from '../../wording/findings'

/** Wait this long after the last keystroke before asking: one request per pause, not per key. */
const QUIET_MS = 600

/**
 * The findings in `data` (part or all of the document in the form), asked of the server's
 * check (POST /api/wording-rules/check) a moment after staff stop typing. The server holds
 * the rules and the matcher; the browser sends only the text.
 */
export const useWordingCheck = (data: Record<string, unknown> | undefined): { findings: Finding[]; failed: boolean } => {
  const { collectionSlug } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [result, setResult] = useState<{ findings: Finding[]; failed: boolean }>({ findings: [], failed: false })
  const body = data && collectionSlug ? JSON.stringify({ collection: collectionSlug, data }) : undefined

  useEffect(() => {
    if (!body) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${api}/wording-rules/check`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body,
          signal: controller.signal,
        })
        if (!res.ok) throw new Error(`check answered ${res.status}`)
        setResult({ findings: ((await res.json()) as { findings: Finding[] }).findings, failed: false })
      } catch {
        if (!controller.signal.aborted) setResult((r) => ({ ...r, failed: true }))
      }
    }, QUIET_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, body])
  return result
}

/** The document shape the check expects for one field at `path` ("steps.0.step" → { steps: [{ step }] }). */
export const atPath = (path: string, value: unknown): Record<string, unknown> => {
  const parts = path.split('.')
  const root: Record<string, unknown> = {}
  let node: Record<string, unknown> | unknown[] = root
  parts.forEach((part, i) => {
    const last = i === parts.length - 1
    const child = last ? value : /^\d+$/.test(parts[i + 1]!) ? [] : {}
    ;(node as Record<string, unknown>)[part] = child
    if (!last) node = child as Record<string, unknown>
  })
  return root
}
