import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bodyText } from '../cms/importer/blocks'
import { comparable, DuplicateIndex, pageKeys } from '../cms/importer/dedupe'
import { createParsePool, type ParsePool } from '../cms/importer/parsePool'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'legacy')
let pool: ParsePool

beforeAll(() => {
  pool = createParsePool({ size: 1 })
})
afterAll(() => pool?.close())

describe('the keys a page is compared by for duplicates', () => {
  it('come back from the parse thread with the page, as the server would make them', async () => {
    const { page, keys } = await pool.parse(path.join(fixtures, 'portal-article.html'))
    expect(keys).toEqual(pageKeys(page.title, bodyText(page.blocks)))
    expect(keys.title).toBe(comparable(page.title))
    expect(keys.signature).toBeInstanceOf(Uint32Array)
    expect(keys.signature).toHaveLength(64)
  })

  it('find what the page text finds: the same title on the same day, or the same body under another title', async () => {
    const { page, keys } = await pool.parse(path.join(fixtures, 'portal-article.html'))
    const index = new DuplicateIndex()
    const earlier = { title: page.title, publishedAt: page.publishedAt, label: '#1' }
    index.add(earlier, bodyText(page.blocks))
    expect(index.findKeyed(keys, page.publishedAt)).toEqual({ of: earlier, reason: 'title-date' })
    expect(index.findKeyed({ ...keys, title: comparable('另一个标题') }, page.publishedAt)).toEqual({ of: earlier, reason: 'body' })
    expect(index.findKeyed({ title: comparable('另一个标题') }, page.publishedAt)).toBeUndefined()
  })
})
