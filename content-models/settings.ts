import os from 'node:os'
import path from 'node:path'

import type { S3ClientConfig } from '@aws-sdk/client-s3'

import { processSlot } from './processState'

/**
 * Every setting the portal takes from its environment, declared once below: the variable, how
 * it is read, its default and what it means. This is the only module that reads `process.env`
 * (Next.js and Astro read their own variables); the rest of the code is handed a `Settings` or
 * calls `settings()`. Tests and the benchmark steer a process with `configureSettings({...})`
 * instead of editing the environment before imports, and child processes (astro build, the
 * Next.js server) get the same values through `childEnv()`, written back from the same
 * declarations. The README's settings table and `.env.example` are generated from them too
 * (`npm run settings:docs`; a test fails when they are stale). Paths are resolved against the
 * repository root, never the working directory of whoever imported a module first.
 */

type Env = Record<string, string | undefined>

/** A variable as people read about it: a row of the README's table, an entry of `.env.example`. */
export interface Variable {
  name: string
  /** The default as the README shows it (Markdown). */
  default: string
  /** What it does (Markdown). */
  meaning: string
  /** What `.env.example` shows after `NAME=` when that is not the default itself. */
  example?: string
}

/** One setting: the variables it comes from, how it is read, how a child process is handed it. */
interface Setting<T, At> {
  /** The variables people may set; empty when only a build sets it, for its own child. */
  vars: Variable[]
  read: (env: Env, at: At) => T
  /** The variables that make a child process read the same value; without it a child inherits this process's own. */
  write?: (value: T) => Env
}
interface Table<At> {
  [key: string]: Setting<unknown, At> | Table<At>
}
type Values<Tb> = { [K in keyof Tb]: Tb[K] extends { read: (...args: never[]) => infer T } ? T : Values<Tb[K]> }

type Doc = Omit<Variable, 'name'>
type DocWithDefault = Omit<Doc, 'default'> & { default?: string }

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
const code = (value: string | number | boolean) => `\`${value}\``
const withoutSlash = (url: string) => url.replace(/(?<!\/)\/+$/, '')

/**
 * A setting read from one variable. `doc` undefined: internal, set by a build for its child.
 * `write` false: a child is not handed it (it inherits this process's environment).
 */
const variable = <T, At>(
  name: string,
  doc: Doc | undefined,
  read: (raw: string | undefined, at: At) => T,
  write: ((value: T) => string | undefined) | false = (value) => (value === undefined ? undefined : String(value)),
): Setting<T, At> => ({
  vars: doc ? [{ name, ...doc }] : [],
  read: (env, at) => read(env[name], at),
  ...(write ? { write: (value: T) => ({ [name]: write(value) }) } : {}),
})

