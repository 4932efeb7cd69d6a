// The payload examples from the shared Rocket.Chat fact sheet. A copy lives in
// test/fixtures so a fresh clone tests without ../shared; when ../shared is there,
// its examples are read too, so a newly added example is covered at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const folders = [
  path.join(repoRoot, 'test/fixtures/rocketchat'),
  path.join(repoRoot, '../shared/rocketchat/examples'),
]

export interface Example {
  name: string
  source: string
  body: unknown
}

export function loadExamples(): Example[] {
  return folders.filter(existsSync).flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        name: file,
        source: folder,
        body: JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as unknown,
      })),
  )
}

export function loadExample(name: string): unknown {
  const found = loadExamples().find((example) => example.name === name)
  if (!found) throw new Error(`No example named ${name}`)
  return found.body
}
