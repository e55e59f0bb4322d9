import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicContentSlugs } from '../content-models'
import { minimalDocument, titleFieldOf } from './helpers/minimalDocuments'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
const drafts: Record<string, number | string> = {}
/** Per collection, the documents the public may see: what every anonymous list must hold, exactly. */
const published: Record<string, (number | string)[]> = {}

beforeAll(async () => {
  cms = await startTestCms()
  for (const collection of publicContentSlugs) {
    const data = minimalDocument(collection, `公开的${collection}`)
    const live = await cms.payload.create({ collection, data: { ...data, _status: 'published' } as never })
    const draft = await cms.payload.create({
      collection,
      data: { ...minimalDocument(collection, '秘密草稿'), _status: 'draft' } as never,
      draft: true,
    })
    drafts[collection] = draft.id
    // A published document with a newer unpublished revision must show the published text.
    const revised = await cms.payload.create({ collection, data: { ...data, _status: 'published' } as never })
    await cms.payload.update({ collection, id: revised.id, data: { [titleFieldOf(collection)]: '秘密草稿修订' } as never, draft: true })
    published[collection] = [live.id, revised.id]
  }
})
afterAll(() => cms?.close())

const sorted = (ids: unknown[]) => ids.map(String).sort()

describe.each(publicContentSlugs)('anonymous REST reads of %s', (collection) => {
  it('list exactly the published documents, whatever the query asks for', async () => {
    for (const query of ['', '?draft=true', '?depth=2&limit=100', '?where[_status][equals]=draft']) {
      const res = await cms.rest('GET', `/${collection}${query}`)
      expect(res.status, query).toBe(200)
      const ids = res.body.docs.map((d: { id: unknown }) => d.id)
      // Asking for drafts explicitly yields nothing; every other query lists every live one.
      expect(sorted(ids), query).toEqual(query.includes('_status') ? [] : sorted(published[collection]!))
      for (const doc of res.body.docs) expect(doc._status, query).toBe('published')
      expect(JSON.stringify(res.body), query).not.toContain('秘密草稿')
    }
  })

  it('read a live document with a pending revision by id as published, draft asked for or not', async () => {
    const [, revised] = published[collection]!
    for (const query of ['', '?draft=true']) {
      const res = await cms.rest('GET', `/${collection}/${revised}${query}`)
      expect(res.status, query).toBe(200)
      expect(res.body[titleFieldOf(collection)], query).toBe(`公开的${collection}`)
    }
  })

  it('refuse a draft by id and its versions', async () => {
    const notFound = { status: 404, body: { errors: [{ message: '未找到' }] } }
    expect(await cms.rest('GET', `/${collection}/${drafts[collection]}`)).toEqual(notFound)
    expect(await cms.rest('GET', `/${collection}/${drafts[collection]}?draft=true`)).toEqual(notFound)
    expect(await cms.rest('GET', `/${collection}/versions`)).toEqual({ status: 403, body: { errors: [{ message: '您无权执行此操作。' }] } })
  })
})
