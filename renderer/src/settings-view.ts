// The settings screen. Built once when opened and then updated in place from each
// AppState, so focus, a dragged slider and an error next to a control survive pushes.
import type {
  ActionResult,
  AudioOutput,
  AudioOutputChoice,
  CallTrayApi,
  LockableSetting,
  SettingsPatch,
  SettingsState,
  SignInStorage,
} from '../../common/ipc-contract'
import type { SelfTestState } from '../../common/self-test'
import { h } from './dom'
import { icon } from './icons'
import { createSelfTestSection } from './self-test-section'
import { t } from '../../common/i18n'
import type { MessageKey } from '../../common/i18n/catalog'
import { LANGUAGE_CHOICES, LOCALE_NAMES, type LanguageSetting } from '../../common/i18n/locales'

export interface SettingsView {
  element: HTMLElement
  update(settings: SettingsState, selfTest?: SelfTestState): void
  focusTitle(): void
}

type Key = keyof SettingsPatch
type Control = HTMLInputElement | HTMLSelectElement

interface Row {
  element: HTMLElement
  control: Control
  hint: HTMLElement
  error: HTMLElement
}

const POLL_CHOICES = [1, 3, 5, 10, 30, 60]

const SIGN_IN_STORAGE_KEYS = {
  encrypted: 'settings.storageEncrypted',
  'weakly-protected': 'settings.storageWeak',
  'session-only': 'settings.storageSessionOnly',
} as const satisfies Record<SignInStorage, MessageKey>

function row(id: string, label: string, control: Control, note: string | null = null): Row {
  const hint = h('span', { class: 'setting__hint', attrs: { id: `${id}-hint` } })
  const error = h('p', { class: 'setting__error', attrs: { id: `${id}-error`, role: 'alert' } })
  control.id = id
  const described = [`${id}-hint`, note && `${id}-note`, `${id}-error`].filter(Boolean)
  control.setAttribute('aria-describedby', described.join(' '))
  const element = h(
    'div',
    { class: 'setting' },
    h(
      'label',
      { class: 'setting__text', attrs: { for: id } },
      h('span', { class: 'setting__label' }, label),
      note && h('span', { class: 'setting__note', attrs: { id: `${id}-note` } }, note),
      hint,
    ),
    control,
    error,
  )
  return { element, control, hint, error }
}

function switchRow(id: string, label: string): Row {
  return row(
    id,
    label,
    h('input', { class: 'switch', attrs: { type: 'checkbox', role: 'switch' } }),
  )
}

function volumeRow(): { row: Row; output: HTMLOutputElement } {
  const range = h('input', {
    class: 'range',
    attrs: { type: 'range', min: '0', max: '100', step: '5' },
  })
  const output = h('output', { class: 'range__value', attrs: { for: 'setting-volume' } })
  const volume = row('setting-volume', t('settings.volume'), range)
  volume.element.classList.add('setting--range')
  volume.element.insertBefore(output, volume.error)
  return { row: volume, output }
}

function pollOptions(select: HTMLSelectElement, current: number): void {
  const choices = POLL_CHOICES.includes(current)
    ? POLL_CHOICES
    : [...POLL_CHOICES, current].sort((a, b) => a - b)
  const same = [...select.options].map((option) => Number(option.value)).join() === choices.join()
  if (!same) {
    select.replaceChildren(
      ...choices.map((seconds) =>
        h('option', { attrs: { value: String(seconds) } }, t('duration.seconds', { seconds })),
      ),
    )
  }
  select.value = String(current)
}

/** "System default" in the current language, each language in its own (lang marks it for screen readers). */
function languageOptions(): HTMLOptionElement[] {
  return LANGUAGE_CHOICES.map((choice) =>
    choice === 'system'
      ? h('option', { attrs: { value: choice } }, t('settings.languageSystem'))
      : h('option', { attrs: { value: choice, lang: choice } }, LOCALE_NAMES[choice]),
  )
}

const percent = (volume: number): number => Math.round(volume * 100)

const DEFAULT_OUTPUT = ''

/** The outputs to pick from; a chosen one that is not connected stays listed as such. */
function outputOptions(
  select: HTMLSelectElement,
  outputs: readonly AudioOutput[],
  chosen: AudioOutputChoice | null,
  none: string,
): void {
  const listed = outputs.filter((output) => output.deviceId !== 'default' && output.label !== '')
  const match =
    chosen &&
    (listed.find((output) => output.deviceId === chosen.deviceId) ??
      listed.find((output) => output.label === chosen.label))
  const missing =
    chosen && !match
      ? [{ ...chosen, label: t('settings.notConnected', { label: chosen.label }) }]
      : []
  select.replaceChildren(
    h('option', { attrs: { value: DEFAULT_OUTPUT } }, none),
    ...[...listed, ...missing].map((output) =>
      h('option', { attrs: { value: output.deviceId } }, output.label),
    ),
  )
  select.value = match ? match.deviceId : (chosen?.deviceId ?? DEFAULT_OUTPUT)
}

