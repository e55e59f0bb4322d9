import fs from 'node:fs'
import path from 'node:path'

import type { ContentSnapshot } from '../../content-models/snapshot'
import type { IndexChange } from './files'
import { buildIndexFile, updateIndexFile } from './indexFile'

/**
 * Builds or updates a search index in a process of its own (site/search/build.ts starts it):
 * the snapshot it parses and SQLite's memory leave with it, not with the CMS server.
 *   build  <snapshotDir> <file>
 *   update <snapshotDir> <file> <from> <changes.json>
 */
const [mode, snapshotDir, file, from, changesFile] = process.argv.slice(2)
try {
  if (!snapshotDir || !file) throw new Error('usage: indexChild build|update <snapshotDir> <file> [<from> <changes.json>]')
  const snapshot = JSON.parse(fs.readFileSync(path.join(snapshotDir, 'content.json'), 'utf8')) as ContentSnapshot
  const result =
    mode === 'update'
      ? updateIndexFile({ from: from!, file, snapshot, changes: JSON.parse(fs.readFileSync(changesFile!, 'utf8')) as IndexChange[] })
      : buildIndexFile(snapshot, file)
  process.stdout.write(`${JSON.stringify(result)}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
