import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { MongoClient } from 'mongodb'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkBackup } from '../cms/backup'
import { writeBackup } from '../cms/backup/backup'
import { BACKUP_VERSION } from '../cms/backup/format'
import { exportSnapshot, localSource } from '../cms/export'
import { seedSampleContent } from '../cms/seed'
import { buildSite } from '../site/publish'
import { paragraph, pngImage } from './helpers/fixtures'
import { laneMongoServer, testDatabaseUri } from './helpers/lane'
import { createStaff, STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * `npm run backup` of a CMS with sample content, staff, a draft and a published article with a
 * newer draft revision; `npm run restore` into an empty database; then the site built from each
 * must be the same, byte for byte. The commands run as child processes, as a person runs them.
 * In the MongoDB lane every database here is a MongoDB database (ids are ObjectIds).
 */

let cms: TestCms
let work: string
const DRAFT_TITLE = '备份测试：尚未发布的草稿稿件'
const REVISION_TITLE = '备份测试：已发布稿件的未审核修改'
let draftId: number | string
let liveId: number | string
let staffEmail: string
/** SQLite: the test database as it was when migrated and still empty, a target to restore into. */
let emptyDb: string
const kind = laneMongoServer() ? 'mongodb' : 'sqlite'
/** Each data folder's database: the original's, or a new one per folder restored into. */
const databases = new Map<string, string>()
const databaseOf = (dataDir: string) => {
  if (!databases.has(dataDir)) databases.set(dataDir, dataDir === cms.dir ? cms.databaseUri : testDatabaseUri(dataDir, 'portal.db'))
  return databases.get(dataDir)!
}

/** Runs `npm run <script>` (or a file under tests/) against the data folder `dataDir` and its database. */
const run = (script: string, args: string[], dataDir: string) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URI: databaseOf(dataDir),
      PAYLOAD_SECRET: 'test-secret-that-is-long-enough-0123456789',
    }
    delete env.MEDIA_DIR
    const file = script.startsWith('tests/') ? script : `scripts/${script}.ts`
    const child = spawn(process.execPath, [path.resolve('node_modules', 'tsx', 'dist', 'cli.mjs'), file, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    child.stderr.on('data', (d) => (out += String(d)))
    child.on('exit', (code) => resolve({ code, out }))
  })

/** Relative path → bytes of every file under a folder. */
const filesOf = async (dir: string) => {
  const files = new Map<string, Buffer>()
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), await fs.readFile(full))
  }
  return files
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  )

/** The collections a MongoDB database holds (none when nothing was ever written to it). */
const mongoCollections = async (uri: string) => {
  const client = await new MongoClient(uri).connect()
  try {
    return (await client.db().listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name)
  } finally {
    await client.close()
  }
}

const mongoDrop = async (uri: string) => {
  const client = await new MongoClient(uri).connect()
  try {
    await client.db().dropDatabase()
  } finally {
    await client.close()
  }
}

const jsonl = async (file: string) =>
  (await fs.readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>)

beforeAll(async () => {
  cms = await startTestCms()
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-backup-'))
  const { payload } = cms
  emptyDb = path.join(work, 'empty.db')
  if (kind === 'sqlite')
    await (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute(`VACUUM INTO '${emptyDb}'`)
  await seedSampleContent(payload)
  const staff = await createStaff(payload)
  staffEmail = staff.reviewer.email
  const png = await pngImage(900, 600)
  const cover = await payload.create({
    collection: 'media',
    data: { alt: '备份测试配图' },
    file: { data: png, mimetype: 'image/png', name: 'backup-test-cover.png', size: png.length },
  })
  draftId = (
    await payload.create({
      collection: 'articles',
      draft: true,
      data: { title: DRAFT_TITLE, body: paragraph('草稿正文。'), cover: cover.id, _status: 'draft' },
    })
  ).id
  const live = await payload.create({
    collection: 'articles',
    data: {
      title: '备份测试：已发布的稿件',
      body: paragraph('已发布的正文。'),
      cover: cover.id,
      publishedAt: '2025-05-01T02:00:00.000Z',
      _status: 'published',
    },
  })
  liveId = live.id
  await payload.update({ collection: 'articles', id: live.id, draft: true, data: { title: REVISION_TITLE } })
  // A reviewer scheduled the draft for tomorrow (what the admin's schedule button queues).
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'articles', value: String(draftId) },
      user: { relationTo: 'users', value: staff.reviewer.id },
    },
    waitUntil: new Date(Date.now() + 86_400_000),
  } as never)
}, 180_000)

