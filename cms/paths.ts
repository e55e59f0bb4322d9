import path from 'node:path'

/**
 * npm scripts, the Next.js server and vitest all run from the repository root. The root is
 * not derived from import.meta.url because the Next.js bundler rewrites it, which would put
 * the server's database somewhere other than the one the start script prepared.
 */
export const rootDir = path.resolve(/* turbopackIgnore: true */ process.env.PORTAL_ROOT ?? process.cwd())
export const cmsDir = path.join(rootDir, 'cms')

/** Everything the embedded setup writes lives here and is git-ignored. */
export const dataDir = path.resolve(/* turbopackIgnore: true */ rootDir, process.env.DATA_DIR ?? 'data')
export const mediaDir = path.resolve(/* turbopackIgnore: true */ process.env.MEDIA_DIR ?? path.join(dataDir, 'media'))
export const defaultSqliteFile = path.join(dataDir, 'portal.db')
