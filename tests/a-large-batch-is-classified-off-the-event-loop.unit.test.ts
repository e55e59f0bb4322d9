import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { collectFiles } from '../cms/importer/files'
import {
  analyseFilesWith,
  CLASSIFIED_INLINE,
  classify,
  fileFeatures,
  relativeNames,
  type FileFeatures,
} from '../cms/importer/site/analyseFiles'
import { writeMirroredSite } from './helpers/mirroredSite'

let dir: string
let read: FileFeatures[]

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-large-site-'))
  writeMirroredSite(dir)
  const found = collectFiles([dir])
  const one = relativeNames(found.files, found.roots).map((name, i) => fileFeatures(found.files[i], name))
  // The same site saved again and again under other folders, until the batch is too large to classify inline.
  const copies = Math.ceil((CLASSIFIED_INLINE + 1) / one.length)
  read = Array.from({ length: copies }, (_, c) =>
    one.map((f) => ({ ...f, features: { ...f.features, path: `copy${c}/${f.features.path}` } })),
  ).flat()
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('a batch larger than is classified inline', () => {
  it('is classified as it would be inline, while the event loop keeps turning', async () => {
    expect(read.length).toBeGreaterThan(CLASSIFIED_INLINE)
    let turns = 0
    const ticker = setInterval(() => turns++, 1)
    const names = read.map((f) => f.features.path)
    // Every read answers at once: inline, the classification followed the last read in the same task.
    const site = await analyseFilesWith(
      names.map((_, i) => String(i)),
      names,
      async (file) => read[Number(file)],
      { inFlight: 1 },
    ).finally(() => clearInterval(ticker))
    expect(turns).toBeGreaterThan(0)
    expect(site).toEqual(classify(read))
    expect(site.pages.filter((p) => p.verdict.kind === 'article').length).toBeGreaterThan(0)
    expect(site.pages.filter((p) => p.verdict.kind !== 'article').length).toBeGreaterThan(0)
  })
})
