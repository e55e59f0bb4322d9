import { describe, expect, it } from 'vitest'

import { settingsEnv, settingsFromEnv, type Settings } from '../content-models/settings'

// A parent's environment with every variable set to something other than its default.
const parentEnv = {
  PORTAL_ROOT: '/srv/portal',
  NODE_ENV: 'production',
  PORT: '8080',
  CMS_PUBLIC_URL: 'https://cms.example.org',
  SITE_PORT: '8081',
  DATA_DIR: 'var',
  MEDIA_DIR: '/mnt/media',
  DATABASE_URI: 'file:/srv/db.sqlite',
  PAYLOAD_SECRET: 'x'.repeat(32),
  ADMIN_EMAIL: 'admin@example.org',
  ADMIN_PASSWORD: 'a long password',
  SEED_SAMPLE_CONTENT: 'true',
  MAX_UPLOAD_MB: '3',
  S3_BUCKET: 'media',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  PAYLOAD_JOBS_AUTORUN: 'false',
  PAYLOAD_JOBS_AUTORUN_CRON: '*/10 * * * * *',
  SITE_AUTOBUILD: 'false',
  SITE_REBUILD_QUIET_MS: '1500',
  SITE_INCREMENTAL: 'false',
  SITE_RESIDENT_RENDERER: 'false',
  SITE_SEARCH_DELTA_LIMIT: '50',
  SITE_SEARCH_THREADS: '7',
  SITE_SEARCH_RATE: '0',
  SITE_LISTING_PAGE_SIZE: '5',
  SITE_SEARCH_SHARD_PAGES: '900',
  IMPORT_CHUNK_PAGES: '10',
  SITE_URL: 'https://www.example.org/',
  SITE_OLD_HOSTS: 'old.example.org，bbs.example.org',
  SITE_NAME: '某市总工会',
  SITE_TAGLINE: '标语',
  CMS_URL: 'https://cms.example.org',
  SNAPSHOT_DIR: 'snap',
  SITE_DIST_DIR: 'out',
  SITE_OUT_DIR: 'out/site',
  ASTRO_CACHE_DIR: 'cache',
  SITE_PARTIAL: '/tmp/plan.json',
  CHROMIUM_PATH: '/opt/chromium',
}

/** What a child started with childEnv() reads: its parent's environment, the parent's settings written over it, in another folder. */
const inChild = (parent: Settings, env: Record<string, string | undefined>) =>
  settingsFromEnv({ ...env, ...settingsEnv(parent) }, '/elsewhere')

describe('a child process reads the settings its parent hands it', () => {
  it('reads every setting as its parent did, from a different working directory', () => {
    const parent = settingsFromEnv(parentEnv, '/somewhere')
    expect(inChild(parent, parentEnv)).toEqual(parent)
  })

  it('reads the parent’s overrides, not the environment they replaced, nor a plan the parent no longer has', () => {
    const parent: Settings = {
      ...settingsFromEnv(parentEnv, '/somewhere'),
      maxUploadBytes: 7 * 1024 * 1024,
      siteAutobuild: true,
      searchShardPages: 120,
      oldSiteHosts: ['a.example.org', 'b.example.org'],
      distDir: '/tmp/dist',
      astro: { outDir: '/tmp/dist/site', cacheDir: '/tmp/cache', partialPlan: undefined },
    }
    expect(inChild(parent, parentEnv)).toEqual(parent)
  })
})
