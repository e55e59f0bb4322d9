import { buildIndexFileFrom } from './indexFile'
import { streamedDocuments, type SearchDocument } from './documents'
import { buildSearchIndex } from './pagefind'

/**
 * Builds or updates the search indexes in a process of its own (site/search/build.ts starts
 * it): the snapshot it reads, SQLite's and Pagefind's memory leave with it, not with the CMS
 * server or the build.
 *   build  <snapshotDir> <file>                              the server index
 *   all    <snapshotDir> <file> <outDir> <pagesPerShard>     both, from one parse of the snapshot;
 *          Pagefind on one thread until standard input ends (the build's `astro build` is done)
 */
const [mode, snapshotDir, ...rest] = process.argv.slice(2)
const shardPages = (arg?: string) => Number(arg) || undefined
const astroDone = new Promise<void>((resolve) => {
  process.stdin
    .on('end', resolve)
    .on('error', () => resolve())
    .resume()
})

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
    const [file, outDir, perShard] = rest
    const started = Date.now()
    const { server, serverSeconds, documents } = serverIndexAndDocuments(file!)
    // Collected before the Pagefind threads start, so the snapshot's pages are reused, not kept beside theirs.
    ;(globalThis as { gc?: () => void }).gc?.()
    const pagefind = await buildSearchIndex(documents, outDir!, { pagesPerShard: shardPages(perShard), widen: astroDone })
    return { server, serverSeconds, pagefind, pagefindSeconds: (Date.now() - started) / 1000 - serverSeconds }
  }
  throw new Error(`indexChild: unknown mode ${mode}`)
}

try {
  process.stdout.write(`${JSON.stringify(await run())}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
