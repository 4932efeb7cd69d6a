// Calm views for everything other than "online": a full panel when there is
// nothing else to show, a one-line banner above calls that are still listed.
import type { ConnectionStatus } from '../../common/calls'
import type { PauseState } from '../../common/ipc-contract'
import { policyUnreadableText } from '../../common/policy-text'
import { h } from './dom'
import { formatRetry, pauseText, statusCopy } from './format'
import { icon } from './icons'
import type { IconName } from './icons'
import type { LiveText } from './ticker'
import { t } from '../../common/i18n'

export type NoticeStatus = Exclude<
  ConnectionStatus,
  { state: 'online' } | { state: 'unauthorized' }
>

const STATUS_ICONS: Record<NoticeStatus['state'], IconName> = {
  connecting: 'arc',
  offline: 'cloudOff',
  'rate-limited': 'hourglass',
  unsupported: 'blocked',
}

function retryLine(status: NoticeStatus, retryAt: number | null, live: LiveText[]): Node | null {
  if (retryAt === null) {
    return status.state === 'offline'
      ? document.createTextNode(t('status.waitingForNetwork'))
      : null
  }
  const node = document.createTextNode(formatRetry(retryAt, Date.now()))
  live.push({ node, anchor: retryAt, text: (now) => formatRetry(retryAt, now) })
  return node
}

export function renderStatusPanel(
  status: NoticeStatus,
  host: string,
  live: LiveText[],
): HTMLElement {
  const copy = statusCopy(status, host)
  const retry = retryLine(status, copy.retryAt, live)
  return h(
    'section',
    {
      class: `status-panel status-panel--${status.state}`,
      attrs: { 'aria-labelledby': 'status-title', 'data-status': status.state },
    },
    h('span', { class: 'status-panel__icon' }, icon(STATUS_ICONS[status.state])),
    h('h2', { class: 'status-panel__title', attrs: { id: 'status-title' } }, copy.title),
    h('p', { class: 'status-panel__body' }, copy.body),
    copy.detail && h('p', { class: 'status-panel__detail' }, copy.detail),
    retry && h('p', { class: 'status-panel__retry countdown' }, retry),
  )
}

// Banners are not live regions: they are rebuilt on every push and some hold a ticking
// countdown. announcer.ts says each change once instead.
export function renderStatusBanner(
  status: NoticeStatus,
  host: string,
  live: LiveText[],
): HTMLElement {
  const copy = statusCopy(status, host)
  const retry = retryLine(status, copy.retryAt, live)
  return h(
    'div',
    {
      class: `banner banner--${status.state}`,
      attrs: { 'data-status': status.state, title: copy.body },
    },
    icon(STATUS_ICONS[status.state]),
    h('span', { class: 'banner__text' }, copy.title),
    retry && h('span', { class: 'banner__aside countdown' }, retry),
  )
}

type OnlineStatus = Extract<ConnectionStatus, { state: 'online' }>

/** An online worth a word (see OnlineNotice): the engine's sentence, under the header. */
export function renderOnlineNotice(status: OnlineStatus): HTMLElement | null {
  if (!status.notice || !status.detail) return null
  return h(
    'div',
    {
      class: `banner banner--${status.notice}`,
      attrs: { 'data-notice': status.notice },
    },
    icon(status.notice === 'polling-shared' ? 'hourglass' : 'arc'),
    h('span', { class: 'banner__text' }, status.detail),
  )
}

/** Instead of the sign-in form: nothing works until IT fixes the policy. */
export function renderPolicyProblem(): HTMLElement {
  return h(
    'section',
    {
      class: 'status-panel status-panel--policy',
      attrs: { role: 'alert', 'aria-labelledby': 'status-title', 'data-status': 'policy' },
    },
    h('span', { class: 'status-panel__icon' }, icon('blocked')),
    h(
      'h2',
      { class: 'status-panel__title', attrs: { id: 'status-title' } },
      policyUnreadableText(),
    ),
    h('p', { class: 'status-panel__body' }, t('status.policyBody')),
  )
}

export function renderEmpty(): HTMLElement {
  return h(
    'section',
    { class: 'status-panel status-panel--empty', attrs: { 'aria-labelledby': 'status-title' } },
    h('span', { class: 'status-panel__icon' }, icon('bell')),
    h(
      'h2',
      { class: 'status-panel__title', attrs: { id: 'status-title' } },
      t('status.emptyTitle'),
    ),
    h('p', { class: 'status-panel__body' }, t('status.emptyBody')),
  )
}

export function renderPauseBanner(pause: PauseState, onResume: () => void): HTMLElement {
  return h(
    'div',
    { class: 'banner banner--paused', attrs: { 'data-banner': 'paused' } },
    icon('bellOff'),
    h('span', { class: 'banner__text' }, pauseText(pause, Date.now())),
    h(
      'button',
      {
        class: 'button button--ghost button--small',
        attrs: { type: 'button', 'data-focus-key': 'resume' },
        on: { click: onResume },
      },
      t('pause.resume'),
    ),
  )
}

/** When the window can't work at all (opened outside the app, preload missing). */
export function renderFatal(title: string, body: string): HTMLElement {
  return h(
    'section',
    { class: 'status-panel status-panel--fatal', attrs: { role: 'alert' } },
    h('span', { class: 'status-panel__icon' }, icon('blocked')),
    h('h1', { class: 'status-panel__title' }, title),
    h('p', { class: 'status-panel__body' }, body),
  )
}
