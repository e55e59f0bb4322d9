import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const sourceDir = import.meta.dirname
/** Built into the git-ignored tmp/ folder; rebuilt when the Go sources are newer. */
export const ferretdbBinary = path.join(sourceDir, '..', '..', 'tmp', 'ferretdb', 'ferretdb')

const goCommand = (): string => {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    if (spawnSync(candidate, ['version'], { stdio: 'ignore' }).status === 0) return candidate
  }
  throw new Error('Building FerretDB needs Go (https://go.dev/dl/); neither `go` on the PATH nor /usr/local/go/bin/go answers.')
}

/** Builds the FerretDB starter (tools/ferretdb) unless the binary is newer than its sources. */
export const buildFerretdb = (): string => {
  const sources = ['main.go', 'go.mod', 'go.sum'].map((f) => fs.statSync(path.join(sourceDir, f)).mtimeMs)
  const built = fs.existsSync(ferretdbBinary) ? fs.statSync(ferretdbBinary).mtimeMs : 0
  if (built > Math.max(...sources)) return ferretdbBinary
  console.log('[ferretdb] building tools/ferretdb (the first build downloads its modules and takes a minute or two)…')
  const result = spawnSync(goCommand(), ['build', '-o', ferretdbBinary, '.'], { cwd: sourceDir, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`go build in tools/ferretdb failed (exit ${result.status ?? result.signal})`)
  return ferretdbBinary
}

/** Whether something accepts connections at a mongodb:// URI's host and port (within 3 s). */
export const serverAnswers = (uri: string): Promise<boolean> => {
  const { hostname, port } = new URL(uri)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 27017), timeout: 3000 })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('timeout', () => done(false))
    socket.once('error', () => done(false))
  })
}

/** Starts FerretDB and resolves once it prints that it listens; its output goes to ours. */
export const startFerretdb = (listen: string, dataDir: string): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(buildFerretdb(), ['-listen', listen, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      out += chunk.toString()
      if (out.includes('FerretDB listening')) resolve(child)
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`FerretDB stopped at start (exit ${code}); see its output above`)))
  })
