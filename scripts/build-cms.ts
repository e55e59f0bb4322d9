import './env'

import { childEnv } from '../content-models/settings'
import { ensureAdminBuild } from '../cms/adminBuild'
import { explain } from '../cms/errors'
import { resolveSecret } from '../cms/secret'

/** Compiles the admin for `NODE_ENV=production npm start` (a deploy step). */
try {
  await ensureAdminBuild((m) => console.log(`[build] ${m}`), childEnv({ PAYLOAD_SECRET: resolveSecret() }))
} catch (error) {
  console.error(`[build] ${explain(error)}`)
  process.exit(1)
}
