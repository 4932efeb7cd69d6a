// The call list: order, badges, features, timers, and the two call actions.
import { test, expect } from './fixtures'
import { NOW, busyState, call, peer, recentCall, seconds, signedIn, sipPeer } from './states'

test('lists calls with ringing incoming ones first, each with its badge', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({
      calls: [
        call('active', { state: 'active', peer: peer('Katherine Johnson') }),
        call('calling', { direction: 'outgoing', peer: sipPeer('2042', 'Front desk') }),
        call('ring-1', { peer: peer('Ada Lovelace') }),
        call('connecting', { state: 'connecting', peer: peer('Dorothy Vaughan') }),
        call('ring-2', { peer: peer('Mary Jackson') }),
      ],
    }),
  )
  const rows = page.getByRole('list', { name: 'Calls' }).getByRole('listitem')
  await expect(rows.locator('.call__name')).toHaveText([
    'Ada Lovelace',
    'Mary Jackson',
    'Katherine Johnson',
    'Front desk',
    'Dorothy Vaughan',
  ])
  await expect(rows.locator('.badge')).toHaveText([
    'Incoming',
    'Incoming',
    'In call',
    'Calling',
    'Connecting',
  ])
  await expect(rows.nth(3)).toContainText('Ext. 2042')
  await expect(rows.nth(0).getByRole('img', { name: 'Incoming call' })).toBeVisible()
  await expect(rows.nth(3).getByRole('img', { name: 'Outgoing call' })).toBeVisible()
})

test('shows the other party as name, @username or extension without repeating it', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({
      calls: [
        call('named', { peer: peer('Ada Lovelace', { username: 'ada' }) }),
        call('username-only', { peer: peer('@linus', { username: 'linus' }), state: 'active' }),
        call('sip-only', { peer: sipPeer('4711'), state: 'active' }),
      ],
    }),
  )
  const row = (id: string) => page.locator(`[data-call-id="${id}"]`)
  await expect(row('named').locator('.call__handle')).toHaveText('@ada')
  await expect(row('username-only').locator('.call__name')).toHaveText('@linus')
  await expect(row('username-only').locator('.call__handle')).toHaveCount(0)
  await expect(row('sip-only').locator('.call__name')).toHaveText('4711')
  await expect(row('sip-only').locator('.call__handle')).toHaveCount(0)
})

test('shows features as labelled icons and unknown ones as text', async ({ page, tray }) => {
  await tray.open(
    signedIn({
      calls: [call('c', { features: ['audio', 'screen-share', 'transfer', 'hold', 'video-hd'] })],
    }),
  )
  const features = page.getByRole('group', { name: 'Features' })
  for (const label of ['Audio', 'Screen sharing', 'Transfer', 'Hold']) {
    await expect(features.getByRole('img', { name: label })).toHaveAttribute('title', label)
  }
  await expect(features.locator('.feature-tag')).toHaveText('video-hd')
  await tray.snap('features')
})

test('timers tick every second without moving the row', async ({ page, tray }) => {
  await tray.open(busyState())
  const ringing = page.locator('[data-call-id="c-ring"]')
  const active = page.locator('[data-call-id="c-active"]')
  await expect(ringing.getByRole('timer')).toHaveText('0:12')
  await expect(active.getByRole('timer')).toHaveText('04:12')
  await expect(page.locator('[data-call-id="c-out"]').getByRole('timer')).toHaveText('0:05')

  // Mark the nodes: a tick must update their text, not replace them.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.call, .timer')) el.setAttribute('data-marked', '')
  })
  const before = await Promise.all(
    [ringing, active, ringing.getByRole('timer')].map((l) => l.boundingBox()),
  )

  await page.clock.runFor(1000)
  await expect(ringing.getByRole('timer')).toHaveText('0:13')
  await expect(active.getByRole('timer')).toHaveText('04:13')
  const after = await Promise.all(
    [ringing, active, ringing.getByRole('timer')].map((l) => l.boundingBox()),
  )
  expect(after).toEqual(before)
  await expect(page.locator('.call:not([data-marked]), .timer:not([data-marked])')).toHaveCount(0)

  // Crossing into double-digit minutes and past the hour keeps the box too.
  await page.clock.runFor(seconds(6 * 60))
  await expect(active.getByRole('timer')).toHaveText('10:13')
  await page.clock.runFor(seconds(50 * 60))
  await expect(active.getByRole('timer')).toHaveText('1:00:13')
  expect(await active.boundingBox()).toEqual(before[1])
  await tray.snap('timers-after-an-hour')
})

