// CI must run exactly what the README tells a newcomer to run.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8')

/** The first command in the fenced block that follows a heading. */
function commandUnder(markdown: string, heading: string): string | undefined {
  const section = markdown.split(/^#+ /m).find((part) => part.startsWith(heading))
  return section?.match(/```(?:sh|bash)?\n([^\n]+)\n/)?.[1]?.trim()
}

describe('README commands', () => {
  it('CI runs the README test command as its last line', () => {
    const testCommand = commandUnder(read('README.md'), 'Test')
    expect(testCommand).toBeTruthy()
    const lines = read('.ci/run').trim().split('\n')
    expect(lines.at(-1)).toBe(testCommand)
  })

  it('the README start command installs and starts the app', () => {
    expect(commandUnder(read('README.md'), 'Start')).toBe('npm ci && npm start')
  })
})