const numberOr = (value: string | undefined, fallback: number, name: string) => {
  if (trimmed(value) === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name}="${value}" is not a number: give a non-negative number or leave it unset (default ${fallback}).`)
  return n
}

/** A non-negative number; `least` raises smaller values to it. */
const count = (name: string, fallback: number, doc: DocWithDefault, least = 0) =>
  variable(name, { default: code(fallback), ...doc }, (raw) => Math.max(least, numberOr(raw, fallback, name)))

/** On unless set to `false`. */
const onUnlessFalse = (name: string, doc: Omit<Doc, 'default'>) => variable(name, { default: code(true), ...doc }, (raw) => raw !== 'false')

const text = (name: string, fallback: string, doc: DocWithDefault) =>
  variable(name, { default: code(fallback), ...doc }, (raw) => trimmed(raw) ?? fallback)

const optional = (name: string, doc: DocWithDefault) => variable(name, { default: 'unset', ...doc }, (raw) => trimmed(raw))

/** A folder, resolved in the repository root. */
const folder = <At extends { rootDir: string }>(name: string, fallback: (at: At) => string, doc: Doc | undefined) =>
  variable(name, doc, (raw, at: At) => path.resolve(/* turbopackIgnore: true */ at.rootDir, trimmed(raw) ?? fallback(at)))

const cronOr = (value: string | undefined, fallback: string, name: string) => {
  const pattern = trimmed(value)
  if (pattern === undefined) return fallback
  // The runner (croner) would only reject a bad pattern at the first request, inside Payload.
  if (![5, 6].includes(pattern.split(/\s+/).length))
    throw new Error(`${name}="${value}" is not a cron pattern: give five fields (minute first) or six (second first), e.g. "* * * * *".`)
  return pattern
}

/**
 * S3-compatible media storage (AWS S3, MinIO, Aliyun OSS, Tencent COS…), on when S3_BUCKET
 * is set. Without it, media stay on the CMS server's disk (MEDIA_DIR).
 */
export interface S3Settings {
  bucket: string
  /** Object key prefix inside the bucket, e.g. `portal/`. */
  prefix: string
  client: S3ClientConfig
}

export const s3FromEnv = (env: Env): S3Settings | undefined => {
  const bucket = trimmed(env.S3_BUCKET)
  if (!bucket) return undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('S3_BUCKET 已设置，但缺少 S3_ACCESS_KEY_ID 或 S3_SECRET_ACCESS_KEY：请补上访问密钥，或去掉 S3_BUCKET 改用本地存储。')
  }
  return {
    bucket,
    prefix: (env.S3_PREFIX ?? '').replace(/^\/+/, ''),
    client: {
      region: env.S3_REGION || 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      // MinIO and most self-hosted stores address buckets by path, not by subdomain.
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' || Boolean(env.S3_ENDPOINT && env.S3_FORCE_PATH_STYLE !== 'false'),
      credentials: { accessKeyId, secretAccessKey },
    },
  }
}

// Read in three stages, so that a default may depend on a setting of an earlier stage.

/** What other settings' defaults depend on. */
const anchors = {
  /** Repository root: npm scripts, the Next.js server and vitest all run from it. */
  rootDir: variable('PORTAL_ROOT', undefined, (raw, at: { cwd: string }) =>
    path.resolve(/* turbopackIgnore: true */ trimmed(raw) ?? at.cwd),
  ),
  production: variable(
    'NODE_ENV',
    {
      default: 'unset',
      example: 'production',
      meaning: '`production` serves the admin compiled by `npm run build:cms` and enforces the secret.',
    },
    (raw) => raw === 'production',
    false,
  ),
  port: count('PORT', 3000, { meaning: 'Port of the admin and API.' }),
  cmsPublicUrl: optional('CMS_PUBLIC_URL', {
    default: '`http://localhost:$PORT`',
    example: 'https://cms.example.org',
    meaning:
      "Public URL of the CMS: links it generates, and where the site's preview page fetches drafts (also allowed in the site's CSP). The admin's saves carry the signed-in session only from this origin (unset: `localhost` or `127.0.0.1` on `PORT`), so set it when staff open the admin at any other address.",
  }),
  sitePort: count('SITE_PORT', 4321, { meaning: 'Port of the public site served by `npm start` / `npm run serve`.' }),
}
type Anchors = Values<typeof anchors>

const dataDirs = {
  /** Everything the embedded setup writes (SQLite file, secret, media, snapshot). */
  dataDir: folder('DATA_DIR', () => 'data', { default: code('data'), meaning: 'Folder for the SQLite file, the local secret and media.' }),
}
type AtData = Anchors & Values<typeof dataDirs>

