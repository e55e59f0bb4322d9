import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { AstroConfig, AstroPrerenderer } from 'astro'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AstroInternalsChanged, bundleDirOf, checkAstro } from '../site/renderer/astroAdapter'

/**
 * The resident renderer relies on a few of Astro's internals (site/renderer/astroAdapter.ts).
 * When an Astro release changes them, its start fails naming what is missing, instead of every
 * publish quietly taking the slow path.
 */
let outDir: string
const config = { integrations: [] } as unknown as AstroConfig
/** Astro 7.3's default prerenderer, as far as the renderer uses it. */
const astro73 = () =>
  ({
    name: 'astro:default',
    getStaticPaths: async () => [],
    render: async () => new Response(''),
    app: { routeCache: { clearAll: () => undefined } },
  }) as unknown as AstroPrerenderer

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'renderer-check-'))
  await fs.mkdir(bundleDirOf(outDir))
})
afterAll(() => fs.rm(outDir, { recursive: true, force: true }))

describe("the resident renderer's check of Astro", () => {
  it('passes on what Astro 7.3 gives it', async () => {
    await expect(checkAstro(astro73(), config, outDir)).resolves.toBeUndefined()
  })

  it('fails, naming the route cache, when the prerenderer no longer exposes it', async () => {
    const { app: _app, ...withoutApp } = astro73() as unknown as Record<string, unknown>
    const check = checkAstro(withoutApp as unknown as AstroPrerenderer, config, outDir)
    await expect(check).rejects.toBeInstanceOf(AstroInternalsChanged)
    await expect(check).rejects.toThrow(/app\.routeCache\.clearAll/)
  })

  it('fails when the page bundle is not where Astro used to leave it, or no prerenderer was handed over', async () => {
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'renderer-check-'))
    try {
      await expect(checkAstro(undefined, config, elsewhere)).rejects.toThrow(/no prerenderer[\s\S]*page bundle is not at/)
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true })
    }
  })
})
