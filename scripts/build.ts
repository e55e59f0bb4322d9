import './env'

import { spawn } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { childEnv, settings } from '../content-models/settings'

import { explain } from '../cms/errors'
import { buildSite, goLive } from '../site/publish'

/**
 * Builds the public site: export the published content (`npm run export`: the embedded
 * database, or --cms-url / CMS_URL over REST), render it with Astro into a new folder while
 * the server and Pagefind indexes are built from the same snapshot, and only then swap it
 * live. Output: dist/live (a symlink) → dist/builds/<id>.
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
    // The export runs in a process of its own: Payload, the database and the snapshot it
    // holds (1 GiB at 10k articles) are gone before Astro and the search indexes start.
    const code = await new Promise<number | null>((resolve, reject) => {
      const args = ['--import', 'tsx', path.join(settings().rootDir, 'scripts', 'export.ts'), '--out', snapshotDir]
      if (values['cms-url']) args.push('--cms-url', values['cms-url'])
      const child = spawn(process.execPath, args, { stdio: 'inherit', env: childEnv() })
      child.on('error', reject)
      child.on('exit', resolve)
    })
    if (code !== 0) throw new Error(`the export failed (exit ${code}); nothing was built`)
  }
  const build = await buildSite({ snapshotDir, log: say })
  await goLive(build)
  say(`网站已生成并上线：${build.pages} 个页面，用时 ${build.seconds.toFixed(1)} 秒 → dist/live`)
  process.exit(0)
} catch (error) {
  console.error(`[build] 失败：${explain(error)}`)
  process.exit(1)
}
