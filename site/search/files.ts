import fs from 'node:fs/promises'

import type { Change } from '../../content-models/changes'

/**
 * Names and arguments shared by the build (site/publish.ts, which the CMS server also loads)
 * and the index writer; kept apart so loading them pulls in neither SQLite nor OpenCC.
 */

/** The index file of a build folder: beside it, so swapping dist/live swaps both. */
export const indexFileOf = (buildDir: string) => `${buildDir}.search.sqlite`

/**
 * The changes file beside an index: the records incremental builds changed since the full
 * build that wrote the index, which builds share (site/search/indexFile.ts); read with it.
 */
export const changesFileOf = (indexFile: string) => `${indexFile}.changes`

/** Removes a build's server index (a failed build's). */
export const removeIndexOf = async (buildDir: string) => {
  await fs.rm(indexFileOf(buildDir), { force: true })
  await fs.rm(changesFileOf(indexFileOf(buildDir)), { force: true })
}

/** A change by kind and slugs: what an index update needs from the CMS's before/after records. */
export interface IndexChange {
  kind: Change['kind']
  before?: string
  after?: string
}

export const indexChanges = (changes: readonly Change[]): IndexChange[] =>
  changes.map((c) => ({ kind: c.kind, before: c.before?.slug, after: c.after?.slug }))
