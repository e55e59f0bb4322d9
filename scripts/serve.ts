import './env'

import { settings } from '../content-models/settings'
import { securityHeaders, serveSite } from '../site/serve'

/**
 * Serves the built site (dist/live) with the security headers a static host should send.
 * `--print-headers` prints those headers instead, to copy into another web server's config
 * (the CSP lists the site's inline scripts by hash, so copy it again after upgrading Astro).
 */
if (process.argv.includes('--print-headers')) {
  for (const [name, value] of Object.entries(securityHeaders)) console.log(`${name}: ${value}`)
} else {
  const port = settings().sitePort
  await serveSite(port)
  console.log(`[serve] 网站：http://localhost:${port}/`)
}
