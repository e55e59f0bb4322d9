// The public site. Its source lives in site/ (the portal issue fills it in); the CMS is in cms/.
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  outDir: './dist/site',
  integrations: [react()],
})
