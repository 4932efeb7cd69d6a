// electron-builder's own loading and validation of electron-builder.yml, reached through
// electron-builder's dependency app-builder-lib (not a public entry point: these are the
// functions `electron-builder` runs before it packs anything).
import { createRequire } from 'node:module'
import type { Configuration } from 'electron-builder'

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, overrides: null): Promise<Configuration>
  validateConfiguration(
    config: Configuration,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>
}

const fromBuilder = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
)
const configModule = fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule

/** The configuration as electron-builder reads it from the project (file, package.json `build`). */
export function loadBuilderConfig(projectDir: string): Promise<Configuration> {
  return configModule.getConfig(projectDir, null, null)
}

/** Resolves when electron-builder's JSON schema (app-builder-lib/scheme.json) accepts the configuration. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(structuredClone(config), {
    isEnabled: false,
    add() {},
  })
}
