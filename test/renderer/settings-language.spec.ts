// The Language setting in the settings view: "System default" and each language in
// its own name, the choice sent to main, managed when locked, and the view redone in
// the language main then sends.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { settingsState, signedIn } from './states'

const language = (page: Page, name = 'Language') => page.getByRole('combobox', { name })

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
}

test('lists System default and each language in its own name, showing the current one', async ({
  page,
  tray,
}) => {
  const values = { ...settingsState().values, language: 'fr' as const }
  await tray.open(signedIn({ settings: settingsState({ values }) }))
  await openSettings(page)
  const select = language(page)
  await expect(select).toHaveValue('fr')
  await expect(select.locator('option')).toHaveText([
    'System default',
    'English',
    'Português (Brasil)',
    'Español',
    'Deutsch',
    'Français',
  ])
  await expect(select.locator('option[value="de"]')).toHaveAttribute('lang', 'de')
  await expect(select).toBeEnabled()
  await tray.snap('settings-language')
})

test('sends the chosen language, and redoes the view in the language main then sends', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await openSettings(page)
  await tray.reply('updateSettings', { ok: true })
  await language(page).focus()
  await language(page).selectOption('de')
  await expect
    .poll(async () => (await tray.calls('updateSettings')).map((call) => call.args))
    .toEqual([[{ language: 'de' }]])
  const values = { ...settingsState().values, language: 'de' as const }
  await tray.push(signedIn({ locale: 'de', settings: settingsState({ values }) }))
  await expect(page.getByRole('heading', { name: 'Einstellungen' })).toBeVisible()
  await expect(language(page, 'Sprache')).toHaveValue('de')
  await expect(language(page, 'Sprache')).toBeFocused()
  await expect(language(page, 'Sprache').locator('option').first()).toHaveText('Systemsprache')
  await tray.snap('settings-language-de')
})

test('a locked language is disabled and says who manages it', async ({ page, tray }) => {
  await tray.open(signedIn({ settings: settingsState({ locked: ['language'] }) }))
  await openSettings(page)
  await expect(language(page)).toBeDisabled()
  await expect(language(page)).toHaveAccessibleDescription('Managed by your administrator')
})

test('in German, choosing a missing output again keeps its own name, not "(nicht angeschlossen)"', async ({
  page,
  tray,
}) => {
  const gone = { deviceId: 'gone-1', label: 'Old headset' }
  const values = { ...settingsState().values, language: 'de' as const, ringOn: gone }
  await tray.open(signedIn({ locale: 'de', settings: settingsState({ values }) }))
  await page.getByRole('button', { name: 'Einstellungen' }).click()
  const ringOn = page.getByRole('combobox', { name: 'Klingeln auf', exact: true })
  await expect(ringOn.locator('option[value="gone-1"]')).toHaveText(
    'Old headset (nicht angeschlossen)',
  )
  await ringOn.selectOption('speakers-1')
  await tray.push(signedIn({ locale: 'de', settings: settingsState({ values }) }))
  await ringOn.selectOption('gone-1')
  await tray.reply('updateSettings', { ok: true })
  await tray.reply('updateSettings', { ok: true })
  await expect
    .poll(async () => (await tray.calls('updateSettings')).map((call) => call.args))
    .toEqual([
      [{ ringOn: { deviceId: 'speakers-1', label: 'Speakers (Realtek Audio)' } }],
      [{ ringOn: gone }],
    ])
})
