// What a screen reader hears without looking: a new ringing call, at once (assertive),
// and a change of connection or pause, politely. Each is said once, when it happens:
// the regions live outside the re-rendered screen and never hold a timer, so neither a
// rebuild nor a tick repeats anything.
import { t } from '../../common/i18n'
import type { AppState } from '../../common/ipc-contract'
import { h } from './dom'
import { hostOf, isRingingIncoming, pauseText, statusCopy } from './format'

export interface Announcer {
  /** Call after every state push; says what changed since the last one. */
  follow(state: AppState): void
}

function liveRegion(politeness: 'assertive' | 'polite'): HTMLElement {
  return h('div', {
    class: 'visually-hidden announcer',
    attrs: { 'aria-live': politeness, 'aria-atomic': 'true', 'data-announcer': politeness },
  })
}

/** Replaces the region's text; clearing first makes the same sentence count as news again. */
function say(region: HTMLElement, text: string): void {
  region.textContent = ''
  region.textContent = text
}

/** The connection and pause in words, or null when signed out (the sign-in screen speaks). */
function statusSentence(state: AppState): string | null {
  const { session, status } = state
  if (!session.signedIn || status.state === 'unauthorized') return null
  if (status.state === 'online') return t('announce.backOnline')
  return statusCopy(status, hostOf(session.serverUrl)).title
}

export function createAnnouncer(parent: HTMLElement): Announcer {
  const urgent = liveRegion('assertive')
  const polite = liveRegion('polite')
  parent.append(urgent, polite)
  const announced = new Set<string>()
  let lastStatus: string | null = null
  let lastPause: string | null = null
  let first = true

  function announceRinging(state: AppState): void {
    const ringing = state.calls.filter(isRingingIncoming)
    const fresh = ringing.filter((call) => !announced.has(call.id))
    for (const id of [...announced]) {
      if (!ringing.some((call) => call.id === id)) announced.delete(id)
    }
    if (fresh.length === 0) return
    for (const call of fresh) announced.add(call.id)
    say(
      urgent,
      fresh.map((call) => t('announce.incoming', { name: call.peer.displayName })).join(' '),
    )
  }

  function announceStatus(state: AppState, first: boolean): void {
    const status = statusSentence(state)
    const pause = state.pause ? pauseText(state.pause, Date.now()) : null
    const news = [status !== lastStatus && status, pause !== lastPause && pause].filter(
      (text): text is string => Boolean(text),
    )
    lastStatus = status
    lastPause = pause
    // The first screen says its status itself; only later changes are news.
    if (!first && news.length > 0) say(polite, news.join('. '))
  }

  return {
    follow(state) {
      if (state.policyUnreadable) return
      announceRinging(state)
      announceStatus(state, first)
      first = false
    },
  }
}
