import { buildIndexFileFrom } from './indexFile'
import { streamedDocuments, type SearchDocument } from './documents'
import { planShards } from './pagefind'

/**
 * Builds the server search index, and plans the static one, in a process of its own
 * (site/search/build.ts starts it): the snapshot it reads and SQLite's memory leave with it,
 * not with the CMS server or the build.
 *   build  <snapshotDir> <file>   the server index
 *   all    <snapshotDir> <file> <outDir> <recordsDir> <pagesPerShard> <tierPages>   the server index
 *          and the static index's shards as records (site/search/pagefind.ts), from one parse of the snapshot
 */
const [mode, snapshotDir, ...rest] = process.argv.slice(2)

/** The server index, and the documents Pagefind needs, from one read of the snapshot (never held whole). */
const serverIndexAndDocuments = (file: string) => {
  const started = Date.now()
  const documents: SearchDocument[] = []
  const server = buildIndexFileFrom(file, (add) =>
    streamedDocuments(snapshotDir!, (d) => {
      add(d)
      documents.push(d)
    }),
  )
  return { server, serverSeconds: (Date.now() - started) / 1000, documents }
}

const run = async (): Promise<unknown> => {
  if (!snapshotDir || !rest[0]) throw new Error('usage: indexChild build|all <snapshotDir> …')
  if (mode === 'build') return buildIndexFileFrom(rest[0], (add) => streamedDocuments(snapshotDir, add))
  if (mode === 'all') {
    const [file, outDir, recordsDir, perShard, perTier] = rest
    const { server, serverSeconds, documents } = serverIndexAndDocuments(file!)
    const started = Date.now()
    const shards = await planShards(documents, outDir!, recordsDir!, {
      pagesPerShard: Number(perShard) || undefined,
      tierPages: Number(perTier) || undefined,
    })
    return { server, serverSeconds, shards, planSeconds: (Date.now() - started) / 1000 }
  }
  throw new Error(`indexChild: unknown mode ${mode}`)
}

try {
  process.stdout.write(`${JSON.stringify(await run())}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
