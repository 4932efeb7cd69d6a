import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appProtocolHandler, type AppProtocolHandler } from './app-protocol-handler'
import { PAGE_CSP } from './web-security'

let parent: string
let handler: AppProtocolHandler

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'call-tray-scheme-'))
  const renderer = path.join(parent, 'renderer')
  await mkdir(path.join(renderer, 'assets'), { recursive: true })
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Call Tray</title>')
  await writeFile(path.join(renderer, 'sound.html'), '<!doctype html><title>Ringtone</title>')
  await writeFile(path.join(renderer, 'stray.html'), '<!doctype html><title>Not ours</title>')
  await writeFile(path.join(renderer, 'assets', 'index-a1.js'), 'export {}')
  await writeFile(path.join(renderer, 'assets', 'index-a1.css'), 'body{}')
  await writeFile(path.join(renderer, 'assets', 'ring-b2.wav'), Buffer.from('RIFF....WAVE'))
  await writeFile(path.join(renderer, 'assets', 'notes.txt'), 'plain text')
  // Files of a type we serve, outside the folder and in one whose name starts like it.
  await writeFile(path.join(parent, 'secret.js'), 'outside')
  await mkdir(path.join(parent, 'renderer-old'))
  await writeFile(path.join(parent, 'renderer-old', 'leak.js'), 'outside')
  handler = appProtocolHandler({ rendererDir: renderer })
})

afterAll(async () => {
  await rm(parent, { recursive: true, force: true })
})

const get = (url: string, init?: RequestInit) => handler(new Request(url, init))

describe('appProtocolHandler', () => {
  it('serves the call window with its CSP as a header', async () => {
    const response = await get('call-tray://app/index.html#top')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP.window)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<!doctype html><title>Call Tray</title>')
  })

  it('serves the ringtone page with its own CSP, and the files both load, by type', async () => {
    const sound = await get('call-tray://app/sound.html#volume=0.80')
    expect(sound.headers.get('content-security-policy')).toBe(PAGE_CSP.sound)
    const types = await Promise.all(
      ['assets/index-a1.js', 'assets/index-a1.css', 'assets/ring-b2.wav'].map(async (file) => {
        const response = await get(`call-tray://app/${file}`)
        expect(response.headers.get('content-security-policy')).toBeNull()
        return [response.status, response.headers.get('content-type')]
      }),
    )
    expect(types).toEqual([
      [200, 'text/javascript; charset=utf-8'],
      [200, 'text/css; charset=utf-8'],
      [200, 'audio/wav'],
    ])
  })

  it.each([
    'call-tray://app/../secret.js',
    'call-tray://app/%2e%2e/secret.js',
    'call-tray://app/..%2Fsecret.js',
    'call-tray://app/assets/..%2F..%2Fsecret.js',
    'call-tray://app/..%2Frenderer-old/leak.js',
    'call-tray://app/%2Fetc%2Fpasswd',
    'call-tray://app/..%5Csecret.js',
    'call-tray://app/index.html%00.js',
    'call-tray://app/%E0%A4%A',
  ])('refuses to leave the renderer folder: %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('')
  })

  it.each([
    ['another host', 'call-tray://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a folder', 'call-tray://app/assets/'],
    ['the root', 'call-tray://app/'],
    ['a missing file', 'call-tray://app/missing.js'],
    ['a type we do not ship', 'call-tray://app/assets/notes.txt'],
    ['an HTML file that is not one of our pages', 'call-tray://app/stray.html'],
  ])('answers 404 for %s', async (_case, url) => {
    expect((await get(url)).status).toBe(404)
  })

  it('answers only GET and HEAD', async () => {
    expect((await get('call-tray://app/index.html', { method: 'POST', body: 'x' })).status).toBe(
      405,
    )
    const head = await get('call-tray://app/index.html', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('39')
    expect(await head.text()).toBe('')
  })
})
