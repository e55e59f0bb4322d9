import path from 'node:path'

import { exportSnapshot, localSource } from '../../cms/export'
import { seedSampleContent } from '../../cms/seed'
import { buildSite } from '../../site/publish'
import { startTestCms, type TestCms } from './payload'
import { serveStatic } from './site'

export interface SampleSite {
  cms: TestCms
  /** The exported snapshot the site was built from. */
  snapshotDir: string
  /** The build folder (dist/builds/<id>) inside the throwaway CMS folder. */
  dir: string
  /** Base URL of site/serve.ts serving the build, with the production headers. */
  url: string
  close: () => Promise<void>
}

/**
 * The sample content (plus whatever `addContent` creates) exported, built and served by the
 * project's own server (as a static host unless `search: true`), for browser tests. One call
 * per test file: the build takes a while.
 */
export const buildSampleSite = async (
  addContent?: (cms: TestCms) => Promise<void>,
  options: { search?: boolean; searchShardPages?: number; searchTierPages?: number } = {},
): Promise<SampleSite> => {
  const cms = await startTestCms()
  await seedSampleContent(cms.payload)
  if (addContent) await addContent(cms)
  const snapshotDir = path.join(cms.dir, 'snapshot')
  await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotDir)
  const build = await buildSite({
    snapshotDir,
    dist: path.join(cms.dir, 'dist'),
    searchShardPages: options.searchShardPages,
    searchTierPages: options.searchTierPages,
  })
  const server = await serveStatic(build.dir, { search: options.search })
  return {
    cms,
    snapshotDir,
    dir: build.dir,
    url: server.url,
    close: async () => {
      await server.close()
      await cms.close()
    },
  }
}