const rest = {
  mediaDir: folder('MEDIA_DIR', (at: AtData) => path.join(at.dataDir, 'media'), {
    default: '`$DATA_DIR/media`',
    meaning: 'Where uploaded images and their generated sizes are stored.',
  }),
  /** As given; undefined means the SQLite file `dataDir/portal.db`. */
  databaseUri: optional('DATABASE_URI', {
    default: '`file:$DATA_DIR/portal.db`',
    example: 'mongodb://localhost:27017/union-portal?replicaSet=rs0',
    meaning: 'SQLite file (libsql URL or path). A `mongodb://` or `mongodb+srv://` URI selects MongoDB (transactions need a replica set).',
  }),
  payloadSecret: optional('PAYLOAD_SECRET', {
    default: 'generated into `$DATA_DIR/.payload-secret`',
    meaning:
      'Signs sessions. **Required, ≥ 32 characters, when `NODE_ENV=production`** — the CMS refuses to start without it. Make one with `openssl rand -hex 32`.',
  }),
  /** The origin the admin is opened at: its saves and the preview page's fetches come from here. */
  cmsOrigin: {
    vars: [],
    read: (_env: Env, at: AtData) => new URL(at.cmsPublicUrl ?? `http://localhost:${at.port}`).origin,
  },
  /** Created on start when the database has no users; without both email and password the admin shows its "create first user" screen. */
  firstAdmin: {
    email: variable(
      'ADMIN_EMAIL',
      {
        default: 'unset',
        example: 'admin@example.org',
        meaning:
          'E-mail of the first administrator, created on start when there are no users. Without it and `ADMIN_PASSWORD`, the admin shows its "create first user" screen.',
      },
      trimmed,
      false,
    ),
    password: variable(
      'ADMIN_PASSWORD',
      { default: 'unset', example: 'at-least-12-characters', meaning: "The first administrator's password. No default account exists." },
      (raw) => raw || undefined,
      false,
    ),
    name: variable('ADMIN_NAME', { default: 'unset', example: '管理员', meaning: "The first administrator's name." }, trimmed, false),
  },
  seedSampleContent: variable(
    'SEED_SAMPLE_CONTENT',
    {
      default: '`true`, but `false` when `NODE_ENV=production`',
      example: 'true',
      meaning: 'Load the sample content when the database is empty.',
    },
    // A real deployment starts empty unless asked; a newcomer's first start gets the samples.
    (raw, at: AtData) => (trimmed(raw) ? raw === 'true' : !at.production),
    false,
  ),
  maxUploadBytes: variable(
    'MAX_UPLOAD_MB',
    { default: code(10), meaning: 'Largest accepted image upload, in MB.' },
    (raw) => numberOr(raw, 10, 'MAX_UPLOAD_MB') * 1024 * 1024,
    (bytes) => String(bytes / 1024 / 1024),
  ),
  s3: {
    vars: [
      {
        name: 'S3_BUCKET',
        default: 'unset',
        example: 'portal-media',
        meaning: 'Store media in this S3-compatible bucket instead of `MEDIA_DIR` (see Deploying).',
      },
      { name: 'S3_ACCESS_KEY_ID', default: 'unset', meaning: 'Required with `S3_BUCKET`; the CMS refuses to start without it.' },
      { name: 'S3_SECRET_ACCESS_KEY', default: 'unset', meaning: 'Required with `S3_BUCKET`; the CMS refuses to start without it.' },
      {
        name: 'S3_ENDPOINT',
        default: 'AWS',
        example: 'https://minio.example.org',
        meaning:
          'Endpoint of a non-AWS store (MinIO, OSS, COS…); path-style addressing is used with it unless `S3_FORCE_PATH_STYLE=false`.',
      },
      {
        name: 'S3_FORCE_PATH_STYLE',
        default: '`true` with `S3_ENDPOINT`',
        meaning: 'Address the bucket by path rather than by subdomain.',
      },
      { name: 'S3_REGION', default: code('us-east-1'), meaning: 'Region of the bucket.' },
      { name: 'S3_PREFIX', default: 'none', example: 'jiangnan', meaning: 'Key prefix (a folder) inside the bucket.' },
    ],
    read: (env: Env) => s3FromEnv(env),
  },
  jobsAutorun: onUnlessFalse('PAYLOAD_JOBS_AUTORUN', {
    meaning: '`false` stops this process from running scheduled publish/unpublish jobs (e.g. when a separate worker runs them).',
  }),
  jobsAutorunCron: variable(
    'PAYLOAD_JOBS_AUTORUN_CRON',
    {
      default: code('* * * * *'),
      meaning:
        'When scheduled jobs are looked for (cron; a sixth, leading field counts seconds): a scheduled publish goes live at the first look after its time.',
    },
    (raw) => cronOr(raw, '* * * * *', 'PAYLOAD_JOBS_AUTORUN_CRON'),
  ),
  siteAutobuild: variable(
    'SITE_AUTOBUILD',
    {
      default: '`true` under `npm start`',
      example: 'true',
      meaning:
        'Whether this process works the site build queue. Every process queues its publishes; `false` on a server leaves them queued for another one.',
    },
    (raw): boolean | undefined => (trimmed(raw) ? raw === 'true' : undefined),
  ),
  rebuildQuietMs: count('SITE_REBUILD_QUIET_MS', 0, {
    meaning: 'Extra wait for more edits before rebuilding (none by default: publishes made during a build are built together next).',
  }),
  siteIncremental: onUnlessFalse('SITE_INCREMENTAL', { meaning: '`false` makes every publish rebuild the whole site.' }),
  residentRenderer: onUnlessFalse('SITE_RESIDENT_RENDERER', {
    meaning:
      '`false` renders each incremental publish with `astro build` instead of the resident renderer (saves its memory, costs ~2–3 s per publish).',
  }),
  searchDeltaLimit: count('SITE_SEARCH_DELTA_LIMIT', 200, {
    meaning: 'Pages in the search delta index after which the next build is a full one.',
  }),
  searchThreads: variable(
    'SITE_SEARCH_THREADS',
    {
      default: 'cores, at most 4',
      meaning:
        'Threads that answer server searches (each holds its own connection to the index); one more thread takes the costly queries (see [Search](#search)).',
    },
    // One per core, but at most four: past that, queries wait on the disk and the CMS, not on threads.
    (raw) => Math.max(1, numberOr(raw, Math.min(4, os.availableParallelism()), 'SITE_SEARCH_THREADS')),
  ),
  searchRatePerSecond: count('SITE_SEARCH_RATE', 4, {
    meaning:
      "Searches per second one client address may make, after a burst of ten times that; `0` turns the limit off (behind a reverse proxy every visitor has the proxy's address: limit there instead).",
  }),
  listingPageSize: count('SITE_LISTING_PAGE_SIZE', 20, { meaning: 'News on each numbered page of a listing.' }, 1),
  searchShardPages: variable(
    'SITE_SEARCH_SHARD_PAGES',
    {
      default: 'unset',
      meaning:
        'At most this many pages per Pagefind run. Runs are already bounded by their words (~0.8 GB each, see [Search](#search)); set it lower on a host short of memory: each extra run adds to a first search.',
    },
    (raw) => numberOr(raw, 0, 'SITE_SEARCH_SHARD_PAGES') || undefined,
  ),
  importChunkPages: count(
    'IMPORT_CHUNK_PAGES',
    3000,
    { meaning: 'Pages `npm run import` writes per process: the writing process keeps ~0.2 MB per page until it exits.' },
    1,
  ),
  /** Public address of the site, without a trailing slash. */
  siteUrl: variable(
    'SITE_URL',
    {
      default: '`http://localhost:$SITE_PORT`',
      example: 'https://www.example.org',
      meaning: 'Public address of the site, used in canonical links, the feed, sitemap and JSON-LD.',
    },
    (raw, at: AtData) => withoutSlash(trimmed(raw) ?? `http://localhost:${at.sitePort}`),
  ),
  /**
   * Host names of the union's old site: an imported article whose `originalUrl` is on one of
   * them gets a redirect from its old path (site/redirects/), besides SITE_URL's own host,
   * since the new portal usually takes over the old site's address.
   */
  oldSiteHosts: variable(
    'SITE_OLD_HOSTS',
    {
      default: 'unset',
      example: 'www.jnzgh.gov.cn,bbs.jnzgh.gov.cn',
      meaning:
        "Host names of the union's old site, comma-separated: imported articles whose original address is on one of them (or on `SITE_URL`'s host) get a 301 from their old path (see [Old links](#old-links)).",
    },
    (raw) => (raw ?? '').split(/[\s,，]+/).filter(Boolean),
    (hosts) => hosts.join(','),
  ),
  siteName: text('SITE_NAME', '江南市总工会', { meaning: "The union's name in the site header." }),
  siteTagline: text('SITE_TAGLINE', '新闻与职工服务', { meaning: "The union's tagline in the site header." }),
  cmsUrl: optional('CMS_URL', {
    example: 'https://cms.example.org',
    meaning: 'Build the site from a CMS elsewhere over REST instead of the embedded database.',
  }),
  snapshotDir: folder('SNAPSHOT_DIR', (at: AtData) => path.join(at.dataDir, 'snapshot'), {
    default: '`$DATA_DIR/snapshot`',
    meaning: 'Where the content snapshot is written and read.',
  }),
  /** Site builds go to `distDir/builds/<id>`; `distDir/live` points at the one served. */
  distDir: folder('SITE_DIST_DIR', () => 'dist', { default: code('dist'), meaning: 'Where site builds and the `live` symlink go.' }),
  /** How a build hands its work to the `astro build` child process. */
  astro: {
    outDir: folder('SITE_OUT_DIR', () => path.join('dist', 'site'), undefined),
    cacheDir: folder('ASTRO_CACHE_DIR', () => path.join('node_modules', '.astro'), undefined),
    /** A partial build's plan file (site/lib/partial.ts); a child is handed it even when empty, so it never inherits its parent's. */
    partialPlan: variable('SITE_PARTIAL', undefined, trimmed, (plan) => plan ?? ''),
  },
  chromiumPath: text('CHROMIUM_PATH', '/usr/bin/chromium', { meaning: 'The Chromium the browser tests drive.' }),
}

