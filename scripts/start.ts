import './env'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { rootDir } from '../cms/paths'

/**
 * The main job: prepare the database (migrations, first admin, sample content) in-process,
 * then serve the admin with Next.js. Development mode compiles admin pages on first visit;
 * NODE_ENV=production serves the output of `npm run build:cms` instead.
 */
const port = Number(process.env.PORT ?? 3000)
const production = process.env.NODE_ENV === 'production'
const say = (message: string) => console.log(`[start] ${message}`)

const prepare = async () => {
  // This short-lived instance must not run the jobs queue; the server does.
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const { openPayload } = await import('../cms/open')
  const { createFirstAdmin } = await import('../cms/firstAdmin')
  const { seedSampleContent } = await import('../cms/seed')
  const { databaseKind } = await import('../cms/database')

  say(`数据库：${databaseKind(process.env.DATABASE_URI) === 'mongodb' ? 'MongoDB' : `SQLite（${process.env.DATABASE_URI ?? 'data/portal.db'}）`}，正在检查表结构…`)
  const payload = await openPayload()

  const admin = await createFirstAdmin(payload)
  if (admin === 'created') say(`已创建管理员账号 ${process.env.ADMIN_EMAIL}`)
  if (admin === 'not-configured') say('尚无用户：打开管理后台后按提示创建第一个管理员账号。')

  const empty = (await payload.count({ collection: 'articles' })).totalDocs === 0 && (await payload.count({ collection: 'regions' })).totalDocs === 0
  if (empty && process.env.SEED_SAMPLE_CONTENT !== 'false') {
    say('空数据库：正在载入示例内容（新闻、职工之家、劳模、服务、组织、地区）…')
    const started = Date.now()
    const result = await seedSampleContent(payload, (m) => say(`  已载入 ${m}`))
    say(`示例内容载入完成：新建 ${result.created} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  }
  await payload.destroy()
}

const serve = () => {
  const next = path.join(rootDir, 'node_modules', 'next', 'dist', 'bin', 'next')
  if (production && !fs.existsSync(path.join(rootDir, 'cms', '.next', 'BUILD_ID'))) {
    throw new Error('NODE_ENV=production but the admin has not been built: run "npm run build:cms" first.')
  }
  const args = production ? ['start', 'cms', '--port', String(port)] : ['dev', 'cms', '--port', String(port)]
  say(production ? '启动管理后台（生产模式）…' : '启动管理后台（开发模式，首次打开页面时编译，约需半分钟）…')
  const child = spawn(process.execPath, [next, ...args], {
    cwd: rootDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', (code) => process.exit(code ?? 0))
  return child
}

/** Asks for the admin once so its first compile happens now, not when staff click. */
const warmUp = async () => {
  const url = `http://localhost:${port}/admin`
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(180_000) })
      if (res.status < 500) {
        say(`就绪。管理后台：${url}`)
        say(`内容接口示例：http://localhost:${port}/api/articles`)
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
  await prepare()
  serve()
  await warmUp()
} catch (error) {
  console.error(`[start] 启动失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
