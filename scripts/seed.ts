import './env'

import { openPayload } from '../cms/open'
import { seedSampleContent } from '../cms/seed'

/** Loads the sample content into the configured database; safe to run again. */
const payload = await openPayload()
const result = await seedSampleContent(payload, (m) => console.log(`[seed] 已载入${m}`))
console.log(`[seed] 完成：新建 ${result.created} 条，已存在跳过 ${result.skipped} 条`)
await payload.destroy()
process.exit(0)
