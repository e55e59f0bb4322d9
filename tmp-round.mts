import fs from 'node:fs'
import { startRenderer } from './site/renderer/index.ts'
const S='/tmp/snap50k'
fs.mkdirSync('/tmp/r50dist', { recursive: true })
const r = startRenderer({ snapshotDir: S, dist: '/tmp/r50dist' })
let t = Date.now()
console.log('ready', await r.ready, Date.now() - t)
const plan = { urls: ['/news/a-100/'], prefixes: [], sitemapPages: [] }
for (let i = 0; i < 3; i++) { fs.rmSync('/tmp/rout', { recursive: true, force: true }); t = Date.now(); await r.render(plan, '/tmp/rout'); console.log('round', i, Date.now() - t) }
await r.close()
