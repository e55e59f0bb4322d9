import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { updateFolderMaker } from '../site/incremental/build'
import { goLive } from '../site/publish'

/**
 * After a full build, the folder the next update starts from is a copy of the live build made
 * while nobody waits. Each publisher has its own maker; two in one process (a test beside the
 * server's rebuilder, say) may copy at the same time, and neither may spoil the other's copy.
 */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'spare-folder-'))
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

const build = (id: string, pages: number) => {
  const dir = path.join(dist, 'builds', id)
  for (let i = 0; i < pages; i++) {
    fs.mkdirSync(path.join(dir, 'news', `a${i}`), { recursive: true })
    fs.writeFileSync(path.join(dir, 'news', `a${i}`, 'index.html'), `<p>${id} ${i}</p>`)
  }
  return { dir, pages, seconds: 0 }
}

describe('the spare folder of the next update', () => {
  it('is one whole copy of the live build when two makers copy at once, with nothing half-made left', async () => {
    await goLive(build('first', 200), dist)
    const made = await Promise.all([updateFolderMaker()(dist), updateFolderMaker()(dist), updateFolderMaker()(dist)])
    expect(made.filter(Boolean).length).toBeGreaterThanOrEqual(1)
    expect(fs.readdirSync(path.join(dist, 'spare'))).toEqual(['first'])
    expect(fs.readdirSync(path.join(dist, 'spare', 'first', 'news'))).toHaveLength(200)
  })

  it('replaces the copy of a build no longer live', async () => {
    await goLive(build('second', 3), dist)
    expect(await updateFolderMaker()(dist)).toBe(true)
    expect(fs.readdirSync(path.join(dist, 'spare'))).toEqual(['second'])
  })
})