const stages = [anchors, dataDirs, rest] as const

/** What `settings()` returns: the type each declaration above reads, under its key. */
export type Settings = Anchors & Values<typeof dataDirs> & Values<typeof rest>

/** A setting, as opposed to a nested group of them (`astro`, `firstAdmin`). */
const isSetting = (entry: Setting<unknown, never> | Table<never>): entry is Setting<unknown, never> => typeof entry.read === 'function'

const readTable = (table: Table<never>, env: Env, at: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(table).map(([key, entry]) => [key, isSetting(entry) ? entry.read(env, at as never) : readTable(entry, env, at)]),
  )

/** Settings from an environment; pure, so tests can hand it any environment. */
export const settingsFromEnv = (env: Env, cwd = process.cwd()): Settings =>
  // Each stage reads with the working directory and the stages before it at hand.
  stages.reduce<object>((at, table) => ({ ...at, ...readTable(table as Table<never>, env, { cwd, ...at }) }), {}) as Settings

const writeTable = (table: Table<never>, values: Record<string, unknown>): Env =>
  Object.assign(
    {},
    ...Object.entries(table).map(([key, entry]) =>
      isSetting(entry) ? (entry.write?.(values[key]) ?? {}) : writeTable(entry, values[key] as Record<string, unknown>),
    ),
  )

