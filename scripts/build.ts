import './env'

import { ensureAdminBuild } from '../cms/adminBuild'

/** Compiles the admin for `NODE_ENV=production npm start` (a deploy step). */
await ensureAdminBuild((m) => console.log(`[build] ${m}`))
