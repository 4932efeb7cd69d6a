import { describe, expect, it } from 'vitest'
import { rendererPages } from './renderer-pages'

describe('rendererPages', () => {
  it('serves the built files from the app scheme and knows them again, ignoring query and fragment', () => {
    const pages = rendererPages({ devServerUrl: undefined })
    expect(pages.url('window')).toBe('call-tray://app/index.html')
    expect(pages.url('sound')).toBe('call-tray://app/sound.html')
    expect(pages.pageOf('call-tray://app/index.html#top')).toBe('window')
    expect(pages.pageOf('call-tray://app/sound.html#volume=0.5')).toBe('sound')
  })

  it('refuses any other page, local files included', () => {
    const pages = rendererPages({ devServerUrl: undefined })
    expect(pages.pageOf('call-tray://app/other.html')).toBeNull()
    expect(pages.pageOf('call-tray://evil/index.html')).toBeNull()
    expect(pages.pageOf('call-tray:///index.html')).toBeNull()
    expect(pages.pageOf('file:///app/out/renderer/index.html')).toBeNull()
    expect(pages.pageOf('file:///tmp/index.html')).toBeNull()
    expect(pages.pageOf('https://chat.example.com/index.html')).toBeNull()
    expect(pages.pageOf('about:blank')).toBeNull()
    expect(pages.pageOf('nonsense')).toBeNull()
  })

  it('uses the dev server while developing', () => {
    const pages = rendererPages({ devServerUrl: 'http://localhost:5173' })
    expect(pages.url('window')).toBe('http://localhost:5173/index.html')
    expect(pages.pageOf('http://localhost:5173/')).toBe('window')
    expect(pages.pageOf('http://localhost:5174/')).toBeNull()
  })
})
