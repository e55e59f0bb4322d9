import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { settingVariables } from '../content-models/settings'
import { envExample, plainDefault, readmeEnd, readmeStart, readmeTable } from '../content-models/settingsDocs'

const root = path.resolve(import.meta.dirname, '..')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
const declared = settingVariables()
const fix = 'run `npm run settings:docs` after changing content-models/settings.ts'

/** Variable → default, as the README's settings table lists them. */
const readmeDefaults = () => {
  const table = readme.slice(readme.indexOf(readmeStart), readme.indexOf(readmeEnd))
  return Object.fromEntries([...table.matchAll(/^\| `([A-Z0-9_]+)` \| (.*?) \| /gm)].map((row) => [row[1], row[2]]))
}

/** Variable → default, as `.env.example` lists them (a `# Default:` line before each `# NAME=`). */
const exampleDefaults = () =>
  Object.fromEntries([...example.matchAll(/^# Default: (.*)\n# ?([A-Z0-9_]+)=/gm)].map((entry) => [entry[2], entry[1]]))

describe('the README and .env.example list every setting with its default', () => {
  it('the README table names each declared variable once, with its declared default', () => {
    expect(readmeDefaults(), fix).toEqual(Object.fromEntries(declared.map((v) => [v.name, v.default])))
  })

  it('.env.example names each declared variable once, with its declared default', () => {
    expect(exampleDefaults(), fix).toEqual(Object.fromEntries(declared.map((v) => [v.name, plainDefault(v.default)])))
    // A variable set (uncommented) or listed without its default line is not counted above.
    expect(example.match(/^#? ?[A-Z0-9_]+=/gm), fix).toHaveLength(declared.length)
  })

  it('both are exactly what the declarations generate (meanings and examples too)', () => {
    expect(readme.slice(readme.indexOf(readmeStart), readme.indexOf(readmeEnd) + readmeEnd.length), fix).toBe(readmeTable())
    expect(example, fix).toBe(envExample())
  })
})
