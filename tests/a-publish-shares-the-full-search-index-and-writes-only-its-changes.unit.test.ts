import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot } from '../content-models/snapshot'
import { changesFileOf, type IndexChange } from '../site/search/files'
import { buildIndexFile, updateIndexFile } from '../site/search/indexFile'
import { parseRequest, SearchIndex } from '../site/search/query'
import { SEARCH_WORDS, serviceWith, snapshotWith, wordArticle } from './helpers/snapshots'

/**
 * A publish does not copy the server search index (half a gigabyte at 50k articles): the new
 * build shares the live build's full index and writes a changes file beside it. Whatever
 * changed (edits, renames, removals, records hidden and then published again, over several
 * publishes), the two answer every query as an index built in full from the same snapshot
 * does, and the live build's files are never written.
 */
const words = SEARCH_WORDS
const COUNT = 200
const article = (i: number, edition = '') => wordArticle(i, `a-${i}`, edition)
const services = (hotline: string) => [
  serviceWith({
    slug: 's1',
    name: '法律援助站',
    category: 'legal-aid',
    phones: [{ number: hotline, label: '热线', kind: 'voice', hotline: true }],
  }),
  serviceWith({ slug: 's2', name: '职工书屋', category: 'culture' }),
]

const requests = [...words, '修订', '第7期', '驿站 简报', '12351', '12345'].flatMap((q) =>
  ['relevance', 'newest', 'oldest'].map((sort) => parseRequest(new URLSearchParams({ q, sort }))),
)
const answers = (file: string) => {
  const index = new SearchIndex(file)
  try {
    return { size: index.size, answers: requests.map((r) => index.search(r)) }
  } finally {
    index.close()
  }
}

