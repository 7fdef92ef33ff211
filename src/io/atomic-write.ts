import type { FileHandle } from 'node:fs/promises'
// node:fs's promises (fsp) are reached when first used: a run that writes nothing never loads them.
import {
  promises as fsp,
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsync,
  lstatSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { DriftError, drift, type Drift, type Expected } from './fingerprint.js'
import { describeFsError, errnoCode } from './io-diagnostic.js'
import { tempFileCreated, tempFileGone } from './live-temp-files.js'
import { resolveWriteTarget } from './resolve-write-target.js'
import { isTempFileName, tempFileName, tempFilePid } from './temp-file-name.js'

export { isTempFileName } from './temp-file-name.js'

/** Directory fsync is best effort: some platforms and file systems refuse it. */
const DIR_SYNC_IGNORED = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EACCES', 'ENOTSUP', 'EBADF'])

/**
 * Replaces `file` with `text` (UTF-8, written as given) so that a reader, a crash or a kill
 * sees either the old or the new content, never a mix: temp file in the same directory,
 * fsync, rename over the target, fsync the directory. A symlink is followed (its target is
 * rewritten, the link stays). A read-only target (no write bit) is refused, not replaced.
 * Keeps the old file's mode (and, when allowed, owner);
 * `opts.mode` overrides it, e.g. 0o600 for a file holding a private key. A new file gets
 * 0o666 minus the umask. On failure the temp file is removed and the Error names the file.
 */
export async function writeFileAtomic(file: string, text: string, opts: { mode?: number } = {}): Promise<void> {
  const staged = await stageFileAtomic(file, text, opts)
  await staged.commit()
}

/**
 * A file written next to its target but not yet in place: `commit()` renames it over the target
 * (and fsyncs the directory), `abort()` removes it. Lets a batch write every temp file first and
 * rename only once all of them were written, so a full disk or a read-only folder met half way
 * leaves every target untouched.
 */
export interface StagedWrite {
  /** The path as given to `stageFileAtomic`. */
  readonly file: string
  /** The path `commit()` replaces: the file's absolute path, or, for a symlink, the real path of its target. */
  readonly target: string
  /** The temp file, beside `target`. */
  readonly temp: string
  /**
   * How the target differs from `expect` (given to `stageFileAtomic`) now: undefined when it is as it
   * was, or when nothing was expected. Throws when the target cannot be read.
   */
  drift(): Drift
  /**
   * Renames the temp file over the target and fsyncs the directory (skip that with `{ syncDir: false }`).
   * With `expect`, checks the target just before: one that drifted is left as it is, the temp file is
   * removed, and the Error's `cause` is a `DriftError`.
   */
  commit(opts?: { syncDir?: boolean }): Promise<void>
  /** Removes the temp file. Never throws. */
  abort(): Promise<void>
}

/**
 * Test seam for faults the test machine cannot produce on demand (a full disk where no small tmpfs can
 * be mounted, a rename failing half way through a batch): a hook that throws, e.g. an `ENOSPC` error,
 * fails that write as the file system would; one that edits a target is a user's edit made at that
 * very moment. Both are undefined outside tests (test/robust/disk-faults, test/robust/concurrent-edits).
 */
export const writeFaults: {
  /** Called once the temp file exists, before its content is written. */
  beforeWrite?: (tempPath: string, target: string) => void | Promise<void>
  /** Called before the temp file is renamed over its target (and before the target is checked against `expect`). */
  beforeRename?: (tempPath: string, target: string) => void | Promise<void>
} = {}

/**
 * The first half of `writeFileAtomic`: the temp file written and fsynced, the target untouched.
 * `expect`: what the target must still be when it is replaced (as it was read, or absent); see `commit`.
 * Every call but the fsync is synchronous: they take microseconds, while a round trip through the
 * libuv thread pool each costs more than that, and a batch of thousands of files (planned on the same
 * thread) would wait for an event-loop turn per call. The fsync, the one slow call, runs in the pool,
 * so that several files are flushed at once.
 */
export async function stageFileAtomic(
  file: string,
  text: string,
  opts: { mode?: number; expect?: Expected; gate?: CreateGate } = {},
): Promise<StagedWrite> {
  let tmp: string | undefined
  let fd: number | undefined
  let target: string
  try {
    const where = writeTarget(file)
    target = where.target
    const old = where.old
    if (old?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    if (old && !old.isFile()) throw new Error('is not a regular file')
    if (old) assertWritable(target, old)
    const mode = opts.mode ?? (old ? old.mode & 0o7777 : undefined)

    const name = join(dirname(target), tempFileName(basename(target)))
    // The umask can only remove bits, so the temp file is never more open than the final mode.
    if (opts.gate && !opts.gate.enter()) throw new StagingStopped()
    try {
      fd = openSync(name, 'wx', mode ?? 0o666)
    } finally {
      opts.gate?.leave()
    }
    tmp = name // ours from here on: removed on failure
    tempFileCreated(name)
    if (mode !== undefined) fchmodSync(fd, mode) // exact, no umask: 0o664 stays 0o664
    if (old) keepOwner(fd, old)
    const hook = writeFaults.beforeWrite?.(tmp, target)
    if (hook) await hook
    writeFileSync(fd, text, 'utf8')
    await fsyncInPool(fd)
    const closing = fd
    fd = undefined
    closeSync(closing)
  } catch (err) {
    if (fd !== undefined) quietly(() => closeSync(fd!))
    if (tmp !== undefined) removeTemp(tmp)
    if (err instanceof StagingStopped) throw err
    throw new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err })
  }
  return adoptStagedWrite(file, tmp, target, opts.expect)
}

