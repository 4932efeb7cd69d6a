// This session's finished calls, so a call missed while away is not lost.
import type { RecentCall } from '../../common/calls'
import { missedBecauseText } from '../../common/missed-text'
import { h } from './dom'
import { directionLabel, formatClockTime, outcomeText } from './format'
import { labelledIcon } from './icons'
import { t } from '../../common/i18n'

const MAX_SHOWN = 5

function recentItem(item: RecentCall, now: number): HTMLElement {
  const name = item.peer.displayName
  const why = item.missedBecause ? missedBecauseText(item.missedBecause) : null
  return h(
    'li',
    { class: `recent__item recent__item--${item.outcome}` },
    labelledIcon(item.direction, directionLabel(item.direction), 'direction'),
    h('span', { class: 'recent__name', attrs: { title: name } }, name),
    h('span', { class: 'recent__outcome' }, outcomeText(item.outcome)),
    h(
      'time',
      { class: 'recent__time', attrs: { datetime: new Date(item.endedAt).toISOString() } },
      formatClockTime(item.endedAt, now),
    ),
    why ? h('span', { class: 'recent__why' }, why) : null,
  )
}

export function renderRecent(recent: readonly RecentCall[], now: number): HTMLElement | null {
  if (recent.length === 0) return null
  const newestFirst = [...recent].sort((a, b) => b.endedAt - a.endedAt).slice(0, MAX_SHOWN)
  return h(
    'section',
    { class: 'recent', attrs: { 'aria-labelledby': 'recent-title' } },
    h('h2', { class: 'section-title', attrs: { id: 'recent-title' } }, t('recent.title')),
    h('ul', { class: 'recent__list' }, ...newestFirst.map((item) => recentItem(item, now))),
  )
}
