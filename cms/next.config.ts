import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // One tsconfig for the whole repo; node_modules lives one level up.
  // Type checking is `npm run typecheck`; skipping it here halves a cold admin build.
  typescript: { tsconfigPath: '../tsconfig.json', ignoreBuildErrors: true },
  turbopack: { root: path.resolve(cmsDir, '..') },
  outputFileTracingRoot: path.resolve(cmsDir, '..'),
  // Publishing rebuilds the site from the server, which reaches Pagefind; its package resolves
  // a native binary at run time, which the bundler cannot (and must not) parse.
  serverExternalPackages: ['pagefind'],
  // The upload proxy (proxy.ts) must see whole bodies up to the upload limit, not Next's 10 MB.
  // Next compiles this file on its own (no TypeScript imports), so it reads MAX_UPLOAD_MB itself,
  // with the default of content-models/settings.ts: the one documented exception.
  experimental: { proxyClientMaxBodySize: `${Number(process.env.MAX_UPLOAD_MB || 10) + 1}mb` },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
