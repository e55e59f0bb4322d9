import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { collections } from './collections'
import { databaseAdapter } from './database'
import { explainDatabaseBusy } from './hooks/databaseBusy'
import { defaultImportLimits } from './importer/admin/limits'
import { defaultStagingDir } from './importer/admin/staging'
import { startStagingSweep } from './importer/admin/sweep'
import { settings } from '../content-models/settings'
import { publishSiteTask } from './publishing/queue'
import { rebuilderFor } from './publishing/rebuilder'
import { resolveSecret } from './secret'
import { maxUploadBytes, uploadTooLargeMessage } from './uploadLimit'

const config = settings()
const cmsDir = path.join(config.rootDir, 'cms')
/**
 * The admin's own saves (autosave, server actions) send the CMS's origin. Once `csrf` lists
 * any origin, Payload ignores the session cookie from every origin not on the list, so the
 * CMS itself must be on it too, or staff are signed out of every save.
 */
const cmsOrigins = config.cmsPublicUrl ? [config.cmsOrigin] : [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`]
const s3 = config.s3

export default buildConfig({
  admin: {
    user: 'users',
    importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js') },
    meta: { titleSuffix: ' · 工会新闻与服务门户' },
    // Gravatar is an outside request (and often unreachable); staff get a local icon.
    avatar: 'default',
    components: { beforeDashboard: ['/components/Dashboard#Dashboard'] },
    dateFormat: 'yyyy年M月d日 HH:mm',
  },
  collections: collections,
  editor: lexicalEditor(),
  db: databaseAdapter(),
  secret: resolveSecret(),
  sharp,
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  // The site reads REST; an unused GraphQL endpoint is only more surface to secure.
  graphQL: { disable: true },
  hooks: { afterError: [explainDatabaseBusy] },
  // Oversized requests are answered by cms/proxy.ts with a clear message before Payload
  // parses them; this limit is the backstop for clients that send no Content-Length.
  upload: { limits: { fileSize: maxUploadBytes() }, abortOnLimit: true, responseOnLimit: uploadTooLargeMessage() },
  serverURL: config.cmsPublicUrl,
  // No cross-origin access and no session cookie from the site's origin: its preview page's
  // one GET is let in by the endpoint itself (cms/collections/Articles/previewSession.ts).
  csrf: cmsOrigins,
  jobs: {
    // Scheduled publish/unpublish are jobs; run them every minute (PAYLOAD_JOBS_AUTORUN_CRON)
    // while the CMS is up. Payload starts this cron at the first request that asks for it
    // (the admin's pages and every REST call).
    autoRun: [{ cron: config.jobsAutorunCron, queue: 'default', limit: 20 }],
    shouldAutoRun: () => settings().jobsAutorun,
    // Requests to rebuild the site; their own queue is worked by the rebuilder, not by autoRun.
    tasks: [publishSiteTask],
  },
  // The server that builds the site works the build queue from the start, so requests other
  // processes made (or one made before a crash) go live without anyone publishing again.
  onInit: (payload) => {
    if (settings().siteAutobuild) rebuilderFor(payload).start()
    startStagingSweep(defaultStagingDir(), defaultImportLimits.stagingTtlMs, (err) =>
      payload.logger.warn({ err, msg: 'staged import uploads could not be swept' }),
    )
  },
  typescript: {
    outputFile: path.join(config.rootDir, 'content-models', 'payload-types.ts'),
    autoGenerate: false,
  },
  // With S3_BUCKET set, uploads and their generated sizes go to the bucket instead of MEDIA_DIR;
  // files are still served through the CMS (/api/media/file/…) under the same access rules.
  // The plugin's fields (prefix, object key) are always in the schema, so the database is the
  // same with and without S3 and one set of migrations fits both.
  plugins: [
    s3Storage({
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? '',
      config: s3?.client ?? {},
      collections: { media: s3?.prefix ? { prefix: s3.prefix } : true },
    }),
  ],
  telemetry: false,
})
