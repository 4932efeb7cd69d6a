// The `tray` fixture: opens the built window with the preload stand-in,
// drives it, takes screenshots, and fails any test that logged an error.
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { expect, test as base } from '@playwright/test'
import type { ConsoleMessage, Page, TestInfo } from '@playwright/test'
import type { AppState } from '../../common/ipc-contract'
import type { HeldReplies, HeldReply, RecordedCall } from './harness/call-tray-stand-in'
import { rendererUrlEnv, standInBundle, standInGlobal } from './harness/paths'
import { NOW } from './states'

export interface Tray {
  /** Opens the window with this state; null opens it without any preload API. */
  open(state: AppState | null): Promise<void>
  push(state: AppState): Promise<void>
  reply<M extends keyof HeldReplies>(method: M, value: HeldReplies[M]): Promise<void>
  calls(method?: RecordedCall['method']): Promise<RecordedCall[]>
  snap(name: string): Promise<void>
  /** Console errors this test provokes on purpose (CSP violations). */
  allowConsole(pattern: RegExp): void
}

let bundle: Promise<string> | undefined
const standInSource = (): Promise<string> => (bundle ??= readFile(standInBundle, 'utf8'))

function rendererUrl(): string {
  const url = process.env[rendererUrlEnv]
  if (!url) throw new Error(`${rendererUrlEnv} is unset: run through playwright.config.ts`)
  return url
}

async function open(page: Page, state: AppState | null): Promise<void> {
  if (state) {
    const install = `${standInGlobal}.installCallTrayStandIn(${JSON.stringify(state)})`
    await page.addInitScript({ content: `${await standInSource()}\n${install}` })
  }
  // Paused before the first document: every Date.now() reads NOW until a test moves it.
  await page.clock.install({ time: NOW - 1000 })
  await page.clock.pauseAt(NOW)
  await page.goto(rendererUrl())
  await expect(page.locator('#app[data-screen]')).toBeAttached()
}

function watchProblems(page: Page, allowed: RegExp[]): string[] {
  const problems: string[] = []
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    const text = message.text()
    if (!allowed.some((pattern) => pattern.test(text)))
      problems.push(`console.${message.type()}: ${text}`)
  }
  page.on('console', onConsole)
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

function screenshotPath(testInfo: TestInfo, name: string): string {
  return join(testInfo.project.outputDir, 'screenshots', `${testInfo.project.name}-${name}.png`)
}

/** "calls.spec.ts › Decline calls the API…" → "calls-decline-calls-the-api…" */
function testSlug(testInfo: TestInfo): string {
  const file = basename(testInfo.file, '.spec.ts')
  return `${file}-${testInfo.title}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export const test = base.extend<{ tray: Tray }>({
  tray: async ({ page }, use, testInfo) => {
    const allowed: RegExp[] = []
    const problems = watchProblems(page, allowed)
    const snap = async (name: string): Promise<void> => {
      const path = screenshotPath(testInfo, name)
      await page.screenshot({ path, animations: 'disabled' })
      await testInfo.attach(name, { path, contentType: 'image/png' })
    }
    let opened = false
    await use({
      open: async (state) => {
        await open(page, state)
        opened = true
      },
      push: (state) => page.evaluate((next) => window.__callTray.push(next), state),
      reply: (method, value) => {
        // Widening the generic pair to the union it is a member of.
        const held = { method, value } as HeldReply
        return page.evaluate((answer) => window.__callTray.reply(answer), held)
      },
      calls: async (method) => {
        const all = await page.evaluate(() => window.__callTray.calls)
        return method ? all.filter((c) => c.method === method) : all
      },
      snap,
      allowConsole: (pattern) => allowed.push(pattern),
    })
    // Every test leaves a picture of where it ended, to look at.
    if (opened && !page.isClosed()) await snap(`end-${testSlug(testInfo)}`)
    expect(problems, 'console errors, warnings or page errors').toEqual([])
  },
})

export { expect }
