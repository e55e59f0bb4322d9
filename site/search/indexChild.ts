import { buildIndexFileFrom } from './indexFile'
import { streamedDocuments, type SearchDocument } from './documents'
import { planShards, type HandedShards } from './pagefind'

/**
 * Builds the server search index, or plans the static one, in a process of its own
 * (site/search/build.ts starts it): the snapshot it reads and SQLite's memory leave with it,
 * not with the CMS server or the build.
 *   build   <snapshotDir> <file>   the server index
 *   shards  <snapshotDir> <outDir> <recordsDir> <pagesPerShard> <tierPages>   the static
 *           index's shards as records (site/search/pagefind.ts)
 */
const [mode, snapshotDir, ...rest] = process.argv.slice(2)

const plannedShards = async (outDir: string, recordsDir: string, perShard: number, perTier: number): Promise<HandedShards> => {
  const started = Date.now()
  const documents: SearchDocument[] = []
  streamedDocuments(snapshotDir!, (d) => documents.push(d))
  const shards = await planShards(documents, outDir, recordsDir, {
    pagesPerShard: perShard || undefined,
    tierPages: perTier || undefined,
  })
  return { shards, planSeconds: (Date.now() - started) / 1000 }
}

const run = async (): Promise<unknown> => {
  if (!snapshotDir || !rest[0]) throw new Error('usage: indexChild build|shards <snapshotDir> …')
  if (mode === 'build') return buildIndexFileFrom(rest[0], (add) => streamedDocuments(snapshotDir, add))
  if (mode === 'shards') {
    const [outDir, recordsDir, perShard, perTier] = rest
    return plannedShards(outDir!, recordsDir!, Number(perShard), Number(perTier))
  }
  throw new Error(`indexChild: unknown mode ${mode}`)
}

try {
  process.stdout.write(`${JSON.stringify(await run())}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
