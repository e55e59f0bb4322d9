import os from 'node:os'
import path from 'node:path'

import type { S3ClientConfig } from '@aws-sdk/client-s3'

import { processSlot } from './processState'

/**
 * Every setting the portal takes from its environment, with its default, in one place. This is
 * the only module that reads `process.env` (Next.js and Astro read their own variables); the
 * rest of the code is handed a `Settings` or calls `settings()`. Tests and the benchmark steer a
 * process with `configureSettings({...})` instead of editing the environment before imports,
 * and child processes (astro build, the Next.js server) get the same values through
 * `settingsEnv()`. Paths are resolved against the repository root, never the working directory
 * of whoever imported a module first.
 */
export interface Settings {
  /** Repository root: npm scripts, the Next.js server and vitest all run from it. */
  rootDir: string
  /** Everything the embedded setup writes (SQLite file, secret, media, snapshot). */
  dataDir: string
  mediaDir: string
  /** As given; undefined means the SQLite file `dataDir/portal.db`. */
  databaseUri?: string
  payloadSecret?: string
  production: boolean
  /** Created on start when the database has no users. */
  firstAdmin: { email?: string; password?: string; name?: string }
  seedSampleContent: boolean
  /** Port of the admin and API. */
  port: number
  /** Public URL of the CMS, when it is not localhost:port. */
  cmsPublicUrl?: string
  /** The origin the admin is opened at: its saves and the preview page's fetches come from here. */
  cmsOrigin: string
  maxUploadBytes: number
  s3?: S3Settings
  jobsAutorun: boolean
  /**
   * When the jobs queue (scheduled publish/unpublish) is looked at: a cron pattern, five fields,
   * or six with seconds first. A scheduled publish goes live at the first look after its time.
   */
  jobsAutorunCron: string
  /** Rebuild the site after publishing; unset, only the `npm start` server does (it turns it on for itself). */
  siteAutobuild?: boolean
  /** Extra wait for more edits before a build; 0: a publish is built at once when no build runs, and those made meanwhile are built together next. */
  rebuildQuietMs: number
  siteIncremental: boolean
  /** Incremental publishes render in a resident process that keeps the site's page code loaded (site/renderer). */
  residentRenderer: boolean
  searchDeltaLimit: number
  /** Threads that answer server searches (site/search/pool.ts). */
  searchThreads: number
  /** Searches one client address may make per second after a burst of ten times that (0: no limit). */
  searchRatePerSecond: number
  sitePort: number
  /** Public address of the site, without a trailing slash. */
  siteUrl: string
  /**
   * Host names of the union's old site: an imported article whose `originalUrl` is on one of
   * them gets a redirect from its old path (site/redirects/). SITE_OLD_HOSTS, plus SITE_URL's own
   * host, since the new portal usually takes over the old site's address.
   */
  oldSiteHosts: string[]
  siteName: string
  siteTagline: string
  /** Items on each numbered page of a news listing (site/lib/listing.ts). */
  listingPageSize: number
  /** Build the site from a CMS elsewhere over REST instead of the embedded database. */
  cmsUrl?: string
  snapshotDir: string
  /** Site builds go to `distDir/builds/<id>`; `distDir/live` points at the one served. */
  distDir: string
  /** The settings below are how a build hands its work to the `astro build` child process. */
  astro: {
    outDir: string
    cacheDir: string
    /** A partial build's plan file (site/lib/partial.ts). */
    partialPlan?: string
  }
  /** At most this many pages per Pagefind run; runs are bounded by their words anyway (site/search/pagefind.ts WORDS_PER_SHARD). */
  searchShardPages?: number
  /** Pages `npm run import` writes per process: each Local API create leaves native memory behind until the process exits. */
  importChunkPages: number
  chromiumPath: string
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

type Env = Record<string, string | undefined>

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
const numberOr = (value: string | undefined, fallback: number, name: string) => {
  if (trimmed(value) === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${name}="${value}" is not a number: give a non-negative number or leave it unset (default ${fallback}).`)
  return n
}
const cronOr = (value: string | undefined, fallback: string, name: string) => {
  const pattern = trimmed(value)
  if (pattern === undefined) return fallback
  // The runner (croner) would only reject a bad pattern at the first request, inside Payload.
  if (![5, 6].includes(pattern.split(/\s+/).length))
    throw new Error(`${name}="${value}" is not a cron pattern: give five fields (minute first) or six (second first), e.g. "* * * * *".`)
  return pattern
}
const withoutSlash = (url: string) => url.replace(/(?<!\/)\/+$/, '')

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

/** Settings from an environment; pure, so tests can hand it any environment. */
export const settingsFromEnv = (env: Env, cwd = process.cwd()): Settings => {
  const rootDir = path.resolve(/* turbopackIgnore: true */ env.PORTAL_ROOT ?? cwd)
  const inRoot = (p: string) => path.resolve(/* turbopackIgnore: true */ rootDir, p)
  const dataDir = inRoot(env.DATA_DIR ?? 'data')
  const production = env.NODE_ENV === 'production'
  const port = numberOr(env.PORT, 3000, 'PORT')
  const sitePort = numberOr(env.SITE_PORT, 4321, 'SITE_PORT')
  const cmsPublicUrl = trimmed(env.CMS_PUBLIC_URL)
  return {
    rootDir,
    dataDir,
    mediaDir: inRoot(env.MEDIA_DIR ?? path.join(dataDir, 'media')),
    databaseUri: trimmed(env.DATABASE_URI),
    payloadSecret: trimmed(env.PAYLOAD_SECRET),
    production,
    firstAdmin: { email: trimmed(env.ADMIN_EMAIL), password: env.ADMIN_PASSWORD || undefined, name: trimmed(env.ADMIN_NAME) },
    // A real deployment starts empty unless asked; a newcomer's first start gets the samples.
    seedSampleContent: env.SEED_SAMPLE_CONTENT ? env.SEED_SAMPLE_CONTENT === 'true' : !production,
    port,
    cmsPublicUrl,
    cmsOrigin: new URL(cmsPublicUrl ?? `http://localhost:${port}`).origin,
    maxUploadBytes: numberOr(env.MAX_UPLOAD_MB, 10, 'MAX_UPLOAD_MB') * 1024 * 1024,
    s3: s3FromEnv(env),
    jobsAutorun: env.PAYLOAD_JOBS_AUTORUN !== 'false',
    jobsAutorunCron: cronOr(env.PAYLOAD_JOBS_AUTORUN_CRON, '* * * * *', 'PAYLOAD_JOBS_AUTORUN_CRON'),
    siteAutobuild: env.SITE_AUTOBUILD ? env.SITE_AUTOBUILD === 'true' : undefined,
    rebuildQuietMs: numberOr(env.SITE_REBUILD_QUIET_MS, 0, 'SITE_REBUILD_QUIET_MS'),
    siteIncremental: env.SITE_INCREMENTAL !== 'false',
    residentRenderer: env.SITE_RESIDENT_RENDERER !== 'false',
    searchDeltaLimit: numberOr(env.SITE_SEARCH_DELTA_LIMIT, 200, 'SITE_SEARCH_DELTA_LIMIT'),
    // One per core, but at most four: past that, queries wait on the disk and the CMS, not on threads.
    searchThreads: Math.max(1, numberOr(env.SITE_SEARCH_THREADS, Math.min(4, os.availableParallelism()), 'SITE_SEARCH_THREADS')),
    searchRatePerSecond: Math.max(0, numberOr(env.SITE_SEARCH_RATE, 4, 'SITE_SEARCH_RATE')),
    sitePort,
    siteUrl: withoutSlash(trimmed(env.SITE_URL) ?? `http://localhost:${sitePort}`),
    oldSiteHosts: (env.SITE_OLD_HOSTS ?? '').split(/[\s,，]+/).filter(Boolean),
    siteName: env.SITE_NAME ?? '江南市总工会',
    siteTagline: env.SITE_TAGLINE ?? '新闻与职工服务',
    listingPageSize: Math.max(1, numberOr(env.SITE_LISTING_PAGE_SIZE, 20, 'SITE_LISTING_PAGE_SIZE')),
    cmsUrl: trimmed(env.CMS_URL),
    snapshotDir: inRoot(env.SNAPSHOT_DIR ?? path.join(dataDir, 'snapshot')),
    distDir: inRoot(env.SITE_DIST_DIR ?? 'dist'),
    astro: {
      outDir: inRoot(env.SITE_OUT_DIR ?? path.join('dist', 'site')),
      cacheDir: inRoot(env.ASTRO_CACHE_DIR ?? path.join('node_modules', '.astro')),
      partialPlan: trimmed(env.SITE_PARTIAL),
    },
    searchShardPages: trimmed(env.SITE_SEARCH_SHARD_PAGES)
      ? numberOr(env.SITE_SEARCH_SHARD_PAGES, 0, 'SITE_SEARCH_SHARD_PAGES') || undefined
      : undefined,
    importChunkPages: Math.max(1, numberOr(env.IMPORT_CHUNK_PAGES, 3000, 'IMPORT_CHUNK_PAGES')),
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  }
}

/**
 * The environment that makes a child process resolve the same settings (the parts a child
 * can be handed; `firstAdmin` and S3 keys travel in the parent's own environment).
 */
export const settingsEnv = (s: Settings): Record<string, string> => {
  const env: Record<string, string | undefined> = {
    PORTAL_ROOT: s.rootDir,
    DATA_DIR: s.dataDir,
    MEDIA_DIR: s.mediaDir,
    DATABASE_URI: s.databaseUri,
    PAYLOAD_SECRET: s.payloadSecret,
    PORT: String(s.port),
    CMS_PUBLIC_URL: s.cmsPublicUrl,
    MAX_UPLOAD_MB: String(s.maxUploadBytes / 1024 / 1024),
    PAYLOAD_JOBS_AUTORUN: String(s.jobsAutorun),
    PAYLOAD_JOBS_AUTORUN_CRON: s.jobsAutorunCron,
    SITE_AUTOBUILD: s.siteAutobuild === undefined ? undefined : String(s.siteAutobuild),
    SITE_REBUILD_QUIET_MS: String(s.rebuildQuietMs),
    SITE_INCREMENTAL: String(s.siteIncremental),
    SITE_RESIDENT_RENDERER: String(s.residentRenderer),
    SITE_SEARCH_DELTA_LIMIT: String(s.searchDeltaLimit),
    SITE_SEARCH_THREADS: String(s.searchThreads),
    SITE_SEARCH_RATE: String(s.searchRatePerSecond),
    SITE_PORT: String(s.sitePort),
    SITE_URL: s.siteUrl,
    SITE_OLD_HOSTS: s.oldSiteHosts.join(','),
    SITE_NAME: s.siteName,
    SITE_TAGLINE: s.siteTagline,
    SITE_LISTING_PAGE_SIZE: String(s.listingPageSize),
    CMS_URL: s.cmsUrl,
    SNAPSHOT_DIR: s.snapshotDir,
    SITE_DIST_DIR: s.distDir,
    SITE_OUT_DIR: s.astro.outDir,
    ASTRO_CACHE_DIR: s.astro.cacheDir,
    SITE_PARTIAL: s.astro.partialPlan ?? '',
    SITE_SEARCH_SHARD_PAGES: s.searchShardPages === undefined ? undefined : String(s.searchShardPages),
    IMPORT_CHUNK_PAGES: String(s.importChunkPages),
    CHROMIUM_PATH: s.chromiumPath,
  }
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

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
