import './env'

import path from 'node:path'
import { parseArgs } from 'node:util'

import { settings } from '../content-models/settings'

import { exportSnapshot, localSource, restSource } from '../cms/export'
import { configuredMediaStore } from '../cms/media/store'
import { explain } from '../cms/errors'
import { buildSite, goLive } from '../site/publish'

/**
 * Builds the public site: export the published content (embedded database in-process, or
 * --cms-url / CMS_URL over REST), render it with Astro into a new folder, index it with
 * Pagefind, and only then swap it live. Output: dist/live (a symlink) → dist/builds/<id>.
 */
const { values } = parseArgs({
  options: {
    'cms-url': { type: 'string', default: settings().cmsUrl },
    snapshot: { type: 'string', default: settings().snapshotDir },
    'skip-export': { type: 'boolean', default: false },
  },
})
const say = (m: string) => console.log(`[build] ${m}`)

try {
  const snapshotDir = path.resolve(values.snapshot!)
  if (!values['skip-export']) {
    let close = async () => {}
    let source
    if (values['cms-url']) source = restSource(values['cms-url'])
    else {
      const payload = await (await import('../cms/open')).openPayload()
      source = localSource(payload, configuredMediaStore())
      close = () => payload.destroy()
    }
    const snapshot = await exportSnapshot(source, snapshotDir)
    await close()
    say(`已导出已发布内容（${source.describe}）：新闻 ${snapshot.articles.length} 篇，服务 ${snapshot.services.length} 项`)
  }
  const build = await buildSite({ snapshotDir, log: say })
  await goLive(build)
  say(`网站已生成并上线：${build.pages} 个页面，用时 ${build.seconds.toFixed(1)} 秒 → dist/live`)
  process.exit(0)
} catch (error) {
  console.error(`[build] 失败：${explain(error)}`)
  process.exit(1)
}
