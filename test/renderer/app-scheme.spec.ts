// The built pages as the app serves them: every request goes through the same handler
// main registers for call-tray://app/ (main/window/app-protocol-handler.ts), here
// behind an http origin of Chromium's (a custom scheme needs Electron to register it).
import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import { appProtocolHandler } from '../../main/window/app-protocol-handler'
import { PAGE_CSP } from '../../main/window/web-security'
import { rendererOut } from './harness/paths'

const ORIGIN = 'http://call-tray.test'

interface Served {
  path: string
  status: number
  type: string | null
  csp: string | null
}

/** Routes the origin through the app's handler; `rewrite` may change an HTML page on its way. */
async function serveLikeTheApp(
  page: Page,
  rewrite: (html: string) => string = (html) => html,
): Promise<Served[]> {
  const handler = appProtocolHandler({ rendererDir: rendererOut })
  const served: Served[] = []
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    // Chromium asks an http origin for one; a page of the app scheme never does.
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204 })
    const response = await handler(
      new Request(`call-tray://app${url.pathname}${url.search}`, {
        method: route.request().method(),
      }),
    )
    const type = response.headers.get('content-type')
    const csp = response.headers.get('content-security-policy')
    served.push({ path: url.pathname, status: response.status, type, csp })
    const body = Buffer.from(await response.arrayBuffer())
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: type?.startsWith('text/html') ? rewrite(body.toString('utf8')) : body,
    })
  })
  return served
}

function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

test('the call window loads with its scripts and styles, and its CSP as a header', async ({
  page,
}) => {
  const problems = watchProblems(page)
  const served = await serveLikeTheApp(page)
  await page.goto(`${ORIGIN}/index.html`)
  // Without the preload the page explains itself: its module script ran.
  await expect(page.getByRole('alert')).toContainText('Call Tray isn’t connected')
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0)

  expect(served[0]).toEqual({
    path: '/index.html',
    status: 200,
    type: 'text/html; charset=utf-8',
    csp: PAGE_CSP.window,
  })
  expect(served.slice(1).map(({ status, type }) => [status, type])).toEqual(
    expect.arrayContaining([
      [200, 'text/javascript; charset=utf-8'],
      [200, 'text/css; charset=utf-8'],
    ]),
  )
  expect(served.every((file) => file.status === 200)).toBe(true)
  expect(problems).toEqual([])
})

test('the header policy holds even for a page whose meta policy is gone', async ({ page }) => {
  await serveLikeTheApp(page, (html) =>
    html
      .replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('<title>', '<script>window.__inlineRan = true</script><title>'),
  )
  await page.goto(`${ORIGIN}/index.html`)
  await expect(page.getByRole('alert')).toBeVisible()
  expect(await page.evaluate(() => '__inlineRan' in window)).toBe(false)
})
