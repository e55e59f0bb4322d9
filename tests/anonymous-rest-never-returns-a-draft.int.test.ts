import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicContentSlugs } from '../content-models'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
const drafts: Record<string, number | string> = {}

const minimal: Record<(typeof publicContentSlugs)[number], Record<string, unknown>> = {
  articles: { title: '秘密草稿新闻' },
  'workers-homes': { name: '秘密草稿职工之家', awardLevel: 'city-model' },
  'labor-models': { name: '秘密草稿劳模', kind: 'individual', honors: [{ title: '市劳动模范' }] },
  services: { name: '秘密草稿服务', category: 'legal-aid' },
}

beforeAll(async () => {
  cms = await startTestCms()
  for (const collection of publicContentSlugs) {
    await cms.payload.create({ collection, data: { ...minimal[collection], _status: 'published' } as never })
    const draft = await cms.payload.create({ collection, data: { ...minimal[collection], _status: 'draft' } as never, draft: true })
    drafts[collection] = draft.id
    // A published document with a newer unpublished revision must show the published text.
    const revised = await cms.payload.create({ collection, data: { ...minimal[collection], _status: 'published' } as never })
    await cms.payload.update({
      collection,
      id: revised.id,
      data: { [collection === 'articles' ? 'title' : 'name']: '秘密草稿修订' } as never,
      draft: true,
    })
  }
})
afterAll(() => cms?.close())

describe.each(publicContentSlugs)('anonymous REST reads of %s', (collection) => {
  it('list only published documents, whatever the query asks for', async () => {
    for (const query of ['', '?draft=true', '?where[_status][equals]=draft', '?depth=2&limit=100']) {
      const res = await cms.rest('GET', `/${collection}${query}`)
      expect(res.status).toBe(200)
      // Asking for drafts explicitly yields nothing; every other query still lists the live ones.
      if (query.includes('_status')) expect(res.body.docs).toEqual([])
      else if (query === '') expect(res.body.docs.length).toBe(2)
      else expect(res.body.docs.length).toBeGreaterThanOrEqual(1)
      for (const doc of res.body.docs) expect(doc._status).toBe('published')
      expect(JSON.stringify(res.body)).not.toContain('秘密草稿修订')
      expect(res.body.docs.map((d: { id: unknown }) => d.id)).not.toContain(drafts[collection])
    }
  })

  it('refuse a draft by id and its versions', async () => {
    expect((await cms.rest('GET', `/${collection}/${drafts[collection]}`)).status).toBe(404)
    expect((await cms.rest('GET', `/${collection}/${drafts[collection]}?draft=true`)).status).toBe(404)
    expect((await cms.rest('GET', `/${collection}/versions`)).status).toBe(403)
  })
})
