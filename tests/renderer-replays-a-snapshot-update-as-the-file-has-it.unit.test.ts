import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import type { ContentSnapshot, SnapshotArticle } from '../content-models/snapshot'
import type { Change } from '../content-models/changes'
import {
  parseSnapshot,
  readSnapshot,
  readSnapshotFiles,
  readSnapshotStreamed,
  replaySnapshotUpdate,
  snapshotFile,
  snapshotLogFile,
  stageSnapshot,
  writeSnapshot,
} from '../site/snapshot'
import { articleWith, serviceWith, snapshotWith } from './helpers/snapshots'

/**
 * The resident renderer does not read the snapshot a publish wrote: it replays the publish's
 * changes on its copy of the version before. That copy must then hold what the file holds.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-replay-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Each collection by id: the file and a replayed copy may list records in different orders. */
const byId = (s: ContentSnapshot) =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? [...(v as { id?: string; code?: string }[])].sort((a, b) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)))
        : v,
    ]),
  )

const before = snapshotWith({
  generatedAt: '2026-12-01T00:00:00.000Z',
  articles: [
    articleWith({
      slug: 'a',
      title: '职工书屋开放',
      bodyHtml: '<p>职工书屋开放</p>',
      publishedAt: '2026-11-03T00:00:00.000Z',
      updatedAt: '2026-11-03T00:00:00.000Z',
    }),
    articleWith({
      slug: 'b',
      title: '法律援助进园区',
      bodyHtml: '<p>法律援助进园区</p>',
      publishedAt: '2026-11-02T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    }),
    articleWith({
      slug: 'c',
      title: '劳模座谈会',
      bodyHtml: '<p>劳模座谈会</p>',
      publishedAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    }),
  ],
})

/** The snapshot as a publish leaves it: one edited (twice, as an organization rename follows it), one removed, one new. */
const after = (): { snapshot: ContentSnapshot; changes: Change[] } => {
  const [a, b, c] = before.articles as [SnapshotArticle, SnapshotArticle, SnapshotArticle]
  const edited = { ...a, title: '职工书屋延长开放' }
  const followed = { ...edited, organization: { slug: 'union', name: '新名称工会' } }
  const added = articleWith({
    slug: 'd',
    title: '新发布：户外劳动者驿站',
    bodyHtml: '<p>新发布：户外劳动者驿站</p>',
    publishedAt: '2026-11-04T00:00:00.000Z',
    updatedAt: '2026-11-04T00:00:00.000Z',
  })
  return {
    snapshot: { ...before, generatedAt: '2026-12-01T00:05:00.000Z', articles: [added, followed, b] },
    changes: [
      { kind: 'articles', before: a, after: edited },
      { kind: 'articles', before: c, after: undefined },
      { kind: 'articles', before: undefined, after: added },
      { kind: 'articles', before: edited, after: followed },
    ],
  }
}

describe('a snapshot update replayed on the copy before it', () => {
  it('holds every record the written file holds, newest article first, and stands for that file', async () => {
    const dir = path.join(root, 'replay')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const copy = readSnapshot(dir)
    const { snapshot, changes } = after()
    // Written behind the module's back, as the publishing process writes it for the renderer.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    expect(replaySnapshotUpdate(dir, { from: before.generatedAt, to: snapshot.generatedAt, changes })).toBe(true)
    const replayed = readSnapshot(dir)
    expect(replayed).toBe(copy)
    const file = parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir))
    expect(byId(replayed)).toEqual(byId(file))
    expect(replayed.articles.map((a) => a.slug)).toEqual(['d', 'a', 'b'])
  })

  it('leaves a copy of another version alone, so the next read parses the file', async () => {
    const dir = path.join(root, 'other')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const copy = readSnapshot(dir)
    const { snapshot, changes } = after()
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    expect(replaySnapshotUpdate(dir, { from: '2026-11-30T00:00:00.000Z', to: snapshot.generatedAt, changes })).toBe(false)
    expect(copy.articles.map((a) => a.title)).toEqual(before.articles.map((a) => a.title))
    expect(readSnapshot(dir).articles.map((a) => a.slug)).toEqual(['d', 'a', 'b'])
  })

  it('reads the file again in a round told nothing, after a replay made the copy stand for it', async () => {
    const dir = path.join(root, 'untold')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    readSnapshot(dir)
    const { snapshot, changes } = after()
    fs.writeFileSync(snapshotFile(dir), JSON.stringify(snapshot))
    replaySnapshotUpdate(dir, { from: before.generatedAt, to: snapshot.generatedAt, changes })
    // A full export replaces the file; a round without an update must see it.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify({ ...before, generatedAt: '2026-12-02T00:00:00.000Z', articles: [] }))
    expect(readSnapshot(dir).articles).toHaveLength(3)
    replaySnapshotUpdate(dir, undefined)
    expect(readSnapshot(dir).articles).toHaveLength(0)
  })
})

