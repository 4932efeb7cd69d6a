// `main/` holds only what ships: every module in it (tests aside) is reached from the
// app's or the headless runner's entry point. Test helpers belong under `test/`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const ENTRY_POINTS = ['main/index.ts', 'main/headless/cli.ts']

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(relative)
    // Declarations (.d.ts) describe a package's types; nothing imports them.
    const source = entry.name.endsWith('.ts') && !/\.(test|d)\.ts$/.test(entry.name)
    return source ? [relative] : []
  })
}

/** Relative imports only: packages are not ours to check. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!)
  return specifiers.flatMap((specifier) => {
    const base = path.posix.join(path.posix.dirname(file), specifier)
    const found = [`${base}.ts`, `${base}/index.ts`].find((candidate) =>
      existsSync(path.join(repoRoot, candidate)),
    )
    return found ? [found] : []
  })
}

function reachableFrom(entries: string[]): Set<string> {
  const reached = new Set<string>()
  const queue = [...entries]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (reached.has(file)) continue
    reached.add(file)
    queue.push(...importsOf(file))
  }
  return reached
}

describe('main/', () => {
  it('holds no module that only tests use', () => {
    const reached = reachableFrom(ENTRY_POINTS)
    expect(sourceFiles('main').filter((file) => !reached.has(file))).toEqual([])
  })
})
