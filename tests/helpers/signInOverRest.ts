/**
 * Run as a child process (`tsx tests/helpers/signInOverRest.ts <email> <password>…`) with
 * DATA_DIR / DATABASE_URI naming a database: signs in over REST once per password, as the
 * admin's login form does, and prints one JSON line per attempt. A test process holds one
 * Payload only, so a second database (a restored one) is signed in to from here.
 */
import { openPayload } from '../../cms/open'
import { restClient } from './payload'

const [email, ...passwords] = process.argv.slice(2)
const payload = await openPayload()
const rest = await restClient()
for (const password of passwords) {
  const { status, body } = await rest('POST', '/users/login', { json: { email, password } })
  console.log(JSON.stringify({ status, email: body?.user?.email, roles: body?.user?.roles, message: body?.errors?.[0]?.message }))
}
await payload.destroy()
process.exit(0)
