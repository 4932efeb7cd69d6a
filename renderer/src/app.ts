// Turns each AppState push into the right screen and owns the little state
// that lives only in this window: open menus, pending declines, focus.
import type { AppState, CallTrayApi } from '../../common/ipc-contract'
import { createAnnouncer } from './announcer'
import { fragment, h } from './dom'
import { hostOf, isRingingIncoming } from './format'
import type { DeclineState } from './render-calls'
import { renderCalls } from './render-calls'
import {
  PAUSE_FIRST_FOCUS_KEY,
  PAUSE_TOGGLE_FOCUS_KEY,
  SETTINGS_FOCUS_KEY,
  renderHeader,
} from './render-header'
import { renderRecent } from './render-recent'
import type { NoticeStatus } from './render-status'
import {
  renderEmpty,
  renderOnlineNotice,
  renderPauseBanner,
  renderPolicyProblem,
  renderStatusBanner,
  renderStatusPanel,
} from './render-status'
import { createSettingsView } from './settings-view'
import type { SettingsView } from './settings-view'
import { createSignInView } from './sign-in-view'
import type { SignInView } from './sign-in-view'
import { createTicker } from './ticker'
import type { LiveText } from './ticker'
import { t } from '../../common/i18n'
import { DEFAULT_LOCALE } from '../../common/i18n/locales'
import { applyLocale } from './locale'

/** How long a first press of Decline waits for the second, deliberate one. */
export const DECLINE_ARM_MS = 3_000

type SignedIn = Extract<AppState['session'], { signedIn: true }>

