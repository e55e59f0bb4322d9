import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PayloadRequest } from 'payload'

import { DATABASE_BUSY_MESSAGE, explainDatabaseBusy } from '../cms/hooks/databaseBusy'
import { pendingRequests } from '../cms/publishing/queue'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * Another process (a backup, an import, a second CMS) holds SQLite's write lock while a
 * reviewer publishes. Found once: past the 10 s busy timeout the publish answered 500
 * "Something went wrong." in English, saying neither that nothing was saved nor what to do.
 */
let cms: TestCms
let reviewer: string
beforeAll(async () => {
  cms = await startTestCms()
  await createStaff(cms.payload)
  reviewer = await cms.login('reviewer@example.org', STAFF_PASSWORD)
})
afterAll(() => cms?.close())

/** A second process that takes the database's exclusive lock and keeps it for `ms`. */
const holdLock = (ms: number) =>
  new Promise<Promise<void>>((resolve, reject) => {
    const script = `
      const { DatabaseSync } = require('node:sqlite')
      const db = new DatabaseSync(${JSON.stringify(path.join(cms.dir, 'test.db'))})
      db.exec('BEGIN EXCLUSIVE')
      console.log('locked')
      setTimeout(() => db.exec('COMMIT'), ${ms})`
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const released = new Promise<void>((r) => child.on('exit', () => r()))
    child.on('error', reject)
    child.stdout.on('data', (d) => String(d).includes('locked') && resolve(released))
  })

const publish = (title: string) => cms.rest('POST', '/articles', { token: reviewer, json: { title, _status: 'published' } })
const saved = async (title: string) => {
  const article = (await cms.payload.find({ collection: 'articles', where: { title: { equals: title } }, depth: 0 })).docs[0]
  const queued = (await pendingRequests(cms.payload)).some((r) => r.doc?.collection === 'articles' && r.doc.id === String(article?.id))
  return { article: Boolean(article), queued }
}

describe('a publish while another process holds the database lock', () => {
  it('waits for a short lock and is saved with its site build queued', async () => {
    const released = await holdLock(2000)
    const res = await publish('短暂锁定时发布的稿件')
    expect(res.status).toBe(201)
    await released
    expect(await saved('短暂锁定时发布的稿件')).toEqual({ article: true, queued: true })
  }, 60_000)

  it('past the busy timeout is either saved whole or refused in Chinese with nothing saved, and then saved', async () => {
    // Seen both ways on this machine: a 500 "Something went wrong." after the 10 s busy timeout,
    // and a publish that waited out the lock. Whichever happens, nothing is half-saved.
    const released = await holdLock(20_000)
    const res = await publish('长时间锁定时发布的稿件')
    await released
    if (res.status === 201) {
      expect(await saved('长时间锁定时发布的稿件')).toEqual({ article: true, queued: true })
      return
    }
    expect({ status: res.status, message: res.body.errors[0].message }).toEqual({ status: 503, message: DATABASE_BUSY_MESSAGE })
    expect(await saved('长时间锁定时发布的稿件')).toEqual({ article: false, queued: false })
    expect((await publish('长时间锁定时发布的稿件')).status).toBe(201)
    expect(await saved('长时间锁定时发布的稿件')).toEqual({ article: true, queued: true })
  }, 60_000)
})

describe('a save that hits the busy timeout', () => {
  it('is answered 503 with Retry-After and a message saying nothing was saved', () => {
    const busy = new Error('Failed query: insert into "articles" …', {
      cause: Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    })
    const req = {} as PayloadRequest
    expect(explainDatabaseBusy({ error: busy, req, context: {}, result: undefined } as never)).toEqual({
      status: 503,
      response: { errors: [{ message: DATABASE_BUSY_MESSAGE }] },
    })
    expect(req.responseHeaders?.get('Retry-After')).toBe('5')
    expect(explainDatabaseBusy({ error: new Error('other'), req: {} as PayloadRequest, context: {} } as never)).toBeUndefined()
  })
})
