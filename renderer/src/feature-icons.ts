// A call's server features as small labelled icons. Feature names come from
// the server, so anything we don't know is shown as plain text, not dropped.
import { h } from './dom'
import { labelledIcon } from './icons'
import type { IconName } from './icons'

const KNOWN: Record<string, { icon: IconName; label: string }> = {
  audio: { icon: 'mic', label: 'Audio' },
  'screen-share': { icon: 'screen', label: 'Screen sharing' },
  transfer: { icon: 'transfer', label: 'Transfer' },
  hold: { icon: 'hold', label: 'Hold' },
}

function feature(name: string): HTMLElement {
  const known = Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined
  if (!known) return h('span', { class: 'feature-tag', attrs: { title: name } }, name)
  return labelledIcon(known.icon, known.label, 'feature')
}

export function renderFeatures(features: string[]): HTMLElement | null {
  const unique = [...new Set(features)]
  if (unique.length === 0) return null
  return h(
    'span',
    { class: 'features', attrs: { role: 'group', 'aria-label': 'Features' } },
    ...unique.map(feature),
  )
}
