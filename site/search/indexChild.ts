import { buildIndexFileFrom } from './indexFile'
import { streamedDocuments, type SearchDocument } from './documents'
import { planShards, type HandedShards } from './pagefind'

/**
 * Builds the server search index, and plans the static one, in a process of its own
 * (site/search/build.ts starts it): the snapshot it reads and SQLite's memory leave with it,
 * not with the CMS server or the build.
 *   build  <snapshotDir> <file>   the server index
 *   all    <snapshotDir> <file> <outDir> <recordsDir> <pagesPerShard> <tierPages>   the static
 *          index's shards as records (site/search/pagefind.ts), handed over first, then the
 *          server index, from one parse of the snapshot
 */
const [mode, snapshotDir, ...rest] = process.argv.slice(2)

/**
 * The static index's shards, handed over (a line on stdout) as soon as they are planned, then
 * the server index from the same documents: the parent starts Pagefind on the shards while
 * this process writes the server index, which no shard waits for.
 */
const shardsThenServerIndex = async (file: string, outDir: string, recordsDir: string, perShard: number, perTier: number) => {
  const started = Date.now()
  const documents: SearchDocument[] = []
  const generatedAt = streamedDocuments(snapshotDir!, (d) => documents.push(d))
  // The planner sorts and empties the array it is given; the server index takes the documents in snapshot order.
  const shards = await planShards([...documents], outDir, recordsDir, {
    pagesPerShard: perShard || undefined,
    tierPages: perTier || undefined,
  })
  process.stdout.write(`${JSON.stringify({ shards, planSeconds: (Date.now() - started) / 1000 } satisfies HandedShards)}\n`)
  const serverStarted = Date.now()
  const server = buildIndexFileFrom(file, (add) => {
    for (const d of documents) add(d)
    return generatedAt
  })
  return { server, serverSeconds: (Date.now() - serverStarted) / 1000 }
}

const run = async (): Promise<unknown> => {
  if (!snapshotDir || !rest[0]) throw new Error('usage: indexChild build|all <snapshotDir> …')
  if (mode === 'build') return buildIndexFileFrom(rest[0], (add) => streamedDocuments(snapshotDir, add))
  if (mode === 'all') {
    const [file, outDir, recordsDir, perShard, perTier] = rest
    return shardsThenServerIndex(file!, outDir!, recordsDir!, Number(perShard), Number(perTier))
  }
  throw new Error(`indexChild: unknown mode ${mode}`)
}

try {
  process.stdout.write(`${JSON.stringify(await run())}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
