import { APIError, type CollectionBeforeChangeHook, type JSONField } from 'payload'

import { isReviewerUser } from '../access/roles'
import { checkDocument } from './checker'
import { refusalMessage, type Confirmation, type Finding } from './findings'

const asConfirmations = (value: unknown): Confirmation[] =>
  Array.isArray(value) ? value.filter((c): c is Confirmation => typeof c?.key === 'string' && c.key.length <= 200).slice(0, 500) : []

/**
 * The refusal. Its name is spelled out: Payload answers with the message of an error that has
 * a name, and in the compiled admin the class name APIError sets is minified to nothing.
 */
export class WordingNotConfirmed extends APIError {
  constructor(open: Finding[]) {
    super(
      refusalMessage(open),
      400,
      { findings: open.map(({ key, path, found, suggestion, note }) => ({ key, path, found, suggestion, note })) },
      true,
    )
    this.name = 'WordingNotConfirmed'
  }
}

/**
 * The reviewer's confirmations of wording findings on this document. Shown and set in the
 * sidebar panel (cms/components/wording/WordingReview.tsx); kept in the document, so each
 * published version records what was confirmed, by whom and when. Staff only: the public
 * API never shows it.
 */
export const wordingConfirmationsField = (): JSONField => ({
  name: 'wordingConfirmations',
  type: 'json',
  label: '规范用语检查',
  access: { read: ({ req }) => Boolean(req.user) },
  admin: { position: 'sidebar', components: { Field: '/components/wording/WordingReview#WordingReview' } },
})

/**
 * A publish with wording findings no reviewer has confirmed is refused with a 400 naming
 * each finding and its suggestion — in the admin, over REST, from the Local API and from a
 * scheduled publish alike. A confirmation counts only when a reviewer (or a trusted Local API
 * call without a user) makes it; the server stamps who and when.
 */
export const wordingGate: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const before = asConfirmations(originalDoc?.wordingConfirmations)
  const known = new Map(before.map((c) => [c.key, c]))
  const mayConfirm = !req.user || isReviewerUser(req.user)
  const who = req.user ? String((req.user as { name?: string }).name || req.user.email || req.user.id) : '本地接口'
  const at = new Date().toISOString()
  const confirmations =
    data.wordingConfirmations === undefined
      ? before
      : asConfirmations(data.wordingConfirmations).flatMap((c): Confirmation[] => {
          const kept = known.get(c.key)
          if (kept) return [kept]
          if (!mayConfirm) return []
          return [
            { key: c.key, found: String(c.found ?? '').slice(0, 100), suggestion: String(c.suggestion ?? '').slice(0, 100), by: who, at },
          ]
        })
  const next = { ...data, wordingConfirmations: confirmations }
  // A plain update of a live document (no _status sent) changes what is live: checked too.
  if ((data._status ?? originalDoc?._status) !== 'published') return next

  const findings = await checkDocument(req.payload, collection.slug as never, { ...originalDoc, ...data }, req)
  const confirmed = new Set(confirmations.map((c) => c.key))
  const open = findings.filter((f) => !confirmed.has(f.key))
  if (open.length > 0) throw new WordingNotConfirmed(open)
  // The version records what was confirmed in this text, as the check found it.
  const byKey = new Map(findings.map((f) => [f.key, f]))
  return {
    ...next,
    wordingConfirmations: confirmations.flatMap((c) => {
      const f = byKey.get(c.key)
      return f ? [{ ...c, found: f.found, suggestion: f.suggestion }] : []
    }),
  }
}
