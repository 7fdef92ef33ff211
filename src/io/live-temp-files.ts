import { unlinkSync } from 'node:fs'

/**
 * The temp files of this process that exist right now (staged, not yet renamed or removed), so that a
 * signal handler can remove them before the process exits. Node runs such a handler between two turns
 * of the event loop, and every step that creates, renames or removes a temp file is synchronous, so
 * the set is exact whenever the handler sees it.
 */
const live = new Set<string>()

export const tempFileCreated = (path: string): void => void live.add(path)
export const tempFileGone = (path: string): void => void live.delete(path)

/** Removes every temp file this process still has (synchronously: the process is about to exit). Returns how many. */
export function removeLiveTempFiles(): number {
  let removed = 0
  for (const path of live) {
    try {
      unlinkSync(path)
      removed++
    } catch {
      // already gone: nothing left to clean
    }
  }
  live.clear()
  return removed
}
