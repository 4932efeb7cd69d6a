// A call's server features as small labelled icons. Feature names come from
// the server, so anything we don't know is shown as plain text, not dropped.
import { h } from './dom'
import { labelledIcon } from './icons'
import type { IconName } from './icons'
import { t } from '../../common/i18n'

type FeatureLabel = 'feature.audio' | 'feature.screenShare' | 'feature.transfer' | 'feature.hold'

const KNOWN: Record<string, { icon: IconName; label: FeatureLabel }> = {
  audio: { icon: 'mic', label: 'feature.audio' },
  'screen-share': { icon: 'screen', label: 'feature.screenShare' },
  transfer: { icon: 'transfer', label: 'feature.transfer' },
  hold: { icon: 'hold', label: 'feature.hold' },
}

function feature(name: string): HTMLElement {
  const known = Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined
  if (!known) return h('span', { class: 'feature-tag', attrs: { title: name } }, name)
  return labelledIcon(known.icon, t(known.label), 'feature')
}

export function renderFeatures(features: string[]): HTMLElement | null {
  const unique = [...new Set(features)]
  if (unique.length === 0) return null
  return h(
    'span',
    { class: 'features', attrs: { role: 'group', 'aria-label': t('calls.features') } },
    ...unique.map(feature),
  )
}
