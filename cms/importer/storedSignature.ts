import type { JSONField } from 'payload'

import { nobodyField } from '../access'
import { richTextToText, type LexicalState } from '../export/richText'
import { bodySignature } from './dedupe'

/**
 * Every article keeps the signature its body is compared by for duplicates (dedupe.ts), made
 * when it is saved. An import reads these instead of every body: folding and signing 50k
 * bodies took over a minute at the start of each import, and more with each article added.
 */

/** Changes whenever `signature` or `comparable` would sign the same body differently; older values are signed again. */
const VERSION = 1

/** As stored: the signature's bytes in base64, or null for a body too short to compare. */
export interface StoredSignature {
  version: number
  minhash: string | null
}

const stored = (signature: Uint32Array | undefined): StoredSignature => ({
  version: VERSION,
  minhash: signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64') : null,
})

/** The body as the export reads it (whitespace aside, which `comparable` drops, the text new pages are signed from). */
export const storedBodyText = (body: unknown): string => richTextToText(body as LexicalState)

export const storedSignature = (body: unknown): StoredSignature => stored(bodySignature(storedBodyText(body)))

/** Where a save's `context` carries the signature of the body it writes, already made. */
const SIGNED_BODY = 'signedBody'

/**
 * The `context` of a save whose body the caller has already signed: the importer signs each
 * page on a parse thread, and signing it again in the hook was 40% of a create's time on the
 * server's event loop. The signature must be `bodySignature` of the saved body's text.
 */
export const signedBodyContext = (signature: Uint32Array | undefined) => ({ [SIGNED_BODY]: { signature } })

/**
 * The signature a stored value holds: `null` when the body is too short to compare, undefined
 * when the value is missing or from another version (the body must be signed again).
 */
export const readStoredSignature = (value: unknown): Uint32Array | null | undefined => {
  const stored = value as Partial<StoredSignature> | null | undefined
  if (stored?.version !== VERSION) return undefined
  if (stored.minhash === null) return null
  if (typeof stored.minhash !== 'string') return undefined
  const bytes = Buffer.from(stored.minhash, 'base64')
  // Copied out: a Uint32Array over Node's pooled buffer may sit at an unaligned offset.
  return bytes.length % 4 === 0 ? new Uint32Array(new Uint8Array(bytes).buffer) : undefined
}

/**
 * The field, hidden from staff and from the API: the CMS remakes it from the body at every save,
 * from the stored body when a save leaves the body out.
 */
export const duplicateSignatureField = (): JSONField => ({
  name: 'duplicateSignature',
  type: 'json',
  label: '查重指纹',
  admin: { hidden: true },
  access: { read: nobodyField, create: nobodyField, update: nobodyField },
  hooks: {
    beforeChange: [
      ({ siblingData, originalDoc, context }) => {
        if (!('body' in siblingData)) return storedSignature(originalDoc?.body)
        const signed = context[SIGNED_BODY] as { signature?: Uint32Array } | undefined
        return signed ? stored(signed.signature) : storedSignature(siblingData.body)
      },
    ],
  },
})
