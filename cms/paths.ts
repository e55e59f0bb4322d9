import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const cmsDir = path.dirname(fileURLToPath(import.meta.url))
export const rootDir = path.resolve(cmsDir, '..')

/** Everything the embedded setup writes lives here and is git-ignored. */
export const dataDir = path.resolve(rootDir, process.env.DATA_DIR ?? 'data')
export const mediaDir = path.resolve(process.env.MEDIA_DIR ?? path.join(dataDir, 'media'))
export const defaultSqliteFile = path.join(dataDir, 'portal.db')
