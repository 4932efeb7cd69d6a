// Bootstrap: find the preload's API, show the first state, follow pushes.
import type { CallTrayApi } from '../../common/ipc-contract'
import { createApp } from './app'
import { renderFatal } from './render-status'
import { t } from '../../common/i18n'

async function start(root: HTMLElement): Promise<void> {
  // Only the preload defines this; a browser tab or a broken preload leaves it out.
  const api = (window as Window & { callTray?: CallTrayApi }).callTray
  if (!api) {
    root.dataset.screen = 'error'
    root.replaceChildren(renderFatal(t('status.notConnectedTitle'), t('status.notConnectedBody')))
    return
  }
  const render = createApp(root, api)
  // Subscribe before asking, so a push that lands while getState is in flight is not lost.
  let pushed = false
  api.onState((state) => {
    pushed = true
    render(state)
  })
  const initial = await api.getState()
  if (!pushed) render(initial)
}

const root = document.getElementById('app')
if (root) {
  start(root).catch((error: unknown) => {
    console.error('Call Tray window failed to start', error)
    root.dataset.screen = 'error'
    root.replaceChildren(renderFatal(t('status.startFailedTitle'), t('status.startFailedBody')))
  })
}
