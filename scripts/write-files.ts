// Writes generated files (path under `folder` → bytes) and lists what it wrote.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function writeGeneratedFiles(folder: string, files: Map<string, Buffer>): void {
  for (const [file, bytes] of files) {
    const target = path.join(folder, file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, bytes)
    console.log(`${path.relative(process.cwd(), target)} (${bytes.length} bytes)`)
  }
}
