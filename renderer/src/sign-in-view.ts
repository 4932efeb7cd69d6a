// The sign-in form. Built once per visit and kept while state pushes arrive,
// so what the user typed survives a reconnect or a status change.
import type { CallTrayApi, SignInField, SignInInput, SignInResult } from '../../common/ipc-contract'
import { h } from './dom'
import { t } from '../../common/i18n'

export interface SignInNotice {
  title: string
  detail: string | null
}

export interface SignInDefaults {
  serverUrl: string | null
  user: string | null
}

export interface SignInView {
  element: HTMLElement
  setNotice(notice: SignInNotice | null): void
  focusFirstEmpty(): void
}

type Method = SignInInput['method']

interface Field {
  wrap: HTMLElement
  input: HTMLInputElement
  error: HTMLElement
}

const FAILED: SignInResult = {
  ok: false,
  kind: 'error',
  field: null,
  message: t('signIn.failed'),
}

function field(name: SignInField, label: string, type: string, autocomplete: string): Field {
  const id = `field-${name}`
  const input = h('input', {
    class: 'input',
    attrs: {
      id,
      name,
      type,
      autocomplete,
      required: true,
      spellcheck: 'false',
      autocapitalize: 'off',
      'aria-describedby': `${id}-error`,
    },
  })
  const error = h('p', { class: 'field__error', attrs: { id: `${id}-error` } })
  const wrap = h(
    'div',
    { class: 'field' },
    h('label', { class: 'field__label', attrs: { for: id } }, label),
    input,
    error,
  )
  return { wrap, input, error }
}

function methodChoice(
  method: Method,
  label: string,
  checked: boolean,
  onPick: () => void,
): HTMLElement {
  const input = h('input', {
    class: 'segmented__input',
    attrs: { type: 'radio', name: 'method', value: method, checked },
    on: { change: onPick },
  })
  return h('label', { class: 'segmented__option' }, input, h('span', {}, label))
}

export function createSignInView(
  api: Pick<CallTrayApi, 'signIn'>,
  defaults: SignInDefaults,
): SignInView {
  let method: Method = 'password'
  let twoFactor = false
  let pending = false

  const fields: Record<SignInField, Field> = {
    serverUrl: field('serverUrl', t('signIn.serverUrl'), 'url', 'url'),
    user: field('user', t('signIn.user'), 'text', 'username'),
    password: field('password', t('signIn.password'), 'password', 'current-password'),
    userId: field('userId', t('signIn.userId'), 'text', 'off'),
    authToken: field('authToken', t('signIn.authToken'), 'password', 'off'),
    code: field('code', t('signIn.code'), 'text', 'one-time-code'),
  }
  fields.serverUrl.input.value = defaults.serverUrl ?? ''
  fields.serverUrl.input.placeholder = 'https://chat.example.com'
  fields.user.input.value = defaults.user ?? ''
  fields.code.input.inputMode = 'numeric'

  const notice = h('div', { class: 'notice', attrs: { role: 'status' } })
  const formError = h('p', { class: 'form-error', attrs: { role: 'alert' } })
  const twoFactorMessage = h('p', { class: 'sign-in__hint' })
  const submit = h('button', {
    class: 'button button--primary button--block',
    attrs: { type: 'submit' },
  })

  const methods = h(
    'fieldset',
    { class: 'segmented' },
    h('legend', { class: 'visually-hidden' }, t('signIn.method')),
    methodChoice('password', t('signIn.methodPassword'), true, () => pickMethod('password')),
    methodChoice('token', t('signIn.methodToken'), false, () => pickMethod('token')),
  )
  const credentials = h(
    'div',
    { class: 'sign-in__group' },
    fields.serverUrl.wrap,
    methods,
    fields.user.wrap,
    fields.password.wrap,
    fields.userId.wrap,
    fields.authToken.wrap,
  )
  const back = h(
    'button',
    {
      class: 'button button--ghost button--block',
      attrs: { type: 'button' },
      on: { click: () => showTwoFactor(null) },
    },
    t('signIn.back'),
  )
  const twoFactorGroup = h('div', { class: 'sign-in__group' }, twoFactorMessage, fields.code.wrap)

  const form = h(
    'form',
    {
      class: 'sign-in',
      attrs: { novalidate: true, 'aria-labelledby': 'sign-in-title' },
      on: { submit: (e) => void onSubmit(e) },
    },
    h('h1', { class: 'sign-in__title', attrs: { id: 'sign-in-title' } }, t('signIn.title')),
    h('p', { class: 'sign-in__lead' }, t('signIn.lead')),
    notice,
    formError,
    credentials,
    twoFactorGroup,
    h('div', { class: 'sign-in__actions' }, submit, back),
  )

  function sync(): void {
    credentials.hidden = twoFactor
    twoFactorGroup.hidden = !twoFactor
    back.hidden = !twoFactor
    for (const name of ['user', 'password'] as const)
      fields[name].wrap.hidden = method !== 'password'
    for (const name of ['userId', 'authToken'] as const)
      fields[name].wrap.hidden = method !== 'token'
    submit.disabled = pending
    submit.textContent = pending
      ? t('signIn.pending')
      : twoFactor
        ? t('signIn.verify')
        : t('signIn.submit')
    form.setAttribute('aria-busy', String(pending))
  }

  function pickMethod(next: Method): void {
    method = next
    sync()
  }

  function showTwoFactor(message: string | null): void {
    twoFactor = message !== null
    twoFactorMessage.textContent = message ?? ''
    fields.code.input.value = ''
    sync()
    ;(twoFactor ? fields.code.input : fields.password.input).focus()
  }

  function clearErrors(): void {
    formError.textContent = ''
    for (const { input, error } of Object.values(fields)) {
      input.removeAttribute('aria-invalid')
      error.textContent = ''
    }
  }

  function showError(name: SignInField | null, message: string): void {
    // A credential error after the code step means the user must fix it there.
    if (twoFactor && name !== null && name !== 'code') showTwoFactor(null)
    const target = name === null ? undefined : fields[name]
    if (!target || target.wrap.hidden || target.wrap.parentElement?.hidden) {
      formError.textContent = message
      submit.focus()
      return
    }
    target.error.textContent = message
    target.input.setAttribute('aria-invalid', 'true')
    target.input.focus()
  }

  function input(): SignInInput {
    const value = (name: SignInField): string => fields[name].input.value
    if (method === 'token') {
      return {
        method,
        serverUrl: value('serverUrl'),
        userId: value('userId'),
        authToken: value('authToken'),
      }
    }
    const base = {
      method,
      serverUrl: value('serverUrl'),
      user: value('user'),
      password: value('password'),
    }
    return twoFactor ? { ...base, code: value('code') } : base
  }

  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (pending) return
    clearErrors()
    pending = true
    sync()
    const result = await api.signIn(input()).catch(() => FAILED)
    // On success main pushes the signed-in state, which replaces this view.
    if (result.ok) return
    pending = false
    sync()
    if (result.kind === 'two-factor-required') {
      if (method === 'password') showTwoFactor(result.message)
      else showError(null, result.message)
      return
    }
    showError(result.field, result.message)
  }

  sync()
  return {
    element: form,
    setNotice(next) {
      notice.replaceChildren()
      notice.hidden = next === null
      if (next) notice.append(h('strong', {}, next.title), h('span', {}, next.detail ?? ''))
    },
    focusFirstEmpty() {
      const visible = Object.values(fields).filter(
        (f) => !f.wrap.hidden && !f.wrap.parentElement?.hidden,
      )
      ;(visible.find((f) => f.input.value === '') ?? visible[0])?.input.focus()
    },
  }
}