afterAll(async () => {
  // The lane's server outlives the test: drop the databases restored into (cms.close drops its own).
  for (const [dir, uri] of databases) if (kind === 'mongodb' && dir !== cms.dir) await mongoDrop(uri)
  await cms?.close()
  if (work) await fs.rm(work, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('restores into an empty database a CMS whose site builds byte for byte the same, with drafts still drafts', async () => {
    const backup = path.join(work, 'backup')
    const restored = path.join(work, 'restored')

    const made = await run('backup', [backup], cms.dir)
    expect(made.code, made.out).toBe(0)
    // Password hashes are inside: the owner alone may read the folder and every file in it.
    const modes = [{ name: '.', mode: (await fs.stat(backup)).mode & 0o777, dir: true }]
    for (const entry of await fs.readdir(backup, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name)
      modes.push({ name: path.relative(backup, full), mode: (await fs.stat(full)).mode & 0o777, dir: entry.isDirectory() })
    }
    expect(modes.some((m) => m.name.startsWith('media/') && !m.dir)).toBe(true)
    for (const { name, mode, dir } of modes) expect(mode.toString(8), name).toBe(dir ? '700' : '600')
    // The commands that do not depend on each other run at once (each boots its own Payload).
    const anonymous = path.join(work, 'backup-without-users')
    const withoutUsersRun = (async () => {
      const made = await run('backup', [anonymous, '--without-users'], cms.dir)
      return { made, restored: made.code === 0 ? await run('restore', [anonymous], path.join(work, 'restored-without-users')) : made }
    })()
    const [again, restore] = await Promise.all([run('backup', [backup], cms.dir), run('restore', [backup], restored)])
    expect(again.code).toBe(1)
    expect(again.out).toMatch(/已存在且不是空文件夹/)

    const manifest = JSON.parse(await fs.readFile(path.join(backup, 'manifest.json'), 'utf8'))
    expect(manifest.users).toBe('included')
    expect(manifest.collections.map((c: { slug: string }) => c.slug)).not.toContain('site-builds')
    // Staff keep their password hashes; sessions and lockouts are left behind.
    const users = await jsonl(path.join(backup, 'collections', 'users.jsonl'))
    expect(users).toHaveLength(3)
    for (const user of users) {
      expect(user.hash).toMatch(/\w{20}/)
      expect(user.salt).toMatch(/\w{20}/)
      expect(user).not.toHaveProperty('sessions')
      expect(user).not.toHaveProperty('loginAttempts')
    }

    expect(restore.code, restore.out).toBe(0)
    const refused = await run('restore', [backup], restored)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/目标数据库不是空的/)

    // Backing up the restored database gives the same documents: ids, relations, timestamps,
    // statuses. Versions are renumbered by the adapter; all else about them is the same.
    const second = path.join(work, 'backup-of-restored')
    const snapshotB = path.join(work, 'snapshot-restored')
    const [remade, exported] = await Promise.all([run('backup', [second], restored), run('export', ['--out', snapshotB], restored)])
    expect(remade.code, remade.out).toBe(0)
    for (const { slug } of manifest.collections as { slug: string }[]) {
      const [before, after] = await Promise.all(
        [backup, second].map((dir) => fs.readFile(path.join(dir, 'collections', `${slug}.jsonl`), 'utf8')),
      )
      expect(after, `${slug} documents`).toBe(before)
      // Drafted collections have a versions file in both backups (a missing one fails here), the others in neither.
      const drafted = Boolean(cms.payload.collections[slug as CollectionSlug].config.versions)
      for (const dir of [backup, second])
        expect(await exists(path.join(dir, 'versions', `${slug}.jsonl`)), `${dir}: ${slug} versions`).toBe(drafted)
      if (!drafted) continue
      const versions = async (dir: string) =>
        (await jsonl(path.join(dir, 'versions', `${slug}.jsonl`)))
          .map(({ id: _id, ...v }) => v)
          .sort((a, b) => String(a.parent).localeCompare(String(b.parent)) || String(a.updatedAt).localeCompare(String(b.updatedAt)))
      expect(await versions(second), `${slug} versions`).toEqual(await versions(backup))
    }

    // Staff sign in to the restored CMS over REST with the passwords they had (after the
    // comparison above: signing in writes a session into the account).
    // (Not the wrong password on FerretDB: Payload counts a failed sign-in with a findAndModify
    // projection, which FerretDB 1.24 does not implement; real MongoDB does.)
    const passwords = kind === 'sqlite' ? [STAFF_PASSWORD, 'not-the-password'] : [STAFF_PASSWORD]
    const signIn = await run('tests/helpers/signInOverRest.ts', [staffEmail, ...passwords], restored)
    expect(signIn.code, signIn.out).toBe(0)
    const attempts = signIn.out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { status: number; email?: string; roles?: string[] })
    expect(attempts.map((a) => a.status)).toEqual([200, 401].slice(0, passwords.length))
    expect(attempts[0]).toMatchObject({ email: staffEmail, roles: ['reviewer'] })

    const jobs = await jsonl(path.join(second, 'collections', 'payload-jobs.jsonl'))
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ taskSlug: 'schedulePublish', input: { type: 'publish', doc: { value: String(draftId) } } })

    const restoredArticles = await jsonl(path.join(second, 'collections', 'articles.jsonl'))
    expect(restoredArticles.find((a) => a.id === draftId)).toMatchObject({ title: DRAFT_TITLE, _status: 'draft' })
    expect(restoredArticles.find((a) => a.id === liveId)).toMatchObject({ _status: 'published' })
    const latest = (await jsonl(path.join(second, 'versions', 'articles.jsonl'))).filter((v) => v.latest)
    expect(latest.find((v) => v.parent === liveId)?.version).toMatchObject({ title: REVISION_TITLE, _status: 'draft' })
    expect(latest.find((v) => v.parent === draftId)?.version).toMatchObject({ title: DRAFT_TITLE, _status: 'draft' })

    // Media files: the same names and bytes (originals and generated sizes).
    const [mediaBefore, mediaAfter] = await Promise.all([filesOf(path.join(cms.dir, 'media')), filesOf(path.join(restored, 'media'))])
    expect([...mediaAfter.keys()].sort()).toEqual([...mediaBefore.keys()].sort())
    for (const [file, bytes] of mediaBefore) expect(mediaAfter.get(file)!.equals(bytes), file).toBe(true)

    // Snapshots: one exported in-process from the original, one by `npm run export` from the restored database.
    const snapshotA = path.join(work, 'snapshot-original')
    await exportSnapshot(localSource(cms.payload, path.join(cms.dir, 'media')), snapshotA)
    expect(exported.code, exported.out).toBe(0)
    const content = async (dir: string) => {
      const { generatedAt: _generatedAt, ...rest } = JSON.parse(await fs.readFile(path.join(dir, 'content.json'), 'utf8'))
      return rest
    }
    const snapshot = await content(snapshotB)
    expect(snapshot).toEqual(await content(snapshotA))
    expect(JSON.stringify(snapshot)).not.toContain(DRAFT_TITLE)
    expect(JSON.stringify(snapshot)).not.toContain(REVISION_TITLE)

    // Without staff accounts: nothing of them in the folder, and the content restores on its own.
    const { made: withoutUsers, restored: restoredWithoutUsers } = await withoutUsersRun
    expect(withoutUsers.code, withoutUsers.out).toBe(0)
    expect(JSON.parse(await fs.readFile(path.join(anonymous, 'manifest.json'), 'utf8')).users).toBe('omitted')
    expect(await fs.readdir(path.join(anonymous, 'collections'))).not.toContain('users.jsonl')
    expect(restoredWithoutUsers.code, restoredWithoutUsers.out).toBe(0)
    expect(restoredWithoutUsers.out).toMatch(/备份里没有员工账号/)

    // The two sites: the same HTML files with the same bytes.
    const siteA = await buildSite({ snapshotDir: snapshotA, dist: path.join(work, 'dist-original') })
    const siteB = await buildSite({ snapshotDir: snapshotB, dist: path.join(work, 'dist-restored') })
    const [builtA, builtB] = await Promise.all([filesOf(siteA.dir), filesOf(siteB.dir)])
    const html = (files: Map<string, Buffer>) => [...files.keys()].filter((f) => f.endsWith('.html')).sort()
    expect(html(builtA).length).toBeGreaterThan(100)
    expect(html(builtB)).toEqual(html(builtA))
    const differing = html(builtA).filter((f) => !builtA.get(f)!.equals(builtB.get(f)!))
    expect(differing).toEqual([])
    expect(html(builtA).some((f) => builtA.get(f)!.includes('备份测试：已发布的稿件'))).toBe(true)
  }, 480_000)

  it('refuses a damaged backup, another format version or the other database kind, leaving the target as it was', async () => {
    // The target a person restores into: an empty, migrated database, and one upload already there.
    const target = path.join(work, 'refusing-target')
    await fs.mkdir(path.join(target, 'media'), { recursive: true })
    if (kind === 'sqlite') await fs.copyFile(emptyDb, path.join(target, 'portal.db'))
    await fs.writeFile(path.join(target, 'media', 'already-here.png'), await pngImage(40, 30))
    const good = path.join(work, 'good-backup')
    const manifest = await writeBackup(cms.payload, good, { media: path.join(cms.dir, 'media') })
    await expect(checkBackup(good)).resolves.toMatchObject({ manifest })
    const articles = manifest.collections.find((c) => c.slug === 'articles')!
    const media = manifest.media.find((m) => m.bytes > 1000)!
    expect(articles.documents).toBeGreaterThan(2)

    const damaged = async (name: string, damage: (dir: string) => Promise<void>) => {
      const dir = path.join(work, name)
      await fs.cp(good, dir, { recursive: true })
      await damage(dir)
      return dir
    }
    const halve = async (file: string) => fs.truncate(file, Math.floor((await fs.stat(file)).size / 2))
    const garble = async (file: string) => {
      const bytes = await fs.readFile(file)
      bytes.fill(0x7a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8)
      await fs.writeFile(file, bytes)
    }
    const manifestWith = (change: Record<string, unknown>) => (dir: string) =>
      fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...change }))
    const cases: { name: string; damage: (dir: string) => Promise<void>; refusal: RegExp }[] = [
      { name: 'cut-manifest', damage: (dir) => halve(path.join(dir, 'manifest.json')), refusal: /manifest\.json 不是完整的 JSON/ },
      {
        name: 'cut-documents',
        damage: (dir) => halve(path.join(dir, 'collections', 'articles.jsonl')),
        refusal: /备份已损坏：collections\/articles\.jsonl 与备份时的校验值不符/,
      },
      {
        name: 'garbled-versions',
        damage: (dir) => garble(path.join(dir, 'versions', 'articles.jsonl')),
        refusal: /备份已损坏：versions\/articles\.jsonl 与备份时的校验值不符/,
      },
      {
        name: 'garbled-media',
        damage: (dir) => garble(path.join(dir, 'media', media.file)),
        refusal: new RegExp(`备份已损坏：图片文件 media/${media.file.replace(/\./g, '\\.')} 与备份时的校验值不符`),
      },
      {
        name: 'next-format-version',
        damage: manifestWith({ version: BACKUP_VERSION + 1 }),
        refusal: new RegExp(`备份格式版本 ${BACKUP_VERSION + 1} 不受支持`),
      },
      // What `npm run backup` writes against the other database: the same files, other ids.
      {
        name: 'other-kind',
        damage: manifestWith(kind === 'sqlite' ? { database: 'mongodb', migrations: [] } : { database: 'sqlite' }),
        refusal: kind === 'sqlite' ? /备份来自 mongodb，目标数据库是 sqlite/ : /备份来自 sqlite，目标数据库是 mongodb/,
      },
      // A line edited and its checksum recomputed is still caught…
      {
        name: 'edited-line',
        damage: async (dir) => {
          const file = path.join(dir, 'collections', 'articles.jsonl')
          const text = (await fs.readFile(file, 'utf8')).replace(/\}\n/, '\n')
          await fs.writeFile(file, text)
          const sha256 = createHash('sha256').update(text).digest('hex')
          await manifestWith({
            collections: manifest.collections.map((c) =>
              c.slug === 'articles' ? { ...c, sha256: { ...c.sha256, documents: sha256 } } : c,
            ),
          })(dir)
        },
        refusal: /collections\/articles\.jsonl 第 1 行不是完整的 JSON 对象/,
      },
      // …and a manifest cannot point restore outside the media folder.
      {
        name: 'escaping-media',
        damage: manifestWith({ media: [{ ...media, file: `../../${media.file}` }] }),
        refusal: /media\.0\.file.*图片路径必须在 media\/ 之内/,
      },
    ]
    // `npm run restore` makes these checks before it opens the database: not a byte of it or of
    // the uploads changes, and no file appears (not even a WAL). Two cases, each a process of its
    // own: one that would write half the news, one that is about the target's kind, not the files.
    const dirs = new Map<string, string>()
    for (const { name, damage } of cases) dirs.set(name, await damaged(name, damage))
    const before = await filesOf(target)
    const viaScript = cases.filter((c) => c.name === 'cut-documents' || c.name === 'other-kind')
    const runs = await Promise.all(viaScript.map(({ name }) => run('restore', [dirs.get(name)!], target)))
    const after = await filesOf(target)
    expect([...after.keys()].sort(), runs.map((r) => r.out).join('\n')).toEqual([...before.keys()].sort())
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true)
    if (kind === 'mongodb') expect(await mongoCollections(databaseOf(target))).toEqual([])
    viaScript.forEach(({ name, refusal }, i) => {
      expect(runs[i]!.code, `${name}: ${runs[i]!.out}`).toBe(1)
      expect(runs[i]!.out, name).toMatch(refusal)
    })

    // Every case, checked in-process.
    for (const { name, refusal } of cases) await expect(checkBackup(dirs.get(name)!), name).rejects.toThrow(refusal)
  }, 120_000)
})
