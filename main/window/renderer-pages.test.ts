import { describe, expect, it } from 'vitest'
import { rendererPages } from './renderer-pages'

describe('rendererPages', () => {
  it('serves the built files and knows them again, ignoring query and fragment', () => {
    const pages = rendererPages({
      devServerUrl: undefined,
      rendererDir: '/opt/Call Tray/out/renderer',
    })
    expect(pages.url('window')).toBe('file:///opt/Call%20Tray/out/renderer/index.html')
    expect(pages.url('sound')).toBe('file:///opt/Call%20Tray/out/renderer/sound.html')
    expect(pages.pageOf('file:///opt/Call%20Tray/out/renderer/index.html#top')).toBe('window')
    expect(pages.pageOf('file:///opt/Call%20Tray/out/renderer/sound.html#volume=0.5')).toBe('sound')
  })

  it('refuses any other page', () => {
    const pages = rendererPages({ devServerUrl: undefined, rendererDir: '/app/out/renderer' })
    expect(pages.pageOf('file:///app/out/renderer/other.html')).toBeNull()
    expect(pages.pageOf('file:///tmp/index.html')).toBeNull()
    expect(pages.pageOf('https://chat.example.com/index.html')).toBeNull()
    expect(pages.pageOf('about:blank')).toBeNull()
    expect(pages.pageOf('nonsense')).toBeNull()
  })

  it('uses the dev server while developing', () => {
    const pages = rendererPages({ devServerUrl: 'http://localhost:5173', rendererDir: '/ignored' })
    expect(pages.url('window')).toBe('http://localhost:5173/index.html')
    expect(pages.pageOf('http://localhost:5173/')).toBe('window')
    expect(pages.pageOf('http://localhost:5174/')).toBeNull()
  })
})
