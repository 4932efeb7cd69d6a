// The sign-in flow: both methods, two-factor, field and form errors, pending state.
import { test, expect } from './fixtures'
import { SERVER, signedIn, signedOut } from './states'

test('password sign-in asks for a two-factor code and resubmits with it', async ({
  page,
  tray,
}) => {
  await tray.open(signedOut())
  await page.getByLabel('Server address').fill(SERVER)
  await page.getByLabel('Username or e-mail').fill('grace')
  await page.getByRole('textbox', { name: 'Password' }).fill('hunter2')
  const submit = page.getByRole('button', { name: 'Sign in' })
  await submit.click()

  await expect(page.getByRole('button', { name: 'Signing in…' })).toBeDisabled()
  await tray.snap('sign-in-pending')
  expect((await tray.calls('signIn')).map((c) => c.args)).toEqual([
    [{ method: 'password', serverUrl: SERVER, user: 'grace', password: 'hunter2' }],
  ])

  await tray.reply('signIn', {
    ok: false,
    kind: 'two-factor-required',
    method: 'totp',
    message: 'Enter the code from your authenticator app.',
  })
  const code = page.getByLabel('Code')
  await expect(code).toBeFocused()
  await expect(page.getByText('Enter the code from your authenticator app.')).toBeVisible()
  await expect(page.getByLabel('Server address')).toBeHidden()
  await tray.snap('sign-in-two-factor')

  await code.fill('123456')
  await page.getByRole('button', { name: 'Verify' }).click()
  expect((await tray.calls('signIn')).map((c) => c.args)[1]).toEqual([
    { method: 'password', serverUrl: SERVER, user: 'grace', password: 'hunter2', code: '123456' },
  ])
  await tray.reply('signIn', {
    ok: false,
    kind: 'error',
    field: 'code',
    message: 'That code didn’t work.',
  })
  await expect(code).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#field-code-error')).toHaveText('That code didn’t work.')
  await expect(code).toHaveAccessibleDescription('That code didn’t work.')

  await code.fill('654321')
  await page.getByRole('button', { name: 'Verify' }).click()
  await tray.reply('signIn', { ok: true })
  await tray.push(signedIn())
  await expect(page.getByRole('banner')).toContainText('Grace Hopper')
})

test('Back leaves the code step and keeps what was typed', async ({ page, tray }) => {
  await tray.open(signedOut(SERVER))
  await page.getByLabel('Username or e-mail').fill('grace')
  await page.getByRole('textbox', { name: 'Password' }).fill('hunter2')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await tray.reply('signIn', {
    ok: false,
    kind: 'two-factor-required',
    method: 'email',
    message: 'Check your e-mail.',
  })
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByLabel('Username or e-mail')).toHaveValue('grace')
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeFocused()
  await expect(page.getByLabel('Code')).toBeHidden()
})

test('token sign-in sends user id and token; errors land next to their field', async ({
  page,
  tray,
}) => {
  await tray.open(signedOut(SERVER))
  await page.getByRole('radio', { name: 'Access token' }).check()
  await expect(page.getByLabel('Username or e-mail')).toBeHidden()
  await page.getByLabel('User ID').fill('u-123')
  await page.getByLabel('Personal access token').fill('tok-abc')
  await page.getByRole('button', { name: 'Sign in' }).click()
  expect((await tray.calls('signIn')).map((c) => c.args)).toEqual([
    [{ method: 'token', serverUrl: SERVER, userId: 'u-123', authToken: 'tok-abc' }],
  ])

  await tray.reply('signIn', {
    ok: false,
    kind: 'error',
    field: 'authToken',
    message: 'This token was revoked.',
  })
  const token = page.getByLabel('Personal access token')
  await expect(token).toBeFocused()
  await expect(token).toHaveAttribute('aria-invalid', 'true')
  await expect(token).toHaveAccessibleDescription('This token was revoked.')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  await tray.snap('sign-in-field-error')

  // The next attempt clears old errors; a form-level error shows at the top.
  await page.getByRole('button', { name: 'Sign in' }).click()
  await tray.reply('signIn', {
    ok: false,
    kind: 'error',
    field: null,
    message: 'The server didn’t answer.',
  })
  await expect(page.getByRole('alert')).toHaveText('The server didn’t answer.')
  await expect(token).not.toHaveAttribute('aria-invalid')
  await tray.snap('sign-in-form-error')
})

test('a server address error shows under the server field', async ({ page, tray }) => {
  await tray.open(signedOut())
  await page.getByRole('button', { name: 'Sign in' }).click()
  await tray.reply('signIn', {
    ok: false,
    kind: 'error',
    field: 'serverUrl',
    message: 'Enter the server address.',
  })
  await expect(page.getByLabel('Server address')).toHaveAccessibleDescription(
    'Enter the server address.',
  )
  await expect(page.getByLabel('Server address')).toBeFocused()
})

test('what was typed survives state pushes while signing in', async ({ page, tray }) => {
  await tray.open(signedOut())
  await page.getByLabel('Server address').fill(SERVER)
  await page.getByLabel('Username or e-mail').fill('grace')
  await tray.push({
    ...signedOut(),
    status: { state: 'offline', detail: 'no network', retryAt: null },
  })
  await expect(page.getByLabel('Server address')).toHaveValue(SERVER)
  await expect(page.getByLabel('Username or e-mail')).toHaveValue('grace')
  await expect(page.getByLabel('Username or e-mail')).toBeFocused()
})

test('an unreadable admin policy replaces the sign-in form with the reason to call IT', async ({
  page,
  tray,
}) => {
  await tray.open({ ...signedOut(), policyUnreadable: true })
  await expect(
    page.getByRole('heading', { name: 'Your administrator’s Call Tray policy could not be read' }),
  ).toBeVisible()
  await expect(page.getByText('Call Tray does not sign in or watch for calls')).toBeVisible()
  await expect(page.getByLabel('Server address')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
})
