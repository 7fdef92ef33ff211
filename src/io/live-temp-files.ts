import { readdirSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { tempFilePid } from './temp-file-name.js'

/**
 * The temp files of this process that exist right now (staged, not yet renamed or removed), so that a
 * signal handler can remove them before the process exits. Node runs such a handler between two turns
 * of the event loop, and every step that creates, renames or removes a temp file is synchronous, so
 * the set is exact whenever the handler sees it.
 */
const live = new Set<string>()

export const tempFileCreated = (path: string): void => void live.add(path)
export const tempFileGone = (path: string): void => void live.delete(path)

/**
 * Temp files other threads of this process create (planning workers staging a --write): the handler
 * cannot know their names before the workers' messages arrive, so it closes their gate (`stop`, which
 * returns once no creation is under way and none can start) and removes every temp file carrying this
 * process's pid in the folders they write to.
 */
interface Elsewhere {
  dirs: Iterable<string>
  stop: () => void
}
const elsewhere = new Set<Elsewhere>()

/** Registers the folders other threads stage temp files in; returns the call that unregisters them. */
export function tempFilesElsewhere(dirs: Iterable<string>, stop: () => void): () => void {
  const entry = { dirs, stop }
  elsewhere.add(entry)
  return () => void elsewhere.delete(entry)
}

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
  for (const { dirs, stop } of elsewhere) {
    stop()
    removed += removeOwnTempFiles(dirs)
  }
  elsewhere.clear()
  return removed
}

/**
 * Removes every temp file of this process (by the pid in its name) in `dirs`, whichever thread made it;
 * for a run called off while other threads stage. Returns how many. A folder that cannot be listed keeps
 * them, for the next run to clean.
 */
export function removeOwnTempFiles(dirs: Iterable<string>): number {
  let removed = 0
  for (const dir of dirs) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      if (tempFilePid(name) !== process.pid) continue
      try {
        unlinkSync(join(dir, name))
        removed++
      } catch {
        // already gone
      }
    }
  }
  return removed
}
