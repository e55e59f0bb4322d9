import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Plain Astro on this machine, for scale: a project of `pages` trivial pages (a title and a
 * paragraph each, one dynamic route) built with the same Astro, so the report can give the
 * portal's Astro phase as a ratio to what Astro itself does here. The project lives under
 * node_modules/ so it resolves the repository's packages; it is removed afterwards.
 */
export const bareAstroBuild = async (root: string, pages: number): Promise<{ pages: number; seconds: number; pagesPerSecond: number }> => {
  const dir = path.join(root, 'node_modules', '.bench-bare-astro')
  await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(path.join(dir, 'src', 'pages', 'p'), { recursive: true })
  try {
    await fs.writeFile(
      path.join(dir, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config'\nexport default defineConfig({ telemetry: false, build: { format: 'directory' } })\n",
    )
    await fs.writeFile(
      path.join(dir, 'src', 'pages', 'p', '[n].astro'),
      `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }))
}
const { n } = Astro.params
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>第 {n} 页</title></head><body><h1>第 {n} 页</h1><p>这是一个只有标题和一段文字的页面。</p></body></html>
`,
    )
    const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs')
    const t0 = performance.now()
    const output: string[] = []
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [astro, 'build', '--silent'], {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout.on('data', (d) => output.push(String(d)))
      child.stderr.on('data', (d) => output.push(String(d)))
      child.on('error', reject)
      child.on('exit', resolve)
    })
    const seconds = (performance.now() - t0) / 1000
    if (code !== 0) throw new Error(`bare astro build exited with ${code}:\n${output.join('').slice(-2000)}`)
    return { pages, seconds, pagesPerSecond: pages / seconds }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
