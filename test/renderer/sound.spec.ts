// The ringtone page in Chromium with made-up outputs: enumerateDevices, setSinkId and
// play are stubbed (headless Chromium has no speakers), so what the page asks of them
// is recorded; its preload is stood in by a recorder of the reports it sends.
import { expect, test, type Page } from '@playwright/test'
import { rendererUrlEnv } from './harness/paths'

interface Played {
  src: string
  sinkId: string
  volume: number
  loop: boolean
  playing: boolean
}

const HEADSET = { deviceId: 'headset-1', label: 'Jabra Evolve2 65' }
const SPEAKERS = { deviceId: 'speakers-1', label: 'Speakers (Realtek Audio)' }

function soundUrl(params: Record<string, string>): string {
  const base = process.env[rendererUrlEnv]
  if (!base) throw new Error(`${rendererUrlEnv} is unset: run through playwright.config.ts`)
  return `${base.replace(/\/?$/, '/')}sound.html#${new URLSearchParams(params).toString()}`
}

async function openSound(page: Page, params: Record<string, string>): Promise<void> {
  await page.addInitScript(
    (outputs) => {
      const state = {
        outputs: [{ deviceId: 'default', label: 'Default' }, ...outputs],
        players: [] as HTMLMediaElement[],
        reports: [] as { channel: string; payload: unknown }[],
      }
      const media = navigator.mediaDevices as MediaDevices & EventTarget
      media.enumerateDevices = async () =>
        state.outputs.map(
          (output) => ({ ...output, kind: 'audiooutput', groupId: '' }) as MediaDeviceInfo,
        )
      const sinks = new WeakMap<HTMLMediaElement, string>()
      Object.defineProperty(HTMLMediaElement.prototype, 'sinkId', {
        get(this: HTMLMediaElement) {
          return sinks.get(this) ?? ''
        },
      })
      HTMLMediaElement.prototype.setSinkId = async function (this: HTMLMediaElement, id: string) {
        if (id !== '' && !state.outputs.some((output) => output.deviceId === id))
          throw new DOMException('Requested device not found', 'NotFoundError')
        sinks.set(this, id)
      }
      HTMLMediaElement.prototype.play = async function (this: HTMLMediaElement) {
        if (!state.players.includes(this)) state.players.push(this)
        this.dataset['playing'] = 'yes'
      }
      HTMLMediaElement.prototype.pause = function (this: HTMLMediaElement) {
        this.dataset['playing'] = 'no'
      }
      Object.assign(window, {
        callTraySound: {
          report: (channel: string, payload: unknown) => state.reports.push({ channel, payload }),
        },
        __sound: {
          state,
          unplug(id: string) {
            state.outputs = state.outputs.filter((output) => output.deviceId !== id)
            media.dispatchEvent(new Event('devicechange'))
          },
        },
      })
    },
    [HEADSET, SPEAKERS],
  )
  await page.goto(soundUrl(params))
}

const played = (page: Page): Promise<Played[]> =>
  page.evaluate(() => {
    const { state } = (window as unknown as { __sound: { state: { players: HTMLMediaElement[] } } })
      .__sound
    return state.players.map((player) => ({
      src: player.src,
      sinkId: player.sinkId,
      volume: player.volume,
      loop: player.loop,
      playing: player.dataset['playing'] === 'yes',
    }))
  })

const reports = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __sound: { state: { reports: { channel: string; payload: unknown }[] } }
        }
      ).__sound.state.reports,
  )

const playingOn = async (page: Page) =>
  (await played(page)).filter((player) => player.playing).map((player) => player.sinkId)

test('rings on the chosen output and the second one', async ({ page }) => {
  await openSound(page, {
    mode: 'ring',
    tone: 'ring',
    volume: '0.80',
    ringOn: JSON.stringify(HEADSET),
    alsoRingOn: JSON.stringify(SPEAKERS),
  })
  await expect.poll(() => playingOn(page)).toEqual([HEADSET.deviceId, SPEAKERS.deviceId])
  const players = await played(page)
  expect(players.every((player) => player.loop && player.volume === 0.8)).toBe(true)
  expect(players[0]?.src).toMatch(/ring.*\.wav$/)
  expect(await reports(page)).toEqual([
    {
      channel: 'sound:playing',
      payload: {
        chosenPresent: true,
        fellBack: false,
        sinks: [HEADSET.deviceId, SPEAKERS.deviceId],
      },
    },
  ])
})

test('finds a chosen output by its name when its id changed', async ({ page }) => {
  await openSound(page, {
    mode: 'ring',
    ringOn: JSON.stringify({ deviceId: 'old-id', label: HEADSET.label }),
  })
  await expect.poll(() => playingOn(page)).toEqual([HEADSET.deviceId])
})

test('moves to the default output at once when the chosen one disappears', async ({ page }) => {
  await openSound(page, { mode: 'ring', ringOn: JSON.stringify(HEADSET) })
  await expect.poll(() => playingOn(page)).toEqual([HEADSET.deviceId])
  await page.evaluate(
    (id) => (window as unknown as { __sound: { unplug(id: string): void } }).__sound.unplug(id),
    HEADSET.deviceId,
  )
  await expect.poll(() => playingOn(page)).toEqual([''])
})

test('rings on the default output, and says so, when the chosen one is not there', async ({
  page,
}) => {
  await openSound(page, {
    mode: 'ring',
    ringOn: JSON.stringify({ deviceId: 'gone', label: 'Gone' }),
  })
  await expect.poll(() => playingOn(page)).toEqual([''])
  expect(await reports(page)).toEqual([
    { channel: 'sound:playing', payload: { chosenPresent: false, fellBack: true, sinks: [''] } },
  ])
})

test('plays the soft call-waiting tone when asked to during a call', async ({ page }) => {
  await openSound(page, { mode: 'ring', tone: 'call-waiting', volume: '0.30' })
  await expect.poll(() => playingOn(page)).toEqual([''])
  const [player] = await played(page)
  expect(player?.src).toMatch(/call-waiting.*\.wav$/)
  expect(player?.volume).toBe(0.3)
})

test('lists the outputs and plays nothing', async ({ page }) => {
  await openSound(page, { mode: 'list' })
  await expect
    .poll(() => reports(page))
    .toEqual([
      {
        channel: 'sound:outputs',
        payload: [{ deviceId: 'default', label: 'Default' }, HEADSET, SPEAKERS],
      },
    ])
  expect(await played(page)).toEqual([])
})