export function createSettingsView(api: CallTrayApi, onClose: () => void): SettingsView {
  const ringtone = switchRow('setting-ringtone', t('settings.ringtone'))
  const { row: volume, output: volumeOutput } = volumeRow()
  const outgoing = switchRow('setting-outgoing', t('settings.outgoing'))
  const startAtLogin = switchRow('setting-start-at-login', t('settings.startAtLogin'))
  const poll = row(
    'setting-poll',
    t('settings.poll'),
    h('select', { class: 'input select' }),
    t('settings.pollNote'),
  )
  const ringOn = row(
    'setting-ring-on',
    t('settings.ringOn'),
    h('select', { class: 'input select' }),
  )
  const alsoRingOn = row(
    'setting-also-ring-on',
    t('settings.alsoRingOn'),
    h('select', { class: 'input select' }),
    t('settings.alsoRingOnNote'),
  )
  const callWaiting = switchRow('setting-call-waiting', t('settings.callWaiting'))
  const breakThrough = switchRow('setting-break-through', t('settings.breakThrough'))
  const shortcut = switchRow('setting-shortcut', t('settings.shortcut'))
  const language = row(
    'setting-language',
    t('settings.language'),
    h('select', { class: 'input select' }, ...languageOptions()),
  )
  const rows: Partial<Record<Key, Row[]>> = {
    ringtone: [ringtone, volume],
    ringOn: [ringOn],
    alsoRingOn: [alsoRingOn],
    callWaitingTone: [callWaiting],
    breakThroughDnd: [breakThrough],
    notifyOutgoingCalls: [outgoing],
    globalShortcut: [shortcut],
    startAtLogin: [startAtLogin],
    pollFloorSeconds: [poll],
    language: [language],
  }
  let outputs: AudioOutput[] = []
  api
    .listAudioOutputs()
    .then((found) => {
      outputs = found
      if (current) apply(current)
    })
    .catch(() => {})
  const selfTest = createSelfTestSection(api)
  const pending = new Set<Key>()
  let current: SettingsState | null = null
  const signIn = h('p', { class: 'settings__sign-in' })
  const title = h(
    'h1',
    { class: 'settings__title', attrs: { id: 'settings-title', tabindex: '-1' } },
    t('settings.title'),
  )

  const checked = (r: Row): boolean => (r.control as HTMLInputElement).checked
  const volumeValue = (): number => Number(volume.control.value) / 100

  function showVolume(value: number): void {
    volumeOutput.textContent = t('settings.volumeValue', { percent: value })
  }

  function save(key: Key, source: Row, patch: SettingsPatch): void {
    for (const r of rows[key] ?? []) r.error.textContent = ''
    pending.add(key)
    api
      .updateSettings(patch)
      .catch((): ActionResult => ({ ok: false, message: t('settings.saveFailed') }))
      .then((result) => {
        pending.delete(key)
        if (result.ok) return
        source.error.textContent = result.message
        // The control goes back to what main holds.
        if (current) apply(current)
      })
  }

  const ringtonePatch = (): SettingsPatch => ({
    ringtone: { enabled: checked(ringtone), volume: volumeValue() },
  })
  ringtone.control.addEventListener('change', () => {
    volume.control.disabled = !checked(ringtone) || isLocked('ringtone')
    save('ringtone', ringtone, ringtonePatch())
  })
  volume.control.addEventListener('input', () => showVolume(Number(volume.control.value)))
  volume.control.addEventListener('change', () => save('ringtone', volume, ringtonePatch()))
  outgoing.control.addEventListener('change', () =>
    save('notifyOutgoingCalls', outgoing, { notifyOutgoingCalls: checked(outgoing) }),
  )
  startAtLogin.control.addEventListener('change', () =>
    save('startAtLogin', startAtLogin, { startAtLogin: checked(startAtLogin) }),
  )
  /** The output as the system names it: a missing one is listed as "… (not connected)" in the agent's language. */
  const choiceOf = (key: 'ringOn' | 'alsoRingOn', select: Control): AudioOutputChoice | null => {
    const deviceId = select.value
    if (deviceId === DEFAULT_OUTPUT) return null
    const chosen = current?.values[key]
    const known =
      outputs.find((output) => output.deviceId === deviceId) ??
      (chosen?.deviceId === deviceId ? chosen : undefined)
    return { deviceId, label: known?.label ?? '' }
  }
  ringOn.control.addEventListener('change', () =>
    save('ringOn', ringOn, { ringOn: choiceOf('ringOn', ringOn.control) }),
  )
  alsoRingOn.control.addEventListener('change', () =>
    save('alsoRingOn', alsoRingOn, { alsoRingOn: choiceOf('alsoRingOn', alsoRingOn.control) }),
  )
  callWaiting.control.addEventListener('change', () =>
    save('callWaitingTone', callWaiting, { callWaitingTone: checked(callWaiting) }),
  )
  breakThrough.control.addEventListener('change', () =>
    save('breakThroughDnd', breakThrough, { breakThroughDnd: checked(breakThrough) }),
  )
  shortcut.control.addEventListener('change', () => {
    const accelerator = current?.values.globalShortcut.accelerator ?? ''
    save('globalShortcut', shortcut, {
      globalShortcut: { enabled: checked(shortcut), accelerator },
    })
  })
  poll.control.addEventListener('change', () =>
    save('pollFloorSeconds', poll, { pollFloorSeconds: Number(poll.control.value) }),
  )
  language.control.addEventListener('change', () =>
    save('language', language, { language: language.control.value as LanguageSetting }),
  )

  function isLocked(key: LockableSetting): boolean {
    return current?.locked.includes(key) ?? false
  }

  function apply(settings: SettingsState): void {
    const { values } = settings
    for (const [key, keyRows] of Object.entries(rows) as [Key, Row[]][]) {
      const locked = settings.locked.includes(key)
      for (const r of keyRows) {
        r.control.disabled = locked
        r.hint.textContent = locked ? t('settings.managed') : ''
      }
      // Leave a control alone while its change is on the way.
      if (pending.has(key)) continue
      if (key === 'ringtone') {
        ;(ringtone.control as HTMLInputElement).checked = values.ringtone.enabled
        volume.control.value = String(percent(values.ringtone.volume))
        showVolume(percent(values.ringtone.volume))
      } else if (key === 'pollFloorSeconds') {
        pollOptions(poll.control as HTMLSelectElement, values.pollFloorSeconds)
      } else if (key === 'ringOn' || key === 'alsoRingOn') {
        const none = key === 'ringOn' ? t('settings.systemDefault') : t('settings.nowhereElse')
        outputOptions(keyRows[0]?.control as HTMLSelectElement, outputs, values[key], none)
      } else if (key === 'language') {
        language.control.value = values.language
      } else if (key === 'globalShortcut') {
        ;(shortcut.control as HTMLInputElement).checked = values.globalShortcut.enabled
        shortcut.hint.textContent ||= values.globalShortcut.accelerator.replace(
          'CommandOrControl',
          'Ctrl',
        )
      } else {
        const value = values[key]
        if (typeof value === 'boolean') (keyRows[0]?.control as HTMLInputElement).checked = value
      }
    }
    volume.control.disabled = isLocked('ringtone') || !checked(ringtone)
    volume.hint.textContent = isLocked('ringtone') ? t('settings.managed') : ''
    signIn.textContent = settings.signInStorage
      ? t(SIGN_IN_STORAGE_KEYS[settings.signInStorage])
      : ''
  }

  const element = h(
    'section',
    { class: 'settings', attrs: { 'aria-labelledby': 'settings-title' } },
    h(
      'header',
      { class: 'settings__bar' },
      h(
        'button',
        {
          class: 'button button--ghost button--small',
          attrs: { type: 'button' },
          on: { click: onClose },
        },
        icon('back'),
        t('settings.back'),
      ),
      title,
    ),
    h(
      'div',
      { class: 'settings__body' },
      h('h2', { class: 'section-title' }, t('calls.list')),
      h(
        'div',
        { class: 'settings__group' },
        ringtone.element,
        volume.element,
        ringOn.element,
        alsoRingOn.element,
        callWaiting.element,
        breakThrough.element,
        outgoing.element,
        shortcut.element,
      ),
      h('h2', { class: 'section-title' }, t('settings.sectionApp')),
      h('div', { class: 'settings__group' }, language.element, startAtLogin.element, poll.element),
      h('h2', { class: 'section-title' }, t('settings.sectionSignIn')),
      h('div', { class: 'settings__group settings__group--text' }, signIn),
      h('h2', { class: 'section-title' }, t('selfTest.button')),
      selfTest.element,
    ),
  )

  return {
    element,
    update(settings, testResults) {
      current = settings
      apply(settings)
      selfTest.update(testResults)
    },
    focusTitle: () => title.focus({ preventScroll: true }),
  }
}