describe('a staged snapshot', () => {
  it('is this process’s copy before its file is written, and the file’s once it is', async () => {
    const dir = path.join(root, 'staged')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const { snapshot } = after()
    const write = stageSnapshot(dir, snapshot)
    expect(readSnapshot(dir)).toBe(snapshot)
    expect(parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir)).generatedAt).toBe(before.generatedAt)
    await write()
    expect(parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir)).generatedAt).toBe(snapshot.generatedAt)
    expect(readSnapshot(dir)).toBe(snapshot)
    // From now on the stamp decides again: a file written by another process is read.
    fs.writeFileSync(snapshotFile(dir), JSON.stringify({ ...before, generatedAt: '2026-12-03T00:00:00.000Z' }))
    expect(readSnapshot(dir).generatedAt).toBe('2026-12-03T00:00:00.000Z')
  })
})

describe('a logged snapshot update', () => {
  /** `after()` plus a service added, so the log changes a collection besides the streamed articles. */
  const logged = () => {
    const { snapshot, changes } = after()
    const service = serviceWith({ id: 'id-logged-service', slug: 'logged-service', name: '新增的法律援助服务', category: 'legal' })
    snapshot.services = [...snapshot.services, service]
    return {
      snapshot,
      update: { from: before.generatedAt, to: snapshot.generatedAt, changes: [...changes, { kind: 'services', after: service } as Change] },
    }
  }
  const streamed = (dir: string) => {
    const articles: SnapshotArticle[] = []
    const rest = readSnapshotStreamed(dir, (a) => articles.push(a))
    return { ...rest, articles }
  }

  it('leaves content.json as it was, and every reader sees the file with the update applied', async () => {
    const dir = path.join(root, 'logged')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const written = fs.readFileSync(snapshotFile(dir), 'utf8')
    const { snapshot, update } = logged()
    await stageSnapshot(dir, snapshot, update)()
    expect(fs.readFileSync(snapshotFile(dir), 'utf8')).toBe(written)
    expect(fs.readFileSync(snapshotLogFile(dir), 'utf8').trim().split('\n')).toHaveLength(1)
    expect(byId(readSnapshotFiles(dir))).toEqual(byId(snapshot))
    expect(readSnapshotFiles(dir).articles.map((a) => a.slug)).toEqual(['d', 'a', 'b'])
    expect(byId(streamed(dir))).toEqual(byId(snapshot))
    // A second update continues the first.
    const next = structuredClone(snapshot)
    const removed = next.articles.find((a) => a.slug === 'b')!
    next.articles = next.articles.filter((a) => a !== removed)
    next.generatedAt = '2026-12-01T00:10:00.000Z'
    await stageSnapshot(dir, next, { from: snapshot.generatedAt, to: next.generatedAt, changes: [{ kind: 'articles', before: removed }] })()
    expect(byId(readSnapshotFiles(dir))).toEqual(byId(next))
    expect(byId(streamed(dir))).toEqual(byId(next))
    // A full write folds the log in.
    await writeSnapshot(dir, next)
    expect(fs.existsSync(snapshotLogFile(dir))).toBe(false)
    expect(byId(parseSnapshot(fs.readFileSync(snapshotFile(dir), 'utf8'), snapshotFile(dir)))).toEqual(byId(next))
  })

  it('skips a line cut off by a crash, and a log that does not continue the file’s version', async () => {
    const dir = path.join(root, 'crashed')
    fs.mkdirSync(dir, { recursive: true })
    await writeSnapshot(dir, structuredClone(before))
    const { snapshot, update } = logged()
    await stageSnapshot(dir, snapshot, update)()
    fs.appendFileSync(snapshotLogFile(dir), '{"from":"2026-12-01T00:05:00.000Z","to":"x","changes":[{"kind":"arti')
    expect(byId(readSnapshotFiles(dir))).toEqual(byId(snapshot))
    // The file was written again (a full export) but the log stayed: the file alone counts.
    const log = fs.readFileSync(snapshotLogFile(dir), 'utf8')
    await writeSnapshot(dir, { ...structuredClone(before), generatedAt: '2026-12-02T00:00:00.000Z' })
    fs.writeFileSync(snapshotLogFile(dir), log)
    expect(readSnapshotFiles(dir).articles.map((a) => a.slug)).toEqual(['a', 'b', 'c'])
    expect(streamed(dir).articles.map((a) => a.slug)).toEqual(['a', 'b', 'c'])
  })
})
