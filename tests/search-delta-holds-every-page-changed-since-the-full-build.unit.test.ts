import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type { SnapshotArticle } from '../content-models/snapshot'
import { updateSearchDelta, type SearchDeltaManifest } from '../site/incremental/searchDelta'
import { articleWith, snapshotWith } from './helpers/snapshots'

const article = (slug: string, title: string): SnapshotArticle => articleWith({ slug, title })

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'search-delta-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** A build folder as a full build leaves it: the main index's fragment ids, an empty delta. */
const fullBuild = (name: string, byUrl: Record<string, string>) => {
  const dir = path.join(root, name)
  fs.mkdirSync(path.join(dir, 'pagefind'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'pagefind-delta'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'pagefind', 'fragments-by-url.json'), JSON.stringify(byUrl))
  fs.writeFileSync(path.join(dir, 'pagefind-delta', 'manifest.json'), JSON.stringify({ urls: [], superseded: [] }))
  return dir
}

/** The next update's folder: a copy of `live` (as site/incremental/build.ts makes it). */
const nextFrom = (live: string, name: string) => {
  const dir = path.join(root, name)
  fs.cpSync(live, dir, { recursive: true })
  return dir
}

const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-delta', 'manifest.json'), 'utf8')) as SearchDeltaManifest
const indexedUrls = (dir: string) =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-delta', 'fragments-by-url.json'), 'utf8')) as object).sort()

describe('the search delta', () => {
  it('holds every page changed since the full build, across updates of a snapshot patched in place', async () => {
    const a = article('a', '旧标题')
    const b = article('b', '新发布的第一篇')
    const c = article('c', '新发布的第二篇')
    // The CMS process patches one snapshot object between updates; nothing may remember its old contents.
    const snapshot = snapshotWith({ articles: [a] })
    const live0 = fullBuild('full', { '/news/a/': 'frag-a' })

    snapshot.articles.push(b)
    const live1 = nextFrom(live0, 'u1')
    expect(await updateSearchDelta({ live: live0, dir: live1, snapshot, changes: [{ kind: 'articles', after: b }] })).toBe(1)
    expect(manifestOf(live1)).toEqual({ urls: ['/news/b/'], superseded: [] })

    const edited = { ...a, title: '改过的标题' }
    snapshot.articles.splice(0, 1, edited)
    snapshot.articles.push(c)
    const live2 = nextFrom(live1, 'u2')
    const changes = [
      { kind: 'articles' as const, after: c },
      { kind: 'articles' as const, before: a, after: edited },
    ]
    expect(await updateSearchDelta({ live: live1, dir: live2, snapshot, changes })).toBe(3)
    expect(manifestOf(live2).urls.sort()).toEqual(['/news/a/', '/news/b/', '/news/c/'])
    expect(indexedUrls(live2)).toEqual(['/news/a/', '/news/b/', '/news/c/'])
    // The full index's copy of the edited page is stale.
    expect(manifestOf(live2).superseded).toEqual(['frag-a'])

    snapshot.articles.splice(snapshot.articles.indexOf(b), 1)
    const live3 = nextFrom(live2, 'u3')
    expect(await updateSearchDelta({ live: live2, dir: live3, snapshot, changes: [{ kind: 'articles', before: b }] })).toBe(2)
    expect(manifestOf(live3).urls.sort()).toEqual(['/news/a/', '/news/c/'])
    expect(indexedUrls(live3)).toEqual(['/news/a/', '/news/c/'])
    expect(manifestOf(live3).superseded).toEqual(['frag-a'])
  })
})
