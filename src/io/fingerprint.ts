import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type BigIntStats } from 'node:fs'
import { errnoCode } from './io-diagnostic.js'

/**
 * What a file was when it was read: enough to tell, just before it is replaced, that someone (a user,
 * an editor, `git checkout`) changed it meanwhile. `sha256` is of the bytes read.
 */
export interface Fingerprint {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  sha256: string
}

/** How a target differs from what was planned: `undefined` when it is as it was. */
export type Drift = 'changed' | 'removed' | 'appeared' | undefined

/** A file that must still be as it was read, or a path that must still be free (`'absent'`). */
export type Expected = Fingerprint | 'absent'

// node:crypto is loaded only by runs that write: a check never hashes anything.
let createHash: typeof import('node:crypto').createHash | undefined

/** Loads the hash function `fingerprint` needs; once per thread, before the first file is read. */
export async function loadFingerprints(): Promise<void> {
  createHash ??= (await import('node:crypto')).createHash
}

/** The fingerprint of `bytes`, read from a file whose stats (taken before the read) are `st`. */
export function fingerprint(st: BigIntStats, bytes: Uint8Array): Fingerprint {
  if (!createHash) throw new Error('loadFingerprints() was not awaited before reading with a fingerprint')
  return {
    dev: st.dev,
    ino: st.ino,
    size: st.size,
    mtimeNs: st.mtimeNs,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

const sameStats = (st: BigIntStats, was: Fingerprint) =>
  st.dev === was.dev && st.ino === was.ino && st.size === was.size && st.mtimeNs === was.mtimeNs

/**
 * Whether `path` (the real path: symlinks already resolved) is still what `expected` says. Stats that
 * differ settle it without reading; stats that match do not, so the content is hashed again: an edit
 * that keeps the size within one tick of the file system's clock (or that restores the mtime, as
 * `touch -r` or a tool preserving timestamps does) leaves every stat field as it was. A run that
 * changes nothing pays that read once per file it writes, from the page cache.
 */
export function drift(path: string, expected: Expected): Drift {
  if (expected === 'absent') {
    try {
      lstatSync(path)
      return 'appeared'
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return undefined
      throw err
    }
  }
  let fd: number
  try {
    // O_NONBLOCK: a FIFO put in its place must not hang the check (its stats differ anyway).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 'removed'
    throw err
  }
  try {
    const st = fstatSync(fd, { bigint: true })
    if (!st.isFile() || !sameStats(st, expected)) return 'changed'
    const bytes = readWhole(fd, st)
    return bytes && fingerprint(st, bytes).sha256 === expected.sha256 ? undefined : 'changed'
  } finally {
    closeQuietly(fd)
  }
}

/**
 * A file that is about to be replaced (an --out-dir target from an earlier run): its bytes and
 * fingerprint, `'absent'` when there is none, or undefined when it is no regular file or cannot be
 * read (writing it then fails with its own message).
 */
export function readForReplace(path: string): { bytes: Buffer; fingerprint: Fingerprint } | 'absent' | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    return errnoCode(err) === 'ENOENT' ? 'absent' : undefined
  }
  try {
    const st = fstatSync(fd, { bigint: true })
    const bytes = st.isFile() ? readWhole(fd, st) : undefined
    return bytes && { bytes, fingerprint: fingerprint(st, bytes) }
  } catch {
    return undefined
  } finally {
    closeQuietly(fd)
  }
}

/** All of a file whose stats are `st`, or undefined if its size is no longer `st.size`. */
function readWhole(fd: number, st: BigIntStats): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(Number(st.size) + 1) // +1: a file that grew since the fstat
  let total = 0
  while (total < bytes.length) {
    const n = readSync(fd, bytes, total, bytes.length - total, null)
    if (n === 0) break
    total += n
  }
  return total === Number(st.size) ? bytes.subarray(0, total) : undefined
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // a failed close of a file we only read changes nothing
  }
}

/** The message for a target that drifted: `changed during the run; run again`, and the like. */
export function driftMessage(how: Exclude<Drift, undefined>): string {
  return (
    `${how === 'appeared' ? 'was created' : how === 'removed' ? 'was removed' : 'changed'} ` +
    `during the run; run again`
  )
}

/** A write refused because its target is no longer what was planned (`code` ECHANGED). */
export class DriftError extends Error {
  readonly code = 'ECHANGED'
  constructor(readonly how: Exclude<Drift, undefined>) {
    super(driftMessage(how))
  }
}
