import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { childEnv, settings } from '../content-models/settings'

const rootDir = () => settings().rootDir
const cmsDir = () => path.join(rootDir(), 'cms')
const nextBin = () => path.join(rootDir(), 'node_modules', 'next', 'dist', 'bin', 'next')
const stampFile = () => path.join(cmsDir(), '.next', 'portal-source-hash')

/** Everything the compiled admin depends on; a change to any of it means a rebuild. */
const sourceFiles = (): string[] => {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      // seed/ and backup/ are only run from scripts; the admin never imports them.
      if (entry.name === '.next' || entry.name === 'node_modules' || entry.name === 'seed' || entry.name === 'backup') return []
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? walk(full) : [full]
    })
  return [...walk(cmsDir()), ...walk(path.join(rootDir(), 'content-models')), path.join(rootDir(), 'package-lock.json')]
    .filter(fs.existsSync)
    .sort()
}

export const adminSourceHash = (): string => {
  const hash = createHash('sha256')
  for (const file of sourceFiles()) hash.update(path.relative(rootDir(), file)).update(fs.readFileSync(file))
  return hash.digest('hex')
}

export const adminBuildIsCurrent = (): boolean =>
  fs.existsSync(path.join(cmsDir(), '.next', 'BUILD_ID')) &&
  fs.existsSync(stampFile()) &&
  fs.readFileSync(stampFile(), 'utf8') === adminSourceHash()

export const runNext = (args: string[], env: NodeJS.ProcessEnv = childEnv()) =>
  spawn(process.execPath, [nextBin(), ...args], {
    cwd: rootDir(),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  })

/** Compiles the admin with `next build` unless the last build came from the same sources. */
export const ensureAdminBuild = async (log: (m: string) => void, env: NodeJS.ProcessEnv = childEnv()): Promise<void> => {
  if (adminBuildIsCurrent()) return
  log('正在编译管理后台（首次启动或代码有更新，双核机器约需 1–2 分钟）…')
  const started = Date.now()
  const code = await new Promise<number | null>((resolve) => runNext(['build', 'cms'], env).on('exit', resolve))
  if (code !== 0) throw new Error(`"next build" failed with exit code ${code}; see the messages above.`)
  fs.writeFileSync(stampFile(), adminSourceHash())
  log(`管理后台编译完成，用时 ${Math.round((Date.now() - started) / 1000)} 秒`)
}
