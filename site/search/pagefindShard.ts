import fs from 'node:fs'

import type { CustomRecord } from 'pagefind'

import { writeSearchIndex } from './pagefindWrite'

/**
 * One shard of the static search index, in a process of its own (site/search/build.ts starts
 * it): `pagefindShard.ts <records.jsonl> <bundle folder>`. The records were made by the
 * planner (site/search/pagefind.ts), so this process needs neither the snapshot nor OpenCC,
 * and the memory Pagefind's service took for the shard is gone with both processes.
 */
const [recordsFile, target] = process.argv.slice(2)

const records = function* (file: string): Generator<CustomRecord> {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) yield JSON.parse(line) as CustomRecord
}

try {
  if (!recordsFile || !target) throw new Error('usage: pagefindShard <records.jsonl> <bundle folder>')
  process.stdout.write(`${JSON.stringify(await writeSearchIndex(records(recordsFile), target))}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
