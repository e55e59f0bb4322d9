import './env'

import { serveSite } from '../site/serve'

/** Serves the built site (dist/live) with the security headers a static host should send. */
const port = Number(process.env.SITE_PORT ?? 4321)
await serveSite(port)
console.log(`[serve] 网站：http://localhost:${port}/`)
