import { chromium, type Browser } from 'playwright-core'

import { settings } from '../../content-models/settings'

/** Debian's Chromium, driven by playwright-core; nothing is downloaded. */
export const launchChromium = (): Promise<Browser> =>
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
    ],
  })
