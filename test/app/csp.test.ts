// The CSP header main adds must say what the pages' own meta tags say: both apply,
// so a header stricter than the meta would break the page, and a looser one would be
// a hole wherever the meta is missing (the dev server).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PAGE_CSP } from '../../main/window/web-security'

function metaPolicy(page: string): Map<string, string> {
  const html = readFileSync(
    fileURLToPath(new URL(`../../renderer/${page}`, import.meta.url)),
    'utf8',
  )
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
  return directives(content)
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name ?? '', values.join(' ')]),
  )
}

describe('Content-Security-Policy', () => {
  it.each([
    ['index.html', PAGE_CSP.window],
    ['sound.html', PAGE_CSP.sound],
  ])('the header for %s repeats every directive of its meta tag', (page, header) => {
    const meta = metaPolicy(page)
    expect(meta.size).toBeGreaterThan(0)
    const sent = directives(header)
    for (const [name, value] of meta) expect(sent.get(name), name).toBe(value)
    expect(sent.get('frame-ancestors')).toBe("'none'")
  })
})
