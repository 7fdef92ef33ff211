import { fstatSync, statSync, writeSync } from 'node:fs'

/** What the CLI writes standard output and standard error through (`Io.stdout`, `Io.stderr`). */
export interface StdWriter {
  write(s: string): boolean
  readonly isTTY: boolean
}

type Stream = NodeJS.WriteStream

/**
 * Standard output or error written with write(2) on its descriptor. Node's `process.stdout` builds a
 * stream on first use — for a pipe, a net.Socket and the stream modules behind it — which costs a
 * short run (one pre-commit check) about as much as planning half a manifest; a write(2) costs
 * nothing to set up, and has the order and completeness of Node's own synchronous writes (files,
 * terminals, and pipes on Linux): when `write` returns, the bytes are out.
 *
 * - A descriptor left non-blocking by whoever shares it (EAGAIN): what is left of the text, and every
 *   later write, goes through Node's stream, which waits for the reader; the order is kept.
 * - A reader that is gone (EPIPE: `delegate-mtls … | head`): nothing more is written, and the run goes
 *   on to its exit code, as it does when Node's stream reports EPIPE.
 * - `isTTY`: a descriptor that is not a character device (or is /dev/null) is no terminal; only for
 *   another character device is Node's stream asked, and then written through (synchronous there too).
 *
 * `stream` gives Node's stream for the descriptor (`() => process.stdout`); `write` is injectable for tests.
 */
export function stdWriter(fd: number, stream: () => Stream, write: typeof writeSync = writeSync): StdWriter {
  let fallback: Stream | undefined
  let closed = false
  let tty: boolean | undefined
  const viaStream = (): Stream => {
    if (fallback) return fallback
    fallback = stream()
    fallback.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err
    })
    return fallback
  }
  return {
    write(s: string): boolean {
      if (closed) return true
      if (fallback) return fallback.write(s)
      const bytes = Buffer.from(s, 'utf8')
      for (let at = 0; at < bytes.length;) {
        try {
          at += write(fd, bytes, at, bytes.length - at)
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code
          if (code === 'EAGAIN') return viaStream().write(bytes.subarray(at))
          if (code === 'EPIPE') {
            closed = true
            return true
          }
          throw err
        }
      }
      return true
    },
    get isTTY(): boolean {
      tty ??= maybeTerminal(fd) && viaStream().isTTY === true
      return tty
    },
  }
}

/** Whether `fd` is a character device other than /dev/null: a terminal, or something rarer. */
function maybeTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd)
    if (!st.isCharacterDevice()) return false
    const devNull = statSync('/dev/null', { throwIfNoEntry: false })
    return !(devNull && devNull.dev === st.dev && devNull.ino === st.ino && devNull.rdev === st.rdev)
  } catch {
    return false
  }
}
