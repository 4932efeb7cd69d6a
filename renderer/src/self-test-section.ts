// "Test ring" in the settings screen: the button, and each check with what to do
// about it. Everything from main goes in as text.
import type { CallTrayApi } from '../../common/ipc-contract'
import { selfTestLabel, type SelfTestCheck, type SelfTestState } from '../../common/self-test'
import { h } from './dom'
import { t } from '../../common/i18n'

export interface SelfTestSection {
  element: HTMLElement
  update(state: SelfTestState | undefined): void
}

function checkItem(check: SelfTestCheck): HTMLElement {
  return h(
    'li',
    { class: `self-test__check self-test__check--${check.ok ? 'ok' : 'failed'}` },
    h('span', { class: 'self-test__label' }, selfTestLabel(check.id)),
    h('span', { class: 'self-test__verdict' }, check.ok ? t('selfTest.ok') : t('selfTest.problem')),
    h('span', { class: 'self-test__detail' }, check.detail),
    check.fix && h('span', { class: 'self-test__fix' }, t('selfTest.fix', { fix: check.fix })),
  )
}

export function createSelfTestSection(api: CallTrayApi): SelfTestSection {
  const button = h(
    'button',
    { class: 'button button--small', attrs: { type: 'button' } },
    t('selfTest.button'),
  )
  const summary = h('p', { class: 'self-test__summary', attrs: { role: 'status' } })
  const list = h('ul', { class: 'self-test__list', attrs: { 'aria-label': t('selfTest.results') } })
  button.addEventListener('click', () => {
    void api.runSelfTest().catch(() => {
      summary.textContent = t('selfTest.couldNotStart')
    })
  })
  return {
    element: h(
      'div',
      { class: 'settings__group self-test' },
      h('p', { class: 'self-test__intro' }, t('selfTest.intro')),
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
  if (state.running) return t('selfTest.running')
  const failed = state.checks.filter((check) => !check.ok).length
  return failed === 0 ? t('selfTest.allGood') : t('selfTest.problems', { count: failed })
}
