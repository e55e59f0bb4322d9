import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Change } from '../incremental/plan'
import { indexChanges, indexFileOf } from './files'

export interface IndexBuild {
  file: string
  seconds: number
  bytes: number
}

const runChild = async (args: string[]): Promise<void> => {
  const script = path.resolve(/* turbopackIgnore: true */ 'site', 'search', 'indexChild.ts')
  const output: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (d) => output.push(String(d)))
    child.stderr.on('data', (d) => output.push(String(d)))
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`search index build failed (exit ${code}); the live site is unchanged.\n${output.join('').slice(-3000)}`)
}

const done = async (file: string, started: number): Promise<IndexBuild> => ({
  file,
  seconds: (Date.now() - started) / 1000,
  bytes: (await fs.stat(file)).size,
})

/** Writes dist/builds/<id>.search.sqlite for a full build from the snapshot it was built from. */
export const buildServerIndex = async (options: { snapshotDir: string; buildDir: string }): Promise<IndexBuild> => {
  const started = Date.now()
  const file = indexFileOf(options.buildDir)
  await runChild(['build', options.snapshotDir, file])
  return done(file, started)
}

/**
 * The index of an incremental build: the live build's index with the changed records
 * replaced. Without a live index (a build from before server search) it is built in full.
 */
export const updateServerIndex = async (options: {
  snapshotDir: string
  buildDir: string
  liveDir: string
  changes: readonly Change[]
}): Promise<IndexBuild> => {
  const from = indexFileOf(options.liveDir)
  const exists = await fs.access(from).then(
    () => true,
    () => false,
  )
  if (!exists) return buildServerIndex(options)
  const started = Date.now()
  const file = indexFileOf(options.buildDir)
  const changesFile = `${file}.changes.json`
  await fs.writeFile(changesFile, JSON.stringify(indexChanges(options.changes)))
  try {
    await runChild(['update', options.snapshotDir, file, from, changesFile])
  } finally {
    await fs.rm(changesFile, { force: true })
  }
  return done(file, started)
}
