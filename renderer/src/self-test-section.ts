// "Test ring" in the settings screen: the button, and each check with what to do
// about it. Everything from main goes in as text.
import type { CallTrayApi } from '../../common/ipc-contract'
import { SELF_TEST_LABELS, type SelfTestCheck, type SelfTestState } from '../../common/self-test'
import { h } from './dom'

export interface SelfTestSection {
  element: HTMLElement
  update(state: SelfTestState | undefined): void
}

function checkItem(check: SelfTestCheck): HTMLElement {
  return h(
    'li',
    { class: `self-test__check self-test__check--${check.ok ? 'ok' : 'failed'}` },
    h('span', { class: 'self-test__label' }, SELF_TEST_LABELS[check.id]),
    h('span', { class: 'self-test__verdict' }, check.ok ? 'OK' : 'Problem'),
    h('span', { class: 'self-test__detail' }, check.detail),
    check.fix && h('span', { class: 'self-test__fix' }, `Fix: ${check.fix}`),
  )
}

export function createSelfTestSection(api: CallTrayApi): SelfTestSection {
  const button = h(
    'button',
    { class: 'button button--small', attrs: { type: 'button' } },
    'Test ring',
  )
  const summary = h('p', { class: 'self-test__summary', attrs: { role: 'status' } })
  const list = h('ul', { class: 'self-test__list', attrs: { 'aria-label': 'Test ring results' } })
  button.addEventListener('click', () => {
    void api.runSelfTest().catch(() => {
      summary.textContent = 'The test could not start. Try again.'
    })
  })
  return {
    element: h(
      'div',
      { class: 'settings__group self-test' },
      h(
        'p',
        { class: 'self-test__intro' },
        'Rings for 3 seconds, shows a test notification and checks the way calls reach you.',
      ),
      button,
      summary,
      list,
    ),
    update(state) {
      button.disabled = state?.running ?? false
      summary.textContent = summaryText(state)
      list.replaceChildren(...(state?.checks ?? []).map(checkItem))
    },
  }
}

function summaryText(state: SelfTestState | undefined): string {
  if (!state) return ''
  if (state.running) return 'Testing…'
  const failed = state.checks.filter((check) => !check.ok).length
  return failed === 0
    ? 'Everything works.'
    : `${failed} ${failed === 1 ? 'problem' : 'problems'} found.`
}
