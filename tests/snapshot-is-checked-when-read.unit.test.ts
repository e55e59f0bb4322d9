import { constants } from 'node:buffer'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { SNAPSHOT_VERSION, type ContentSnapshot } from '../content-models/snapshot'
import { articleWith } from './helpers/snapshots'
import {
  readSnapshot,
  readSnapshotFiles,
  readSnapshotForUpdate,
  readSnapshotStreamed,
  replaceSnapshot,
  snapshotFile,
  writeSnapshot,
} from '../site/snapshot'

/** The snapshot module is the one reader and writer of content.json; a bad file is refused with a message that names it. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-snapshot-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const empty = (): ContentSnapshot => ({
  version: SNAPSHOT_VERSION,
  generatedAt: '2026-12-01T00:00:00.000Z',
  articles: [],
  workersHomes: [],
  laborModels: [],
  services: [],
  organizations: [],
  regions: [{ code: '330702', name: '东港区', level: 'district' }],
  categories: [],
})

describe('the content snapshot on disk', () => {
  it('round-trips through write and read, and a second read is the cached copy', async () => {
    const at = path.join(dir, 'ok')
    await replaceSnapshot(at, empty(), async (media) => fs.writeFileSync(path.join(media, 'a.jpg'), 'x'))
    expect(fs.existsSync(path.join(at, 'media', 'a.jpg'))).toBe(true)
    const first = readSnapshot(at)
    expect(first.regions[0]!.name).toBe('东港区')
    expect(readSnapshot(at)).toBe(first)
  })

  it('gives an update its own copy: a failed patch never reaches the next reader', async () => {
    const at = path.join(dir, 'ok')
    const forUpdate = readSnapshotForUpdate(at)
    forUpdate.regions.push({ code: 'x', name: '半途而废', level: 'district' })
    expect(readSnapshot(at).regions.map((r) => r.name)).toEqual(['东港区'])
    const changed = readSnapshotForUpdate(at)
    changed.regions.push({ code: '330703', name: '西湖区', level: 'district' })
    await writeSnapshot(at, changed)
    expect(JSON.parse(fs.readFileSync(snapshotFile(at), 'utf8')).regions).toHaveLength(2)
  })

  it('names the file, the field and what to do when a record does not match the schema', () => {
    const at = path.join(dir, 'bad')
    fs.mkdirSync(at, { recursive: true })
    const bad = { ...empty(), articles: [{ id: '1', slug: 'a', title: 42 }] }
    fs.writeFileSync(snapshotFile(at), JSON.stringify(bad))
    expect(() => readSnapshot(at)).toThrow(/bad\/content\.json.*articles\[0\]\.title.*npm run export/s)
  })

  it('says how to fix an old version, a cut-off file and a missing one', () => {
    const at = path.join(dir, 'old')
    fs.mkdirSync(at, { recursive: true })
    fs.writeFileSync(snapshotFile(at), JSON.stringify({ ...empty(), version: 99 }))
    expect(() => readSnapshot(at)).toThrow(/version 99.*npm run export/)
    fs.writeFileSync(snapshotFile(at), '{"version": 1, "artic')
    expect(() => readSnapshot(at)).toThrow(/not valid JSON.*npm run export/)
    expect(() => readSnapshot(path.join(dir, 'none'))).toThrow(/No content snapshot at .*none.*npm run export/)
  })

  it('keeps the previous snapshot when an export fails half-way', async () => {
    const at = path.join(dir, 'ok')
    const before = fs.readFileSync(snapshotFile(at), 'utf8')
    await expect(replaceSnapshot(at, empty(), async () => Promise.reject(new Error('CMS unreachable')))).rejects.toThrow('CMS unreachable')
    expect(fs.readFileSync(snapshotFile(at), 'utf8')).toBe(before)
  })

  it('is written a record a line, and read an article at a time as a whole read has it', async () => {
    const at = path.join(dir, 'lines')
    fs.mkdirSync(at, { recursive: true })
    const articles = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      slug: `a-${i}`,
      // Line breaks, a line separator and quotes inside the text: the layout must survive them.
      title: `第${i}篇："职工书屋"\n开放\u2028时间`,
      bodyHtml: `<p>${'劳动'.repeat(i % 700)}</p>\n<p>二</p>`,
      bodyText: `${'劳动'.repeat(i % 700)}\n二`,
      publishedAt: '2026-11-30T02:00:00.000Z',
      updatedAt: '2026-11-30T02:00:00.000Z',
      categories: [],
      tags: [],
      featured: false,
      script: 'simplified' as const,
    }))
    const snapshot = { ...empty(), articles, categories: [] }
    await writeSnapshot(at, structuredClone(snapshot))
    const text = fs.readFileSync(snapshotFile(at), 'utf8')
    expect(JSON.parse(text)).toEqual(snapshot)
    expect(text.split('\n').length).toBeGreaterThan(articles.length)
    const seen: unknown[] = []
    const rest = readSnapshotStreamed(at, (a) => seen.push(a))
    expect(seen).toEqual(articles)
    expect(rest).toEqual({ ...snapshot, articles: [] })
    // A file of one line (an older writer, a hand-made fixture) is read whole, with the same result.
    fs.writeFileSync(snapshotFile(at), JSON.stringify(snapshot))
    const again: unknown[] = []
    expect(readSnapshotStreamed(at, (a) => again.push(a))).toEqual({ ...snapshot, articles: [] })
    expect(again).toEqual(articles)
  })

  it('reads a snapshot longer than a JavaScript string can be (200k articles), and refuses one cut off', () => {
    const at = path.join(dir, 'long')
    fs.mkdirSync(at, { recursive: true })
    // As writeSnapshot lays it out, a record a line, with the text of every body together past V8's string limit.
    const body = 'a'.repeat(8 << 20)
    const count = Math.ceil(constants.MAX_STRING_LENGTH / body.length) + 1
    const { articles: _none, ...head } = empty()
    const fd = fs.openSync(snapshotFile(at), 'w')
    fs.writeSync(fd, `${JSON.stringify({ version: head.version, generatedAt: head.generatedAt }).slice(0, -1)},\n"articles":[`)
    for (let i = 0; i < count; i++) {
      const article = articleWith({ slug: `a-${i}`, title: `第${i}篇`, bodyHtml: `<p>${i}</p>`, bodyText: body })
      fs.writeSync(fd, `${i ? ',' : ''}\n${JSON.stringify(article)}`)
    }
    for (const [key, list] of Object.entries(head))
      if (Array.isArray(list)) fs.writeSync(fd, `\n],\n${JSON.stringify(key)}:[${list.map((r) => `\n${JSON.stringify(r)}`).join(',')}`)
    fs.writeSync(fd, '\n]}\n')
    fs.closeSync(fd)
    expect(fs.statSync(snapshotFile(at)).size).toBeGreaterThan(constants.MAX_STRING_LENGTH)
    const read = readSnapshotFiles(at)
    expect(read.articles).toHaveLength(count)
    expect(read.articles.at(-1)!.slug).toBe(`a-${count - 1}`)
    expect(read.regions).toEqual(empty().regions)
    // The same file cut off after its articles: refused in words, not read as a smaller site.
    fs.truncateSync(snapshotFile(at), fs.statSync(snapshotFile(at)).size - 200)
    expect(() => readSnapshotFiles(at)).toThrow(/long\/content\.json.*(cut-off|not valid JSON).*npm run export/s)
    fs.rmSync(at, { recursive: true, force: true })
    // Half a gigabyte written and read on two shared cores.
  }, 240_000)
})