test('Decline calls the API, shows progress and then the error it returns', async ({
  page,
  tray,
}) => {
  await tray.open(busyState())
  const row = page.locator('[data-call-id="c-ring"]')
  const decline = row.getByRole('button', { name: 'Decline' })
  await decline.click()
  await decline.click()
  expect((await tray.calls('declineCall')).map((c) => c.args)).toEqual([['c-ring']])
  await expect(decline).toHaveText('Declining…')
  await expect(decline).toHaveAttribute('aria-disabled', 'true')

  // A second press while pending is ignored (Playwright itself won't click aria-disabled).
  await decline.dispatchEvent('click')
  expect(await tray.calls('declineCall')).toHaveLength(1)

  await tray.reply('declineCall', { ok: false, message: 'The call was already answered.' })
  await expect(row.getByRole('alert')).toHaveText('The call was already answered.')
  await expect(decline).toHaveText('Decline')
  await tray.snap('decline-error')

  await decline.click()
  await decline.click()
  await tray.reply('declineCall', { ok: true })
  const state = busyState()
  await tray.push({ ...state, calls: state.calls.filter((c) => c.id !== 'c-ring') })
  await expect(row).toHaveCount(0)
})

test('Decline appears only for ringing incoming calls when the server allows it', async ({
  page,
  tray,
}) => {
  await tray.open(busyState())
  await expect(page.getByRole('button', { name: 'Decline' })).toHaveCount(1)
  await expect(
    page.locator('[data-call-id="c-ring"]').getByRole('button', { name: 'Decline' }),
  ).toBeVisible()

  await tray.push(busyState({ capabilities: { decline: false } }))
  await expect(page.getByRole('button', { name: 'Decline' })).toHaveCount(0)
  await expect(
    page.getByRole('button', { name: 'Open Rocket.Chat to answer Ada Lovelace' }),
  ).toBeVisible()
})

test('Open Rocket.Chat buttons open it, from a ringing call and from the header', async ({
  page,
  tray,
}) => {
  await tray.open(busyState())
  await page
    .locator('[data-call-id="c-ring"]')
    .getByRole('button', { name: 'Open Rocket.Chat' })
    .click()
  await page.getByRole('banner').getByRole('button', { name: 'Open Rocket.Chat' }).click()
  expect((await tray.calls('openRocketChatFor')).map((c) => c.args)).toEqual([['c-ring']])
  expect(await tray.calls('openRocketChat')).toHaveLength(1)
})

test('Recent shows at most five finished calls, newest first, with outcome and time', async ({
  page,
  tray,
}) => {
  const minutesAgo = (m: number) => NOW - seconds(m * 60)
  await tray.open(
    signedIn({
      recent: [
        recentCall('old', { peer: peer('Oldest Caller'), endedAt: minutesAgo(90) }),
        recentCall('a', {
          outcome: 'answered-elsewhere',
          peer: peer('Ada Lovelace'),
          endedAt: minutesAgo(2),
        }),
        recentCall('e', {
          outcome: 'ended',
          peer: peer('Edsger Dijkstra'),
          endedAt: minutesAgo(5),
        }),
        recentCall('m', {
          outcome: 'missed',
          peer: peer('Barbara Liskov'),
          endedAt: minutesAgo(1),
        }),
        recentCall('d', {
          outcome: 'declined',
          peer: sipPeer('2042', 'Front desk'),
          endedAt: minutesAgo(20),
        }),
        recentCall('x', { outcome: 'ended', peer: peer('Ken Thompson'), endedAt: minutesAgo(40) }),
      ],
    }),
  )
  const items = page.getByRole('region', { name: 'Recent' }).getByRole('listitem')
  await expect(items.locator('.recent__name')).toHaveText([
    'Barbara Liskov',
    'Ada Lovelace',
    'Edsger Dijkstra',
    'Front desk',
    'Ken Thompson',
  ])
  await expect(items.locator('.recent__outcome')).toHaveText([
    'Missed',
    'Answered elsewhere',
    'Ended',
    'Declined',
    'Ended',
  ])
  await expect(items.locator('time')).toHaveText(['13:59', '13:58', '13:55', '13:40', '13:20'])
  await expect(page.getByText('No calls right now')).toBeVisible()
  await tray.snap('recent')
})

test('long names are cut with an ellipsis and kept whole in the tooltip', async ({
  page,
  tray,
}) => {
  const long = 'Maximiliane Konstantinopoulou-Wolfeschlegelsteinhausen von Bergheim'
  await tray.open(
    signedIn({
      calls: [
        call('long', {
          peer: peer(long, { username: 'maximiliane.konstantinopoulou.wolfeschlegel' }),
        }),
      ],
      recent: [recentCall('r', { peer: peer(long) })],
    }),
  )
  for (const name of [
    page.locator('.call__name'),
    page.locator('.recent__name'),
    page.locator('.call__handle'),
  ]) {
    await expect(name).toHaveCSS('text-overflow', 'ellipsis')
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  }
  await expect(page.locator('.call__name')).toHaveAttribute('title', long)
  await expect(page.locator('.recent__name')).toHaveAttribute('title', long)
  // The badge, timer and buttons keep their place next to it.
  await expect(page.locator('.badge')).toBeInViewport({ ratio: 1 })
  await expect(page.getByRole('timer')).toBeInViewport({ ratio: 1 })
  await tray.snap('long-name')
})
