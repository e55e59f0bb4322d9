import './env'

import { BackupError, checkBackup, restoreBackup } from '../cms/backup'
import { configuredMediaStore } from '../cms/media/store'

/**
 * Restores a folder written by `npm run backup` into an empty database (DATA_DIR / DATABASE_URI)
 * and media folder. Refuses, before writing anything, a damaged backup (every file's checksum is
 * checked before the database is even opened) and a database that already holds content.
 */
const source = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const say = (m: string) => console.log(`[restore] ${m}`)

if (source.length !== 1) {
  console.error('用法：npm run restore -- <备份文件夹>（写入 DATA_DIR 或 DATABASE_URI 指向的空数据库）')
  process.exit(2)
}

try {
  const started = Date.now()
  const backup = await checkBackup(source[0]!)
  const { manifest } = backup
  say(
    `备份时间 ${manifest.createdAt}，${manifest.collections.reduce((n, c) => n + c.documents, 0)} 条内容，员工账号${manifest.users === 'included' ? '已包含' : '未包含'}`,
  )
  const { openPayload } = await import('../cms/open')
  const payload = await openPayload()
  const result = await restoreBackup(payload, backup, { media: configuredMediaStore(), log: (m) => say(`  ${m}`) })
  await payload.destroy()
  say(
    `恢复完成：${result.documents} 条内容，${result.versions} 个版本，${result.mediaFiles} 个图片文件，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
  )
  const staff = manifest.collections.find((c) => c.slug === 'users')?.documents ?? 0
  say(
    staff > 0
      ? '运行 npm start 即可用原来的账号登录，网站会按恢复的内容重新生成。'
      : '备份里没有员工账号：设置 ADMIN_EMAIL 和 ADMIN_PASSWORD 后运行 npm start，或在管理后台创建第一个管理员。',
  )
  process.exit(0)
} catch (error) {
  console.error(
    `[restore] 恢复失败：${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exit(1)
}
