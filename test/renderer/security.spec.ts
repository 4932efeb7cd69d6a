// The window's content security policy and its startup without a preload.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { signedIn } from './states'

/** Collects CSP violations from the first moment of the page, before any of its scripts. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __violations: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(event.effectiveDirective),
    )
  })
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
}

test('an inline script in the page is refused by the CSP meta tag', async ({ page, tray }) => {
  tray.allowConsole(/Content Security Policy/)
  const violations = await recordViolations(page)
  // Plant an inline script right after the policy, as a tampered page would carry one.
  await page.route('**/', async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace(
      '<title>',
      '<script>window.__inlineRan = true</script><title>',
    )
    await route.fulfill({ response, body: html })
  })
  await tray.open(signedIn())

  // The policy comes from the page itself, not from the test server.
  const served = await page.request.get(page.url())
  expect(served.headers()['content-security-policy']).toBeUndefined()
  await expect.poll(violations).toContain('script-src-elem')
  expect(await page.evaluate(() => '__inlineRan' in window)).toBe(false)
  await expect(page.getByText('No calls right now')).toBeVisible()
})

test('scripts and markup added at runtime are refused too', async ({ page, tray }) => {
  tray.allowConsole(/Content Security Policy|requires 'Trusted(Script|HTML)' assignment/)
  const violations = await recordViolations(page)
  await tray.open(signedIn())

  const outcome = await page.evaluate(() => {
    const attempt = (action: () => void): string => {
      try {
        action()
        return 'allowed'
      } catch (error) {
        return String(error)
      }
    }
    return {
      script: attempt(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__runtimeRan = true'
        document.body.append(script)
      }),
      html: attempt(() => document.body.insertAdjacentHTML('beforeend', '<img src=x>')),
      ran: '__runtimeRan' in window,
      images: document.images.length,
    }
  })
  expect(outcome.script).toContain('TrustedScript')
  expect(outcome.html).toContain('TrustedHTML')
  expect(outcome.ran).toBe(false)
  expect(outcome.images).toBe(0)
  await expect.poll(violations).toContain('require-trusted-types-for')
})

test('opened outside Electron it explains itself instead of failing', async ({ page, tray }) => {
  await tray.open(null)
  await expect(page.getByRole('alert')).toContainText('Call Tray isn’t connected')
  await expect(page.getByRole('alert')).toContainText('only works inside the Call Tray app')
  await tray.snap('no-preload')
})
