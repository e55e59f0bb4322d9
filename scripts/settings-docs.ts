import fs from 'node:fs'
import path from 'node:path'

import { settings } from '../content-models/settings'
import { envExample, withReadmeTable } from '../content-models/settingsDocs'

// Rewrites the README's settings table and .env.example from content-models/settings.ts.
const root = settings().rootDir
const readme = path.join(root, 'README.md')
fs.writeFileSync(readme, withReadmeTable(fs.readFileSync(readme, 'utf8')))
fs.writeFileSync(path.join(root, '.env.example'), envExample())
console.log('README.md (settings table) and .env.example written from content-models/settings.ts')
