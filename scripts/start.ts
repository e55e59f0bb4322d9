import './env'

import type { Payload } from 'payload'

import { childEnv, settings } from '../content-models/settings'

import { adminBuildIsCurrent, ensureAdminBuild, runNext } from '../cms/adminBuild'
import { exportSnapshot, localSource } from '../cms/export'
import { configuredMediaStore } from '../cms/media/store'
import { resolveSecret } from '../cms/secret'
import { explain } from '../cms/errors'
import { buildSite, goLive } from '../site/publish'
import { serveSite } from '../site/serve'

/**
 * The main job. Prepares the database in-process (migrations, first admin, sample content),
 * builds the public site from what is published and serves it, compiles the admin if its
 * sources changed, then serves the admin. `--dev` serves Next.js in development mode instead
 * (pages compile on first visit, code changes reload).
 */
const dev = process.argv.includes('--dev')
const { port, sitePort } = settings()
const say = (message: string) => console.log(`[start] ${message}`)

const prepare = async () => {
  // This short-lived instance must not run the jobs queue (openPayload sees to it); the server does.
  const { openPayload } = await import('../cms/open')
  const { createFirstAdmin } = await import('../cms/firstAdmin')
  const { seedSampleContent } = await import('../cms/seed')
  const { databaseKind, sqliteUrl, writesAreAtomic } = await import('../cms/database')

  const { databaseUri } = settings()
  const kind = databaseKind(databaseUri)
  say(`数据库：${kind === 'mongodb' ? 'MongoDB' : `SQLite（${sqliteUrl(databaseUri).replace(/^file:/, '')}）`}，正在检查表结构…`)
  const payload = await openPayload()
  if (writesAreAtomic(payload)) say('写入：事务（发布与其建站排队一同提交）')
  else if (kind === 'sqlite')
    say('写入：逐条提交（SQLite 不使用事务）：发布与其建站排队是两次写入，进程在两者之间退出时，网站要到下次发布或重新启动才会更新。')
  else
    say(
      '注意：MongoDB 不是以副本集连接的（DATABASE_URI 中没有 replicaSet=…），写入不使用事务：发布与其建站排队是两次写入，进程在两者之间退出时，网站要到下次发布或重新启动才会更新。生产环境请使用副本集（单节点也可以）。',
    )

  const admin = await createFirstAdmin(payload)
  if (admin === 'created') say(`已创建管理员账号 ${settings().firstAdmin.email}`)
  if (admin === 'not-configured') say('尚无用户：打开管理后台后按提示创建第一个管理员账号。')

  const isEmpty = async () =>
    (await payload.count({ collection: 'articles' })).totalDocs === 0 && (await payload.count({ collection: 'regions' })).totalDocs === 0
  if (settings().seedSampleContent && (await isEmpty())) {
    say('空数据库：正在载入示例内容…')
    const started = Date.now()
    const result = await seedSampleContent(payload, (m) => say(`  已载入${m}`))
    say(`示例内容载入完成：新建 ${result.created} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  }
  const { seedWordingRules } = await import('../cms/wording/seed')
  const rules = await seedWordingRules(payload)
  if (rules > 0) say(`已载入规范用语检查的初始规则 ${rules} 条（管理后台 › 内容 › 规范用语）`)
  say('正在生成公众网站…')
  const build = await buildSite({ snapshotDir: await exportPublished(payload) })
  await goLive(build, settings().distDir)
  say(`网站已生成：${build.pages} 个页面，用时 ${build.seconds.toFixed(1)} 秒`)
  await payload.destroy()
}

const exportPublished = async (payload: Payload) => {
  const dir = settings().snapshotDir
  await exportSnapshot(localSource(payload, configuredMediaStore()), dir)
  return dir
}

/** Asks for the admin once so the first page view is not the one that waits. */
const announceWhenReady = async () => {
  const url = `http://localhost:${port}/admin`
  const deadline = Date.now() + 5 * 60_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(120_000) })
      if (res.status < 500) {
        say(`就绪 ✔  网站：http://localhost:${sitePort}/`)
        say(`        管理后台：${url}`)
        say(`        内容接口：http://localhost:${port}/api/articles`)
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  say(`管理后台仍未响应，请查看上方日志。地址：${url}`)
}

try {
  // Next.js always runs with NODE_ENV=production under `next start`; hand it the secret this
  // machine uses so a local start does not trip the production secret check.
  // The server publishes to the site unless told not to (SITE_AUTOBUILD=false).
  const serverEnv = childEnv({ PAYLOAD_SECRET: resolveSecret(), SITE_AUTOBUILD: String(settings().siteAutobuild ?? true) })
  await prepare()
  await serveSite(sitePort)
  say(`网站：http://localhost:${sitePort}/`)
  if (!dev) await ensureAdminBuild(say, serverEnv)
  else if (!adminBuildIsCurrent()) say('开发模式：页面在首次打开时编译，约需半分钟。')
  say(`启动管理后台（端口 ${port}）…`)
  const server = runNext([dev ? 'dev' : 'start', 'cms', '--port', String(port)], serverEnv)
  // Stop the admin with us; leave after it exits, or after 5 s if it does not.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill('SIGTERM')
      setTimeout(() => process.exit(0), 5000).unref()
    })
  }
  server.on('exit', (code) => process.exit(code ?? 0))
  await announceWhenReady()
} catch (error) {
  console.error(`[start] 启动失败：${explain(error)}`)
  process.exit(1)
}
