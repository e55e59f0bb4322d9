import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { settings, type Settings } from '../content-models/settings'

export const MIN_SECRET_LENGTH = 32

/**
 * Production must be given a strong PAYLOAD_SECRET. On a developer's machine one is generated
 * once and kept in the data folder, so sessions survive restarts without a built-in default.
 */
export const resolveSecret = (s: Pick<Settings, 'payloadSecret' | 'production' | 'dataDir'> = settings()): string => {
  const given = s.payloadSecret?.trim()
  if (given) {
    if (given.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `PAYLOAD_SECRET is too short (${given.length} characters): use at least ${MIN_SECRET_LENGTH} random characters, e.g. the output of "openssl rand -hex 32".`,
      )
    }
    return given
  }
  if (s.production) {
    throw new Error(
      'PAYLOAD_SECRET is not set: the CMS will not start in production without it. Set it to at least 32 random characters, e.g. "openssl rand -hex 32".',
    )
  }
  const file = path.join(s.dataDir, '.payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(s.dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