export function createApp(root: HTMLElement, api: CallTrayApi): (state: AppState) => void {
  const ticker = createTicker()
  // Beside the root, not in it: every render replaces the root's children.
  const announcer = createAnnouncer(root.parentElement ?? document.body)
  const declines = new Map<string, DeclineState>()
  let last: AppState | null = null
  let signIn: SignInView | null = null
  let settings: SettingsView | null = null
  let menuOpen = false
  let actionError: string | null = null
  let focusNext: string | null = null
  let armedDecline: { callId: string; timer: ReturnType<typeof setTimeout> } | null = null

  function rerender(): void {
    if (last) render(last)
  }

  function run(action: Promise<unknown>): void {
    if (actionError !== null) {
      actionError = null
      rerender()
    }
    action.catch(() => {
      actionError = t('status.noReply')
      rerender()
    })
  }

  function disarmDecline(): void {
    if (armedDecline) clearTimeout(armedDecline.timer)
    armedDecline = null
  }

  /** Nobody declines by accident: the first press arms, a second within 3 s declines. */
  function pressDecline(callId: string): void {
    if (armedDecline?.callId === callId) {
      disarmDecline()
      void decline(callId)
      return
    }
    disarmDecline()
    const timer = setTimeout(() => {
      armedDecline = null
      rerender()
    }, DECLINE_ARM_MS)
    armedDecline = { callId, timer }
    rerender()
  }

  function openFor(callId: string): void {
    run(api.openRocketChatFor(callId))
  }

  // The global shortcut brought the window up for this call: Enter opens Rocket.Chat.
  api.onFocusCall((callId) => {
    focusNext = `open:${callId}`
    rerender()
  })

  async function decline(callId: string): Promise<void> {
    actionError = null
    declines.set(callId, { pending: true, error: null })
    rerender()
    const result = await api
      .declineCall(callId)
      .catch(() => ({ ok: false, message: t('calls.declineFailed') }) as const)
    if (result.ok) declines.delete(callId)
    else declines.set(callId, { pending: false, error: result.message })
    rerender()
  }

  function setMenu(open: boolean, focusKey: string | null): void {
    menuOpen = open
    focusNext = focusKey
    rerender()
  }

  function openSettings(): void {
    menuOpen = false
    settings = createSettingsView(api, closeSettings)
    rerender()
    settings.focusTitle()
  }

  function closeSettings(): void {
    settings = null
    focusNext = SETTINGS_FOCUS_KEY
    rerender()
  }

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') return openRingingOnEnter(event)
    if (event.key !== 'Escape') return
    if (settings) closeSettings()
    else if (menuOpen) setMenu(false, PAUSE_TOGGLE_FOCUS_KEY)
  })
  /** Enter anywhere but on a control opens Rocket.Chat for the call that rings. */
  function openRingingOnEnter(event: KeyboardEvent): void {
    const target = event.target
    if (settings || (target instanceof Element && target.closest('button, input, select, a')))
      return
    const ringing = last?.calls.find(isRingingIncoming)
    if (!ringing || !last?.session.signedIn) return
    event.preventDefault()
    openFor(ringing.id)
  }

  document.addEventListener('pointerdown', (event) => {
    if (menuOpen && !(event.target instanceof Element && event.target.closest('.pause'))) {
      setMenu(false, null)
    }
  })

  function showSignIn(state: AppState): void {
    const { session, status } = state
    if (!signIn) {
      signIn = createSignInView(api, {
        serverUrl: session.serverUrl,
        user: session.signedIn ? session.user.username : null,
      })
      root.replaceChildren(signIn.element)
      signIn.focusFirstEmpty()
    }
    signIn.setNotice(
      status.state === 'unauthorized'
        ? { title: t('signIn.signedOut'), detail: status.detail || null }
        : null,
    )
    ticker.show([])
  }

  function mainContent(
    state: AppState,
    notice: NoticeStatus | null,
    host: string,
    live: LiveText[],
  ) {
    const recent = renderRecent(state.recent, Date.now())
    if (state.calls.length === 0) {
      return [notice ? renderStatusPanel(notice, host, live) : renderEmpty(), recent]
    }
    const calls = renderCalls({
      calls: state.calls,
      canDecline: state.capabilities.decline,
      declines,
      armedDecline: armedDecline?.callId ?? null,
      onDecline: pressDecline,
      onOpen: openFor,
      live,
    })
    return [notice && renderStatusBanner(notice, host, live), calls, recent]
  }

  function showDashboard(state: AppState, session: SignedIn, notice: NoticeStatus | null): void {
    signIn = null
    for (const id of declines.keys()) {
      if (!state.calls.some((call) => call.id === id)) declines.delete(id)
    }
    if (armedDecline && !state.calls.some((call) => call.id === armedDecline?.callId)) {
      disarmDecline()
    }
    const host = hostOf(session.serverUrl)
    const live: LiveText[] = []
    const focusKey = focusNext ?? focusedKey(root)
    focusNext = null
    root.replaceChildren(
      fragment(
        renderHeader({
          user: session.user,
          host,
          menuOpen,
          onToggleMenu: () => setMenu(!menuOpen, menuOpen ? null : PAUSE_FIRST_FOCUS_KEY),
          onPause: (minutes) => {
            run(api.pauseNotifications(minutes))
            setMenu(false, PAUSE_TOGGLE_FOCUS_KEY)
          },
          onOpen: () => run(api.openRocketChat()),
          onSettings: openSettings,
          onSignOut: () => run(api.signOut()),
        }),
        state.pause && renderPauseBanner(state.pause, () => run(api.resumeNotifications())),
        state.notificationsBlocked &&
          renderBlockedBanner(() => run(api.openNotificationSettings())),
        state.status.state === 'online' && renderOnlineNotice(state.status),
        actionError && h('p', { class: 'app-error', attrs: { role: 'alert' } }, actionError),
        h(
          'main',
          { class: 'content', attrs: { id: 'content', tabindex: '-1' } },
          ...mainContent(state, notice, host, live),
        ),
      ),
    )
    ticker.show(live)
    restoreFocus(root, focusKey)
  }

  function showSettings(state: AppState, view: SettingsView): void {
    signIn = null
    if (root.dataset.screen !== 'settings' || !root.contains(view.element)) {
      root.dataset.screen = 'settings'
      root.replaceChildren(view.element)
      ticker.show([])
    }
    view.update(state.settings, state.selfTest)
  }

  /**
   * The settings view is built once, and the language is most likely changed right there:
   * a new locale rebuilds it in that language, keeping focus on the control it was on.
   */
  function relocalizeSettings(): void {
    if (!settings) return
    const focusedId = root.contains(document.activeElement) ? document.activeElement?.id : undefined
    settings = createSettingsView(api, closeSettings)
    if (focusedId) queueMicrotask(() => document.getElementById(focusedId)?.focus())
  }

  function render(state: AppState): void {
    const locale = state.locale ?? DEFAULT_LOCALE
    const localeChanged = last !== null && locale !== (last.locale ?? DEFAULT_LOCALE)
    applyLocale(locale)
    if (localeChanged) relocalizeSettings()
    // "Test ring" from the tray: its results show in Settings.
    const testStarted = state.selfTest?.running === true && last?.selfTest?.running !== true
    last = state
    const { session, status } = state
    if (testStarted && !settings && session.signedIn) {
      menuOpen = false
      settings = createSettingsView(api, closeSettings)
    }
    if (state.policyUnreadable) {
      settings = null
      signIn = null
      if (root.dataset.screen !== 'policy') root.replaceChildren(renderPolicyProblem())
      root.dataset.screen = 'policy'
      ticker.show([])
    } else if (!session.signedIn || status.state === 'unauthorized') {
      settings = null
      root.dataset.screen = 'sign-in'
      showSignIn(state)
    } else if (settings) {
      showSettings(state, settings)
    } else {
      root.dataset.screen = 'dashboard'
      showDashboard(state, session, status.state === 'online' ? null : status)
    }
    announcer.follow(state)
  }

  return render
}

/** Which control had focus, so a rebuild can put it back (keyboard users keep their place). */
function focusedKey(root: HTMLElement): string | null {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || !root.contains(active)) return null
  return active.dataset.focusKey ?? 'content'
}

function restoreFocus(root: HTMLElement, key: string | null): void {
  if (key === null) return
  const target = [...root.querySelectorAll<HTMLElement>('[data-focus-key]')].find(
    (el) => el.dataset.focusKey === key,
  )
  // The control may be gone (a declined call's row); keep focus inside the window.
  ;(target ?? root.querySelector<HTMLElement>('#content'))?.focus({ preventScroll: true })
}

/** The OS blocks Call Tray's notifications: say so, and where to allow them. */
function renderBlockedBanner(onOpenSettings: () => void): HTMLElement {
  return h(
    'p',
    { class: 'app-error', attrs: { role: 'status', 'data-banner': 'notifications-blocked' } },
    `${t('status.notificationsBlocked')} `,
    h(
      'button',
      {
        class: 'button button--ghost button--small',
        attrs: { type: 'button', 'data-focus-key': 'notification-settings' },
        on: { click: onOpenSettings },
      },
      t('status.allowNotifications'),
    ),
  )
}
