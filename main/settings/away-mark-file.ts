// Where the missed-while-away mark lives: `missed-calls.json` in the settings folder,
// a file of its own (mode 0600) so the engine's frequent small writes never race
// electron-store over settings.json. It holds a hashed account, a timestamp and call
// ids, never names. A damaged file is ignored: the next catch-up only sets a new mark.
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { AwayMark, AwayMarkStore } from '../core/missed-while-away'

export const AWAY_MARK_FILE_NAME = 'missed-calls.json'

const awayMarkSchema = z.object({
  account: z.string(),
  newestTs: z.number(),
  knownIds: z.array(z.string()),
})

/** Server and user as one opaque key: another sign-in on this computer starts afresh. */
export function awayAccount(serverBase: string, userId: string): string {
  return createHash('sha256').update(`${serverBase}\n${userId}`).digest('hex').slice(0, 32)
}

export function awayMarkFile(directory: string, warn?: (message: string) => void): AwayMarkStore {
  const filePath = path.join(directory, AWAY_MARK_FILE_NAME)
  return {
    load: () => {
      let text: string
      try {
        text = readFileSync(filePath, 'utf8')
      } catch {
        return null
      }
      try {
        const parsed = awayMarkSchema.safeParse(JSON.parse(text))
        if (parsed.success) return parsed.data
      } catch {
        // Falls through: not JSON.
      }
      warn?.(`${AWAY_MARK_FILE_NAME} is unreadable; missed calls are counted from now on.`)
      return null
    },
    save: (mark: AwayMark) => {
      const temporary = `${filePath}.tmp-${process.pid}`
      writeFileSync(temporary, `${JSON.stringify(mark)}\n`, { mode: 0o600 })
      renameSync(temporary, filePath)
    },
  }
}

export function memoryAwayMarkStore(): AwayMarkStore {
  let mark: AwayMark | null = null
  return { load: () => mark, save: (next) => (mark = next) }
}
