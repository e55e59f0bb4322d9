import net from 'node:net'

import { chromium, type Browser } from 'playwright-core'

import { settings } from '../../content-models/settings'

/** Debian's Chromium, driven by playwright-core; nothing is downloaded. `extraArgs`: more flags (a DevTools port for Lighthouse). */
export const launchChromium = (extraArgs: readonly string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: settings().chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  })

/** A local port free now, for a server or a DevTools endpoint a test starts. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