let dir: string
const file = (name: string) => path.join(dir, `${name}.search.sqlite`)
/** The index a full build of `snapshot` writes. */
const full = (name: string, snapshot: ContentSnapshot) => {
  buildIndexFile(snapshot, file(name))
  return answers(file(name))
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-changes-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('the server index of an incremental build', () => {
  const first = snapshotWith({ articles: Array.from({ length: COUNT }, (_, i) => article(i + 1)), services: services('12351') })
  // Edit 3, rename 7, remove 5, add 201, change a service (the hotlines page with it).
  const second = snapshotWith({
    articles: [
      ...first.articles.filter((a) => !['a-3', 'a-5', 'a-7'].includes(a.slug)),
      article(3, '修订'),
      { ...article(7), slug: 'a-7-new' },
      article(COUNT + 1),
    ],
    services: services('12345'),
  })
  const secondChanges: IndexChange[] = [
    { kind: 'articles', before: 'a-3', after: 'a-3' },
    { kind: 'articles', before: 'a-7', after: 'a-7-new' },
    { kind: 'articles', before: 'a-5' },
    { kind: 'articles', after: `a-${COUNT + 1}` },
    { kind: 'services', before: 's1', after: 's1' },
  ]
  // Publish 5 again, edit 201 and 3 again, remove 9.
  const third = snapshotWith({
    articles: [
      ...second.articles.filter((a) => ![`a-${COUNT + 1}`, 'a-3', 'a-9'].includes(a.slug)),
      article(5),
      article(3, '再修订'),
      article(COUNT + 1, '修订'),
    ],
    services: second.services,
  })
  const thirdChanges: IndexChange[] = [
    { kind: 'articles', after: 'a-5' },
    { kind: 'articles', before: 'a-3', after: 'a-3' },
    { kind: 'articles', before: `a-${COUNT + 1}`, after: `a-${COUNT + 1}` },
    { kind: 'articles', before: 'a-9' },
  ]

  it('answers as a full build does, publish after publish, sharing the full index and leaving the live one as it was', async () => {
    const live = full('live', first)
    expect(await updateIndexFile({ from: file('live'), file: file('second'), snapshot: second, changes: secondChanges })).toEqual({
      removed: 4,
      added: 4,
      whole: false,
    })
    // The same file, not a copy of it.
    expect(fs.statSync(file('second')).ino).toBe(fs.statSync(file('live')).ino)
    expect(fs.existsSync(changesFileOf(file('live')))).toBe(false)
    expect(answers(file('live'))).toEqual(live)
    expect(answers(file('second'))).toEqual(full('second-full', second))

    const secondAnswers = answers(file('second'))
    await updateIndexFile({ from: file('second'), file: file('third'), snapshot: third, changes: thirdChanges })
    expect(fs.statSync(file('third')).ino).toBe(fs.statSync(file('live')).ino)
    expect(answers(file('third'))).toEqual(full('third-full', third))
    expect(answers(file('second'))).toEqual(secondAnswers)
    expect(answers(file('live'))).toEqual(live)
  })

  it('refuses a changes file written over another full index', async () => {
    buildIndexFile(first, file('other'))
    await updateIndexFile({ from: file('other'), file: file('other-next'), snapshot: second, changes: secondChanges })
    buildIndexFile(first, file('rebuilt'))
    fs.copyFileSync(changesFileOf(file('other-next')), changesFileOf(file('rebuilt')))
    expect(() => new SearchIndex(file('rebuilt'))).toThrow(/written for another index/)
  })

  it('writes a whole index again once the changes outgrow a tenth of it, with every record changed since', async () => {
    buildIndexFile(first, file('base'))
    await updateIndexFile({ from: file('base'), file: file('small'), snapshot: second, changes: secondChanges })
    // Then a publish of a tenth of the articles: with the earlier ones, past the share.
    const edited = Array.from({ length: COUNT / 10 }, (_, i) => article(COUNT - i, '修订'))
    const snapshot = snapshotWith({
      articles: [...second.articles.filter((a) => !edited.some((e) => e.slug === a.slug)), ...edited],
      services: second.services,
    })
    const changes = edited.map((a): IndexChange => ({ kind: 'articles', before: a.slug, after: a.slug }))
    expect(await updateIndexFile({ from: file('small'), file: file('big'), snapshot, changes })).toMatchObject({ whole: true })
    expect(fs.statSync(file('big')).ino).not.toBe(fs.statSync(file('base')).ino)
    expect(fs.existsSync(changesFileOf(file('big')))).toBe(false)
    expect(answers(file('big'))).toEqual(full('big-full', snapshot))
    expect(answers(file('base'))).toEqual(full('first-full', first))
  })
  it('gives the server event loop turns while it writes a large changes file', async () => {
    // 120 records of 3,000: under the share at which a whole index is written.
    const base = snapshotWith({ articles: Array.from({ length: 3000 }, (_, i) => article(i + 1)), services: services('12351') })
    buildIndexFile(base, file('turns-base'))
    const edited = Array.from({ length: 120 }, (_, i) => article(i + 1, '修订'))
    const snapshot = snapshotWith({
      articles: [...base.articles.filter((a) => !edited.some((e) => e.slug === a.slug)), ...edited],
      services: base.services,
    })
    const changes = edited.map((a): IndexChange => ({ kind: 'articles', before: a.slug, after: a.slug }))
    // This runs in the CMS server: a publish of many records must not hold it for the whole write.
    let turns = 0
    let counting = true
    const count = () => {
      turns++
      if (counting) setImmediate(count)
    }
    setImmediate(count)
    const result = await updateIndexFile({ from: file('turns-base'), file: file('turns'), snapshot, changes })
    counting = false
    expect(result).toEqual({ removed: changes.length, added: changes.length, whole: false })
    // Removals and additions, each in slices of at most 25 records.
    expect(turns).toBeGreaterThanOrEqual(2 * Math.floor(changes.length / 25))
    expect(answers(file('turns'))).toEqual(full('turns-full', snapshot))
  })
})
