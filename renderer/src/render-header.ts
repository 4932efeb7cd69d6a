// Who is signed in where, plus the window-wide actions: open Rocket.Chat,
// pause notifications, sign out.
import { h } from './dom'
import { initials } from './format'
import { icon } from './icons'
import { t } from '../../common/i18n'

export interface HeaderProps {
  user: { displayName: string; username: string }
  host: string
  menuOpen: boolean
  onToggleMenu: () => void
  onPause: (minutes: number | null) => void
  onOpen: () => void
  onSettings: () => void
  onSignOut: () => void
}

const PAUSE_CHOICES = [
  { minutes: 15, label: 'pause.for15Minutes' },
  { minutes: 60, label: 'pause.for1Hour' },
  { minutes: null, label: 'pause.untilResumed' },
] as const

export const PAUSE_FIRST_FOCUS_KEY = 'pause:15'
export const PAUSE_TOGGLE_FOCUS_KEY = 'pause-toggle'
export const SETTINGS_FOCUS_KEY = 'settings'

function pauseMenu(props: HeaderProps): HTMLElement {
  // A disclosure of plain buttons (not role=menu): Tab and Enter work as everywhere else.
  const toggle = h(
    'button',
    {
      class: 'icon-button',
      attrs: {
        type: 'button',
        'aria-label': t('header.pause'),
        title: t('header.pause'),
        'aria-expanded': String(props.menuOpen),
        'aria-controls': 'pause-menu',
        'data-focus-key': PAUSE_TOGGLE_FOCUS_KEY,
      },
      on: { click: props.onToggleMenu },
    },
    icon('bellOff'),
  )
  const menu = h(
    'div',
    {
      class: 'menu',
      attrs: {
        id: 'pause-menu',
        role: 'group',
        'aria-labelledby': 'pause-menu-title',
        hidden: !props.menuOpen,
      },
    },
    h('p', { class: 'menu__title', attrs: { id: 'pause-menu-title' } }, t('header.pause')),
    ...PAUSE_CHOICES.map(({ minutes, label }) =>
      h(
        'button',
        {
          class: 'menu__item',
          attrs: { type: 'button', 'data-focus-key': `pause:${minutes ?? 'until-resumed'}` },
          on: { click: () => props.onPause(minutes) },
        },
        t(label),
      ),
    ),
  )
  return h('div', { class: 'pause' }, toggle, menu)
}

export function renderHeader(props: HeaderProps): HTMLElement {
  const { displayName, username } = props.user
  return h(
    'header',
    { class: 'header' },
    h(
      'span',
      { class: 'avatar avatar--self', attrs: { 'aria-hidden': 'true' } },
      initials(displayName),
    ),
    h(
      'div',
      { class: 'header__who' },
      h(
        'p',
        {
          class: 'header__name',
          attrs: { title: t('header.userTitle', { name: displayName, username }) },
        },
        displayName,
      ),
      h('p', { class: 'header__server', attrs: { title: props.host } }, props.host),
    ),
    h(
      'div',
      { class: 'header__actions' },
      h(
        'button',
        {
          class: 'icon-button',
          attrs: {
            type: 'button',
            'aria-label': t('header.openRocketChat'),
            title: t('header.openRocketChat'),
            'data-focus-key': 'open',
          },
          on: { click: props.onOpen },
        },
        icon('external'),
      ),
      pauseMenu(props),
      h(
        'button',
        {
          class: 'icon-button',
          attrs: {
            type: 'button',
            'aria-label': t('header.settings'),
            title: t('header.settings'),
            'data-focus-key': SETTINGS_FOCUS_KEY,
          },
          on: { click: props.onSettings },
        },
        icon('gear'),
      ),
      h(
        'button',
        {
          class: 'button button--ghost button--small',
          attrs: { type: 'button', 'data-focus-key': 'sign-out' },
          on: { click: props.onSignOut },
        },
        t('header.signOut'),
      ),
    ),
  )
}
