// Sends every `import 'electron'` of code loaded natively (the built main bundle and
// the packages it imports, such as electron-store) to the stand-in, through Node's
// synchronous module hooks. The stand-in object itself lives on globalThis, so the
// test and the bundle share the very same instance.
import { createRequire, registerHooks } from 'node:module'
import { standIn } from './electron-stand-in'

const STAND_IN_URL = 'call-tray-test:electron'
const GLOBAL_KEY = Symbol.for('call-tray.electron-stand-in')

export function installElectronStandIn(): typeof standIn {
  ;(globalThis as Record<symbol, unknown>)[GLOBAL_KEY] = standIn
  const names = Object.keys(standIn)
  const source = [
    `const electron = globalThis[Symbol.for('call-tray.electron-stand-in')]`,
    'export default electron',
    ...names.map((name) => `export const ${name} = electron.${name}`),
  ].join('\n')
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'electron') return { url: STAND_IN_URL, shortCircuit: true }
      return nextResolve(specifier, context)
    },
    load(url, context, nextLoad) {
      if (url === STAND_IN_URL) return { format: 'module', source, shortCircuit: true }
      return nextLoad(url, context)
    },
  })
  return standIn
}

/**
 * Loads an ES module with Node's own loader (`require` of ESM, Node 22.12+), so the
 * hooks above apply. Vitest's `import()` would run the file through its module
 * runner instead, transforming the bundle and resolving `electron` itself.
 */
export function loadNatively(file: string): unknown {
  return createRequire(import.meta.url)(file)
}
