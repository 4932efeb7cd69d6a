// One calm view per connection status.
import { test, expect } from './fixtures'
import { NOW, SERVER, busyState, seconds, signedIn, signedOut } from './states'

test('signed out it asks to sign in, with nothing else around', async ({ page, tray }) => {
  await tray.open(signedOut())
  await expect(page.getByRole('heading', { name: 'Sign in to Rocket.Chat' })).toBeVisible()
  await expect(page.getByLabel('Server address')).toBeFocused()
  await expect(page.getByRole('banner')).toHaveCount(0)
  await expect(page.getByRole('status')).toBeHidden()
  await tray.snap('signed-out')
})

test('no calls is a calm empty state', async ({ page, tray }) => {
  await tray.open(signedIn())
  await expect(page.getByRole('heading', { name: 'No calls right now' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Grace Hopper')
  await expect(page.getByRole('banner')).toContainText('chat.example.com')
  await expect(page.getByRole('region', { name: 'Recent' })).toHaveCount(0)
  await tray.snap('empty')
})

test('the header names the user and server, and Sign out signs out', async ({ page, tray }) => {
  await tray.open(busyState())
  const header = page.getByRole('banner')
  await expect(header.locator('.header__name')).toHaveText('Grace Hopper')
  await expect(header.locator('.header__name')).toHaveAttribute('title', 'Grace Hopper (@grace)')
  await expect(header.locator('.header__server')).toHaveText('chat.example.com')
  await header.getByRole('button', { name: 'Sign out' }).click()
  expect(await tray.calls('signOut')).toHaveLength(1)
  await tray.push(signedOut(SERVER))
  await expect(page.getByLabel('Server address')).toHaveValue(SERVER)
  await expect(page.getByRole('status')).toBeHidden()
})

test('polling alone within a shared budget says calls may show late, above the calls', async ({
  page,
  tray,
}) => {
  const detail =
    "Polling only: desks on this network share the server's request limit, so a call can show up to 2 min late. Allowing WebSocket connections to the server (through the proxy) fixes this."
  await tray.open(busyState({ status: { state: 'online', notice: 'polling-shared', detail } }))
  const notice = page.locator('[data-notice="polling-shared"]')
  await expect(notice).toHaveText(detail)
  // Still online: the calls are listed, not replaced by a status panel.
  await expect(page.getByRole('heading', { name: 'No calls right now' })).toHaveCount(0)
  await expect(page.locator('.call').first()).toBeVisible()
  await tray.snap('online-polling-shared')
})

test('a slowed check while the stream delivers is said quietly, not as an outage', async ({
  page,
  tray,
}) => {
  const detail =
    'Calls arrive over the live connection; the server is slowing down other checks for now.'
  await tray.open(signedIn({ status: { state: 'online', notice: 'reconcile-slowed', detail } }))
  await expect(page.locator('[data-notice="reconcile-slowed"]')).toHaveText(detail)
  await expect(page.getByRole('heading', { name: 'No calls right now' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Taking a short break' })).toHaveCount(0)
})

test('connecting says so', async ({ page, tray }) => {
  await tray.open(signedIn({ status: { state: 'connecting' } }))
  await expect(page.getByRole('heading', { name: 'Connecting…' })).toBeVisible()
  await expect(page.getByText('Reaching chat.example.com.')).toBeVisible()
  await tray.snap('connecting')
})

test('offline counts down to the next retry, live', async ({ page, tray }) => {
  await tray.open(
    signedIn({
      status: { state: 'offline', detail: 'getaddrinfo ENOTFOUND', retryAt: NOW + seconds(12) },
    }),
  )
  await expect(page.getByRole('heading', { name: 'Offline' })).toBeVisible()
  await expect(page.getByText('Can’t reach chat.example.com.', { exact: false })).toBeVisible()
  await expect(page.getByText('getaddrinfo ENOTFOUND')).toBeVisible()
  const countdown = page.locator('.countdown')
  await expect(countdown).toHaveText('Retrying in 12 s')
  await tray.snap('offline')
  await page.clock.runFor(1000)
  await expect(countdown).toHaveText('Retrying in 11 s')
  await page.clock.runFor(seconds(11))
  await expect(countdown).toHaveText('Retrying now…')
})

test('offline without a retry time waits for the network', async ({ page, tray }) => {
  await tray.open(signedIn({ status: { state: 'offline', detail: '', retryAt: null } }))
  await expect(page.locator('.countdown')).toHaveText('Waiting for the network')
  await expect(page.locator('.status-panel__detail')).toHaveCount(0)
})

test('rate-limited explains the pause and counts down in minutes and seconds', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({
      status: { state: 'rate-limited', detail: 'Too many requests', retryAt: NOW + seconds(90) },
    }),
  )
  await expect(page.getByRole('heading', { name: 'Taking a short break' })).toBeVisible()
  await expect(page.locator('.countdown')).toHaveText('Retrying in 1 min 30 s')
  await tray.snap('rate-limited')
  await page.clock.runFor(seconds(30))
  await expect(page.locator('.countdown')).toHaveText('Retrying in 1 min')
  await page.clock.runFor(1000)
  await expect(page.locator('.countdown')).toHaveText('Retrying in 59 s')
})

test('unsupported servers get plain words, and say why', async ({ page, tray }) => {
  await tray.open(
    signedIn({
      status: { state: 'unsupported', detail: 'Voice calls are not licensed on this server.' },
    }),
  )
  await expect(page.getByRole('heading', { name: 'Calls aren’t available here' })).toBeVisible()
  await expect(
    page.getByText('can’t receive calls from chat.example.com', { exact: false }),
  ).toBeVisible()
  await expect(page.getByText('Voice calls are not licensed on this server.')).toBeVisible()
  await tray.snap('unsupported')
})

test('unauthorized shows sign-in with the server kept and a signed-out message', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({ status: { state: 'unauthorized', detail: 'Your session has expired.' } }),
  )
  await expect(page.getByRole('status')).toContainText('Signed out — sign in again')
  await expect(page.getByRole('status')).toContainText('Your session has expired.')
  await expect(page.getByLabel('Server address')).toHaveValue(SERVER)
  await expect(page.getByLabel('Username or e-mail')).toHaveValue('grace')
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeFocused()
  await tray.snap('unauthorized')
})

test('calls stay listed under a one-line banner while the connection is down', async ({
  page,
  tray,
}) => {
  await tray.open(
    busyState({ status: { state: 'offline', detail: 'timeout', retryAt: NOW + seconds(8) } }),
  )
  const banner = page.locator('.banner[data-status="offline"]')
  await expect(banner).toContainText('Retrying in 8 s')
  await expect(page.getByRole('list', { name: 'Calls' }).getByRole('listitem')).toHaveCount(3)
  await page.clock.runFor(1000)
  await expect(banner).toContainText('Retrying in 7 s')
  await tray.snap('offline-with-calls')
})

test('status pushes switch views in place', async ({ page, tray }) => {
  await tray.open(signedIn({ status: { state: 'connecting' } }))
  await expect(page.getByRole('heading', { name: 'Connecting…' })).toBeVisible()
  await tray.push(signedIn())
  await expect(page.getByRole('heading', { name: 'No calls right now' })).toBeVisible()
  await tray.push(busyState())
  await expect(page.getByRole('list', { name: 'Calls' }).getByRole('listitem')).toHaveCount(3)
  await tray.push(signedOut(SERVER))
  await expect(page.getByLabel('Server address')).toHaveValue(SERVER)
})
