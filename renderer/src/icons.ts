// Line icons drawn on a 24×24 grid with currentColor, so they follow the theme.
import { svg } from './dom'

const GLYPHS = {
  mic: ['M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  screen: [
    'M4 4h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
    'M8 20h8',
    'M12 16v4',
    'M12 13V7',
    'M9 10l3-3 3 3',
  ],
  transfer: ['M4 8h15', 'M16 5l3 3-3 3', 'M20 16H5', 'M8 13l-3 3 3 3'],
  hold: ['M9 6v12', 'M15 6v12'],
  incoming: ['M17 7L7 17', 'M16 17H7V8'],
  outgoing: ['M7 17L17 7', 'M8 7h9v9'],
  bell: ['M6 9a6 6 0 0 1 12 0c0 6 2.5 8 2.5 8h-17S6 15 6 9z', 'M10 20.5a2.2 2.2 0 0 0 4 0'],
  bellOff: [
    'M8.7 3.9A6 6 0 0 1 18 9c0 2.5.4 4.3 1 5.6',
    'M17 17H3.5S6 15 6 9',
    'M10 20.5a2.2 2.2 0 0 0 4 0',
    'M3 3l18 18',
  ],
  external: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5'],
  cloudOff: [
    'M3 3l18 18',
    'M8 6.5A6 6 0 0 1 17.7 10H18a4 4 0 0 1 2.4 7.2',
    'M17 18H7a4.5 4.5 0 0 1-1.6-8.7',
  ],
  hourglass: [
    'M5 2h14',
    'M5 22h14',
    'M7 2v4.2a2 2 0 0 0 .6 1.4L12 12l4.4-4.4a2 2 0 0 0 .6-1.4V2',
    'M17 22v-4.2a2 2 0 0 0-.6-1.4L12 12l-4.4 4.4a2 2 0 0 0-.6 1.4V22',
  ],
  arc: ['M21 12a9 9 0 1 1-6.2-8.6'],
  gear: [
    'M12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
    'M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 0 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 0 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 0 1-2.83-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 0 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 0 1 2.83-2.83l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 0 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 0 1 2.83 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 0 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z',
  ],
  back: ['M15 18l-6-6 6-6'],
  blocked: ['M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18z', 'M5.6 5.6l12.8 12.8'],
} as const

export type IconName = keyof typeof GLYPHS

/** A decorative icon; whoever places it gives the surrounding element a label. */
export function icon(name: IconName, className = 'icon'): SVGElement {
  return svg(
    'svg',
    {
      class: className,
      viewBox: '0 0 24 24',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    ...GLYPHS[name].map((d) => svg('path', { d })),
  )
}

/** An icon that carries meaning on its own: named for screen readers, explained on hover. */
export function labelledIcon(name: IconName, label: string, className: string): HTMLElement {
  const el = document.createElement('span')
  el.className = className
  el.setAttribute('role', 'img')
  el.setAttribute('aria-label', label)
  el.setAttribute('title', label)
  el.append(icon(name))
  return el
}