/**
 * The environment that makes a child process resolve the same settings (the parts a child
 * can be handed; `firstAdmin` and S3 keys travel in the parent's own environment).
 */
export const settingsEnv = (s: Settings): Record<string, string> => {
  const env = Object.assign({}, ...stages.map((table) => writeTable(table as Table<never>, s as unknown as Record<string, unknown>))) as Env
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

const documented = (table: Table<never>): Variable[] =>
  Object.values(table).flatMap((entry) => (isSetting(entry) ? entry.vars : documented(entry)))

/** Every variable people may set, in the order the README and `.env.example` list them. */
export const settingVariables = (): Variable[] => stages.flatMap((table) => documented(table as Table<never>))

/** What a child process inherits: this process's environment with the current settings over it. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...settingsEnv(settings()),
  ...extra,
})

const current = processSlot<Settings>('settings')

/** The settings of this process, read from its environment the first time they are asked for. */
export const settings = (): Settings => current.get() ?? (current.set(settingsFromEnv(process.env)), current.get()!)

/** A partial `Settings`, nested objects partial too. */
export type SettingsOverrides = Partial<Omit<Settings, 'astro' | 'firstAdmin'>> & {
  astro?: Partial<Settings['astro']>
  firstAdmin?: Settings['firstAdmin']
}

/**
 * Replaces some settings for the rest of this process (tests, the benchmark, a script that must
 * not run the jobs queue). A changed `dataDir` moves the paths that default to it, unless they
 * are given too.
 */
export const configureSettings = (overrides: SettingsOverrides): Settings => {
  const base = settings()
  const dataDir = overrides.dataDir ?? base.dataDir
  const moved =
    dataDir !== base.dataDir ? settingsFromEnv({ ...process.env, DATA_DIR: dataDir, MEDIA_DIR: undefined, SNAPSHOT_DIR: undefined }) : base
  const next: Settings = {
    ...base,
    mediaDir: moved.mediaDir,
    snapshotDir: moved.snapshotDir,
    ...overrides,
    astro: { ...base.astro, ...overrides.astro },
    firstAdmin: overrides.firstAdmin ?? base.firstAdmin,
  }
  current.set(next)
  return next
}
