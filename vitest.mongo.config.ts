import { defineConfig } from 'vitest/config'

import base from './vitest.config'

/**
 * The MongoDB lane: the suites that touch the database, each test CMS on a database of its own
 * on a MongoDB-protocol server (FerretDB locally and in CI: `npm run mongo:local`).
 */
export default defineConfig({
  test: {
    ...base.test,
    // FerretDB answers several times slower than SQLite in-process (loading the sample content: ~1 min).
    testTimeout: 180_000,
    // Much of a lane test's time is spent waiting on the server (another process) and on the
    // commands it runs as children: three files at once keep two cores busy.
    maxWorkers: 3,
    exclude: ['**/node_modules/**'],
    include: [
      'tests/*.mongo.test.ts',
      'tests/every-collection-can-be-created-and-read.int.test.ts',
      'tests/access-matrix-holds-over-rest.int.test.ts',
      'tests/anonymous-rest-never-returns-a-draft.int.test.ts',
      'tests/uploads-refuse-bad-files-and-leave-documents-intact.int.test.ts',
      'tests/no-publish-is-lost-across-processes-and-crashes.int.test.ts',
      'tests/scheduled-publishing-runs-on-the-jobs-queue.int.test.ts',
      'tests/archive-import-writes-each-page-once-as-a-draft.int.test.ts',
      'tests/backup-and-restore-rebuilds-an-identical-site.int.test.ts',
    ],
    provide: { mongoServer: process.env.MONGO_LANE_SERVER ?? 'mongodb://127.0.0.1:27017' },
    globalSetup: ['tests/helpers/mongoLane.globalSetup.ts'],
  },
})
