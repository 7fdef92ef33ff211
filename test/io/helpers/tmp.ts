import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh `dmtls-*` folder under the OS temp dir, and a remover for the suite's `after` hook. */
export function makeTmp(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dmtls-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
