import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importArchive } from '../cms/importer/importArchive'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('an archive import', () => {
  it('runs when an untitled draft exists, as opening 新建 in the admin leaves one', async () => {
    // What the admin's autosave writes when the create form opens: a draft with no title yet.
    await cms.payload.create({ collection: 'articles', draft: true, data: { _status: 'draft' } as never })
    const file = path.join(cms.dir, 'notice.txt')
    fs.writeFileSync(file, '关于职工书屋周末开放的通知\n\n2024年5月10日\n\n书屋周末照常开放，欢迎职工借阅。\n')
    const summary = await importArchive(cms.payload, [file], { batch: 'after-an-empty-draft', dryRun: true })
    expect({ failed: summary.failed, wouldImport: summary.outcomes.filter((o) => o.status === 'would-import').length }).toEqual({
      failed: 0,
      wouldImport: 1,
    })
  })
})
