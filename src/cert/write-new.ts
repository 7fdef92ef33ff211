import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { CertError } from './types.js'

export interface NewFile {
  /** File name inside the directory. */
  name: string
  text: string
  /** 0o600 for a key, 0o644 for a certificate. */
  mode: number
}

/** Test seam: runs after each file is created, before the next (a concurrent creation is simulated there). */
export interface WriteHooks {
  afterCreate?: (path: string) => void
}

/** Which of `names` exist in `dir` (a dangling symbolic link counts: `wx` would not create through it). */
export function existingFiles(dir: string, names: string[]): string[] {
  return names.filter((name) => lstatSync(join(dir, name), { throwIfNoEntry: false }) !== undefined)
}

/**
 * Creates every file in `dir` (made when missing) or none. `shown` is the directory as the user named it,
 * for messages. Throws CertError naming the files that exist (nothing is written then), or the file that
 * could not be written (the files and folders this call had created are removed first).
 */
export function writeNewFiles(dir: string, shown: string, files: NewFile[], hooks: WriteHooks = {}): void {
  const show = (name: string) => (shown === '.' ? name : join(shown, name))
  const dirStat = statSync(dir, { throwIfNoEntry: false })
  if (dirStat && !dirStat.isDirectory()) throw new CertError(shown, 'is not a directory')
  const present = dirStat
    ? existingFiles(
        dir,
        files.map((f) => f.name),
      )
    : []
  if (present.length > 0) throw existsError(present.map(show))
  const createdDirs: string[] = []
  const createdFiles: string[] = []
  let current = ''
  try {
    if (!dirStat) {
      const first = mkdirSync(dir, { recursive: true })
      // Every folder from the deepest up to the first one this call made, to remove on failure.
      if (first !== undefined) for (let d = dir; ; d = dirname(d)) if ((createdDirs.push(d), d === first)) break
    }
    for (const f of files) {
      current = f.name
      // Created with its mode (never chmod after: a key is never readable by others, not even for a moment);
      // `wx` fails rather than follow or replace anything that appeared since the check.
      const fd = openSync(join(dir, f.name), 'wx', f.mode)
      createdFiles.push(join(dir, f.name))
      try {
        writeFileSync(fd, f.text)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      hooks.afterCreate?.(join(dir, f.name))
    }
  } catch (e) {
    for (const path of createdFiles.reverse()) unlinkSync(path)
    for (const d of createdDirs)
      try {
        rmdirSync(d)
      } catch {}
    const err = e as NodeJS.ErrnoException
    if (err.code === 'EEXIST') throw existsError([show(current)], 'appeared while this run was writing; ')
    throw new CertError(
      show(current),
      `cannot be written (${err.code ?? err.message}); the files this run had written were removed`,
    )
  }
}

export function existsError(shown: string[], when = ''): CertError {
  const others = shown.slice(1)
  return new CertError(
    shown[0]!,
    `exists already${others.length > 0 ? ` (so do ${others.join(', ')})` : ''}; ${when}` +
      'cert never overwrites a file: move them away or choose another --dir (nothing was written)',
  )
}
