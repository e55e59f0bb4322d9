import './env'

import path from 'node:path'
import { parseArgs } from 'node:util'

import { settings } from '../content-models/settings'

import { exportSnapshot, localSource, restSource } from '../cms/export'
import { configuredMediaStore } from '../cms/media/store'
import { explain } from '../cms/errors'

/**
 * Writes the published-content snapshot the site builds from. Reads the embedded database
 * in-process, or with --cms-url (or CMS_URL) a CMS elsewhere over REST.
 */
const { values } = parseArgs({
  options: {
    'cms-url': { type: 'string', default: settings().cmsUrl },
    out: { type: 'string', default: settings().snapshotDir },
  },
})

try {
  const started = Date.now()
  let source
  let close = async () => {}
  if (values['cms-url']) {
    source = restSource(values['cms-url'])
  } else {
    const { openPayload } = await import('../cms/open')
    const payload = await openPayload()
    source = localSource(payload, configuredMediaStore())
    close = () => payload.destroy()
  }
  const snapshot = await exportSnapshot(source, path.resolve(values.out!))
  await close()
  console.log(
    `[export] ${source.describe} → ${values.out}: ${snapshot.articles.length} 篇新闻、${snapshot.services.length} 项服务、${snapshot.workersHomes.length} 个职工之家、${snapshot.laborModels.length} 个劳模，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  )
  process.exit(0)
} catch (error) {
  console.error(`[export] 导出失败，原有快照保持不变：${explain(error)}`)
  process.exit(1)
}
