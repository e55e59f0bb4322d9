import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { settings } from '../content-models/settings'

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
  experimental: { proxyClientMaxBodySize: `${Math.ceil(settings().maxUploadBytes / 1024 / 1024) + 1}mb` },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
