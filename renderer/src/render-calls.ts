// The calls in flight, one row each. Rows are rebuilt on every state push;
// only their timer text nodes change between pushes (see ticker.ts).
import type { Call } from '../../common/calls'
import { h } from './dom'
import { renderFeatures } from './feature-icons'
import {
  callBadge,
  callTimerText,
  directionLabel,
  initials,
  isRingingIncoming,
  peerHandle,
} from './format'
import { icon, labelledIcon } from './icons'
import type { LiveText } from './ticker'
import { t } from '../../common/i18n'

/** What the window remembers about a Decline the user pressed, per call id. */
export interface DeclineState {
  pending: boolean
  error: string | null
}

export interface CallsProps {
  calls: Call[]
  canDecline: boolean
  declines: ReadonlyMap<string, DeclineState>
  /** The call whose Decline was pressed once: the next press declines it. */
  armedDecline: string | null
  onDecline: (callId: string) => void
  onOpen: (callId: string) => void
  /** Rows add their timers here for the ticker. */
  live: LiveText[]
}

/** Ringing incoming calls first, otherwise the engine's order (Array.sort is stable). */
export function orderCalls(calls: readonly Call[]): Call[] {
  return [...calls].sort((a, b) => Number(isRingingIncoming(b)) - Number(isRingingIncoming(a)))
}

function timer(call: Call, live: LiveText[]): HTMLElement {
  const node = document.createTextNode(callTimerText(call, Date.now()))
  live.push({ node, anchor: call.since, text: (now) => callTimerText(call, now) })
  return h('span', { class: 'timer', attrs: { role: 'timer' } }, node)
}

function ringingActions(call: Call, props: CallsProps): HTMLElement {
  const name = call.peer.displayName
  const decline = props.declines.get(call.id)
  const armed = props.armedDecline === call.id
  const open = h(
    'button',
    {
      class: 'button button--primary',
      attrs: {
        type: 'button',
        'aria-label': t('calls.openToAnswer', { name }),
        'data-focus-key': `open:${call.id}`,
      },
      on: { click: () => props.onOpen(call.id) },
    },
    icon('external'),
    t('header.openRocketChat'),
  )
  // aria-disabled rather than disabled: a disabled button drops keyboard focus.
  const declineButton =
    props.canDecline &&
    h(
      'button',
      {
        class: 'button button--danger',
        attrs: {
          type: 'button',
          'aria-label': armed
            ? t('calls.declineArmedFor', { name })
            : t('calls.declineFrom', { name }),
          'aria-disabled': decline?.pending ? 'true' : undefined,
          'data-focus-key': `decline:${call.id}`,
        },
        on: {
          click: () => {
            if (!decline?.pending) props.onDecline(call.id)
          },
        },
      },
      decline?.pending
        ? t('calls.declining')
        : armed
          ? t('calls.declineArmed')
          : t('calls.decline'),
    )
  return h('div', { class: 'call__actions' }, open, declineButton)
}

function callRow(call: Call, props: CallsProps): HTMLElement {
  const badge = callBadge(call)
  const name = call.peer.displayName
  const handle = peerHandle(call.peer)
  const error = props.declines.get(call.id)?.error
  return h(
    'li',
    { class: `call call--${badge.tone}`, attrs: { 'data-call-id': call.id } },
    h('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } }, initials(name)),
    h('span', { class: 'call__name', attrs: { title: name } }, name),
    h('span', { class: `badge badge--${badge.tone}` }, badge.label),
    h(
      'span',
      { class: 'call__meta' },
      labelledIcon(call.direction, directionLabel(call.direction), 'direction'),
      handle && h('span', { class: 'call__handle', attrs: { title: handle } }, handle),
      renderFeatures(call.features),
    ),
    timer(call, props.live),
    isRingingIncoming(call) && ringingActions(call, props),
    error && h('p', { class: 'call__error', attrs: { role: 'alert' } }, error),
  )
}

export function renderCalls(props: CallsProps): HTMLElement {
  return h(
    'ul',
    { class: 'calls', attrs: { 'aria-label': t('calls.list') } },
    ...orderCalls(props.calls).map((call) => callRow(call, props)),
  )
}
