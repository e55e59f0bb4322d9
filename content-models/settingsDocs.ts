import { settingVariables, type Variable } from './settings'

/**
 * The README's settings table and `.env.example`, written from the settings' declarations
 * (content-models/settings.ts) by `npm run settings:docs`, so that neither can name a variable
 * the code does not read, miss one it reads, or promise another default.
 */

export const readmeStart = '<!-- settings table: generated from content-models/settings.ts by `npm run settings:docs` -->'
export const readmeEnd = '<!-- end of settings table -->'

/** A README cell's Markdown as a comment in `.env.example` reads it (code spans stay; there is no README beside the links). */
const asComment = (markdown: string) => markdown.replace(/\*\*/g, '').replace(/\[([^[\]]+)\]\(#[^)]+\)/g, 'README, $1')

/** A default as `.env.example`'s `# Default:` line shows it. */
export const plainDefault = (markdown: string) => asComment(markdown).replace(/`/g, '')

/** The README's table, markers included. */
export const readmeTable = (variables: Variable[] = settingVariables()) =>
  [
    readmeStart,
    '| Variable | Default | Meaning |',
    '| --- | --- | --- |',
    ...variables.map((v) => `| \`${v.name}\` | ${v.default} | ${v.meaning} |`),
    readmeEnd,
  ].join('\n')

/** The README with its settings table replaced by `table`. */
export const withReadmeTable = (readme: string, table = readmeTable()) => {
  const start = readme.indexOf(readmeStart)
  const end = readme.indexOf(readmeEnd)
  if (start < 0 || end < start) throw new Error(`README.md has no settings table between "${readmeStart}" and "${readmeEnd}".`)
  return readme.slice(0, start) + table + readme.slice(end + readmeEnd.length)
}

const commentLines = (text: string, width = 100) =>
  text.split(' ').reduce<string[]>((lines, word) => {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width - 2) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
    return lines
  }, [])

/**
 * A default that is one literal value (`3000`), as `.env.example` can show it after `NAME=`;
 * not one naming another variable, which process.loadEnvFile would not expand.
 */
const literal = (markdown: string) => /^`([^`$]*)`$/.exec(markdown)?.[1]

export const envExample = (variables: Variable[] = settingVariables()) =>
  [
    '# Copy to .env and adjust. Every variable is optional for a local start; real environment variables win.',
    '# Generated from content-models/settings.ts by `npm run settings:docs`: change a setting there, not here.',
    ...variables.flatMap((v) => [
      '',
      ...commentLines(asComment(v.meaning)).map((line) => `# ${line}`),
      `# Default: ${plainDefault(v.default)}`,
      `# ${v.name}=${v.example ?? literal(v.default) ?? ''}`,
    ]),
    '',
  ].join('\n')
