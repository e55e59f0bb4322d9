import './env'

import { parseArgs } from 'node:util'

import { BackupError, writeBackup } from '../cms/backup'
import { configuredMediaStore } from '../cms/media/store'

/**
 * Writes everything the CMS holds into a new folder: every collection (staff accounts with
 * their password hashes unless --without-users), all versions, and the media files.
 * Safe while the server runs.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'without-users': { type: 'boolean', default: false } } })
const say = (m: string) => console.log(`[backup] ${m}`)

if (positionals.length !== 1) {
  console.error('用法：npm run backup -- <新的备份文件夹> [--without-users]')
  process.exit(2)
}

try {
  const started = Date.now()
  const { openPayload } = await import('../cms/open')
  const payload = await openPayload()
  const manifest = await writeBackup(payload, positionals[0]!, {
    media: configuredMediaStore(),
    users: !values['without-users'],
    log: (m) => say(`  ${m}`),
  })
  await payload.destroy()
  say(
    `备份完成：${positionals[0]}（${manifest.collections.reduce((n, c) => n + c.documents, 0)} 条内容，${manifest.media.length} 个图片文件），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  )
  if (manifest.users === 'included') say('备份含员工账号和密码哈希：请像保管数据库一样保管这个文件夹。')
  process.exit(0)
} catch (error) {
  console.error(
    `[backup] 备份失败：${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exit(1)
}
