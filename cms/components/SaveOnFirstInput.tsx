'use client'

import { useConfig, useDocumentInfo, useForm, useFormModified, useLocale } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

/** As long as autosave waits after a keystroke (content-models/collections/drafts.ts). */
const QUIET_MS = 2000

/**
 * On a 新建 form, saves the draft once staff have typed something, as autosave would; the
 * admin then moves to the document's own page, where Payload's autosave carries on. Opening
 * the form and leaving it saves nothing.
 */
export const SaveOnFirstInput = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const modified = useFormModified()
  const { submit } = useForm()
  const { code: locale } = useLocale()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const saved = useRef(false)

  useEffect(() => {
    if (id || !collectionSlug || !modified || saved.current) return
    const timer = setTimeout(() => {
      saved.current = true
      const search = new URLSearchParams({ depth: '0', draft: 'true', 'fallback-locale': 'null', ...(locale ? { locale } : {}) })
      void submit({ action: `${api}/${collectionSlug}?${search}`, method: 'POST', overrides: { _status: 'draft' }, skipValidation: true })
    }, QUIET_MS)
    return () => clearTimeout(timer)
  }, [id, collectionSlug, modified, submit, api, locale])
  return null
}
