// electron-builder's own loading and validation of electron-builder.yml, reached through
// electron-builder's dependency app-builder-lib (not a public entry point: these are the
// functions `electron-builder` runs before it packs anything).
import { createRequire } from 'node:module'
import type { Configuration } from 'electron-builder'

interface ConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    overrides: Configuration | null,
  ): Promise<Configuration>
  validateConfiguration(
    config: Configuration,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>
}

const fromBuilder = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
)
const configModule = fromBuilder('app-builder-lib/out/util/config/config') as ConfigModule

/** electron-builder's command line: its yargs setup and the options it makes of the arguments. */
interface CliModule {
  createYargs(): { parseSync?: never }
  configureBuildCommand(yargs: unknown): { parseSync(args: readonly string[]): object }
  normalizeOptions(args: object): { config?: Configuration | string | null }
}
const cliModule = fromBuilder('./out/builder') as CliModule

/**
 * The configuration as electron-builder reads it from the project (file, package.json
 * `build`), with what a command line's `-c.` options put on top.
 */
export function loadBuilderConfig(
  projectDir: string,
  overrides: Configuration | null = null,
): Promise<Configuration> {
  return configModule.getConfig(projectDir, null, overrides)
}

/** The `-c.` options of an electron-builder command line, parsed as its CLI parses them. */
export function builderCliConfig(args: readonly string[]): Configuration {
  const parsed = cliModule.configureBuildCommand(cliModule.createYargs()).parseSync(args)
  const { config } = cliModule.normalizeOptions(parsed)
  if (config == null || typeof config === 'string') return {}
  return config
}

/** Resolves when electron-builder's JSON schema (app-builder-lib/scheme.json) accepts the configuration. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(structuredClone(config), {
    isEnabled: false,
    add() {},
  })
}
