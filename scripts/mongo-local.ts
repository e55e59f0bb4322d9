import path from 'node:path'

import { settings } from '../content-models/settings'
import { startFerretdb } from '../tools/ferretdb/server'

/**
 * A MongoDB-protocol server for development and the MongoDB lane: FerretDB (tools/ferretdb),
 * storing into DATA_DIR/ferretdb, on 127.0.0.1:27017 until stopped. `--listen host:port` and
 * `--data <folder>` choose another address or folder.
 */
const option = (name: string) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}
const listen = option('--listen') ?? '127.0.0.1:27017'
const dataDir = path.resolve(option('--data') ?? path.join(settings().dataDir, 'ferretdb'))

const child = await startFerretdb(listen, dataDir)
console.log(`[ferretdb] DATABASE_URI=mongodb://${listen}/portal npm start  ·  npm run test:mongo  ·  Ctrl+C 停止`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill('SIGTERM'))
child.removeAllListeners('exit')
child.once('exit', (code) => process.exit(code ?? 0))
