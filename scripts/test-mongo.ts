import { spawnSync } from 'node:child_process'

import { serverAnswers } from '../tools/ferretdb/server'

/**
 * The MongoDB lane (vitest.mongo.config.ts) against MONGO_LANE_SERVER (default: what
 * `npm run mongo:local` starts). `--if-available`, as `npm test` calls it, passes over the lane
 * with a notice when no server answers, unless MONGO_LANE=required (CI): there a missing server
 * fails the run.
 */
const server = process.env.MONGO_LANE_SERVER ?? 'mongodb://127.0.0.1:27017'
const required = !process.argv.includes('--if-available') || process.env.MONGO_LANE === 'required'

if (!(await serverAnswers(server))) {
  const message = `MongoDB lane: no server answers at ${server} (start one with \`npm run mongo:local\`).`
  if (required) {
    console.error(`${message} The lane was required: failing.`)
    process.exit(1)
  }
  console.log(`${message} Lane not run.`)
  process.exit(0)
}

const started = Date.now()
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.mongo.config.ts', ...process.argv.slice(2).filter((a) => a !== '--if-available')],
  {
    stdio: 'inherit',
    env: { ...process.env, MONGO_LANE_SERVER: server },
  },
)
console.log(`MongoDB lane: ${((Date.now() - started) / 1000).toFixed(0)} s against ${server}`)
process.exit(run.status ?? 1)
