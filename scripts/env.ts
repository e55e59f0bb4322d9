import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Scripts read `.env` at the repo root if there is one; real environment variables win. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const envFile = path.join(root, '.env')
if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