/**
 * Lets another thread of this process create temp files only while the process may still remove them:
 * `enter()` (false: the run is being called off, create nothing) and `leave()` bracket each creation,
 * so that a signal handler that stops the gate and waits for it finds every temp file made.
 */
export interface CreateGate {
  enter(): boolean
  leave(): void
}

/** The gate was closed before the temp file was created: nothing was written (not a write error). */
export class StagingStopped extends Error {
  constructor() {
    super('staging stopped')
  }
}

/**
 * A temp file staged (written and fsynced) by `stageFileAtomic` on another thread of this process, taken
 * over by this one: `commit()` and `abort()` as if it had been staged here.
 */
export function adoptStagedWrite(file: string, temp: string, dest: string, expect: Expected | undefined): StagedWrite {
  tempFileCreated(temp)
  let done = false
  const drifted = (): Drift => (expect === undefined ? undefined : drift(dest, expect))
  return {
    file,
    target: dest,
    temp,
    drift: drifted,
    async commit({ syncDir: sync = true } = {}) {
      if (done) throw new Error(`cannot write ${file}: already committed or aborted`)
      done = true
      try {
        const hook = writeFaults.beforeRename?.(temp, dest)
        if (hook) await hook
        // The check and the rename are synchronous and back to back: the window an edit can still
        // fall into is this file's own, a few microseconds, not the batch's.
        const how = drifted()
        if (how !== undefined) throw new DriftError(how)
        renameSync(temp, dest)
        tempFileGone(temp)
      } catch (err) {
        removeTemp(temp)
        throw new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err })
      }
      if (sync) {
        try {
          await syncDir(dirname(dest))
        } catch (err) {
          throw new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err })
        }
      }
    },
    async abort() {
      if (done) return
      done = true
      removeTemp(temp)
    },
  }
}

/** This thread hands its temp file over to another (which adopts it): a signal here no longer removes it. */
export const handOverStagedWrite = (staged: StagedWrite): void => tempFileGone(staged.temp)

function removeTemp(path: string): void {
  quietly(() => unlinkSync(path))
  tempFileGone(path)
}

const fsyncInPool = (fd: number) => new Promise<void>((done, fail) => fsync(fd, (err) => (err ? fail(err) : done())))

/** Runs a clean-up call whose failure changes nothing (the file is gone already, the descriptor closed). */
function quietly(call: () => void): void {
  try {
    call()
  } catch {
    // nothing to do
  }
}

/** Fsyncs a directory so that renames in it survive a crash. Best effort where the platform refuses. */
export async function syncDirectory(dir: string): Promise<void> {
  await syncDir(dir)
}

/**
 * Removes `.*.delegate-mtls-<pid>-*.tmp` files in `dir` (not recursive) whose pid is not a
 * running process, i.e. left by a killed run. Returns how many it removed. A missing `dir`
 * counts as clean.
 */
export async function cleanStaleTempFiles(dir: string): Promise<number> {
  let names: string[]
  try {
    names = (await fsp.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 0
    throw err
  }
  let removed = 0
  for (const name of names) {
    if (!isTempFileName(name)) continue
    const pid = tempFilePid(name)
    if (pid === undefined || isRunning(pid)) continue
    try {
      await fsp.unlink(join(dir, name))
      removed++
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT') throw err // ENOENT: another run cleaned it first
    }
  }
  return removed
}

/** True unless the process certainly does not exist (ESRCH). EPERM means it exists. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return errnoCode(err) !== 'ESRCH' // an out-of-range pid (ERR_INVALID_ARG_TYPE) is kept, to be safe
  }
}

/**
 * A rename replaces a file whatever its mode, so a read-only file (no write bit: `chmod 444`, the
 * usual way to say "generated, do not edit") would be rewritten silently, and by root always. It is
 * refused instead, the same for root and everyone else; a file we may not write (another user's) too.
 */
function assertWritable(target: string, old: Stats): void {
  if ((old.mode & 0o222) === 0) {
    throw Object.assign(
      new Error(`is read-only (mode 0${(old.mode & 0o777).toString(8)}); make it writable (chmod u+w) to migrate it`),
      { code: 'EREADONLY' },
    )
  }
  if (ids().uid !== 0) accessSync(target, constants.W_OK)
}

/**
 * The real path a write to `file` replaces (`resolveWriteTarget`) and what is there now. The usual case,
 * a regular file or nothing at all, takes one lstat: the temp file and the rename go through the same
 * directory path, symlinked folders included, so only a symlink as the last component needs resolving.
 */
function writeTarget(file: string): { target: string; old: Stats | undefined } {
  const abs = resolve(file)
  let st: Stats
  try {
    st = lstatSync(abs)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { target: abs, old: undefined }
    throw err
  }
  if (!st.isSymbolicLink()) return { target: abs, old: st }
  const target = resolveWriteTarget(abs)
  return { target, old: statIfExistsSync(target) }
}

function statIfExistsSync(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined
    throw err
  }
}

/** This process's user and group: a system call each, made once rather than for every file of a batch. */
let processIds: { uid: number | undefined; gid: number | undefined } | undefined
const ids = () => (processIds ??= { uid: process.getuid?.(), gid: process.getgid?.() })

/** Best effort: only root (or the owner, for a group it belongs to) may chown. */
function keepOwner(fd: number, old: Stats): void {
  const { uid, gid } = ids()
  if (uid === old.uid && gid === old.gid) return
  quietly(() => fchownSync(fd, old.uid, old.gid))
}

async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined
  try {
    fh = await fsp.open(dir, 'r')
    await fh.sync()
  } catch (err) {
    if (!DIR_SYNC_IGNORED.has(errnoCode(err) ?? '')) throw err
  } finally {
    await fh?.close().catch(() => undefined)
  }
}
