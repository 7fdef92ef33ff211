import { closeSync, constants, fstatSync, openSync, readSync, statSync, type BigIntStats, type Stats } from 'node:fs'
import type { Diagnostic } from '../errors.js'
import { decodeInput } from './decode-input.js'
import { fingerprint, type Fingerprint } from './fingerprint.js'
import { describeFsError, ioDiagnostic } from './io-diagnostic.js'

/** Inputs larger than this are refused unless `--max-bytes` raises the limit. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024

/** Name used in diagnostics for standard input. */
export const STDIN_NAME = '<stdin>'

/** `fingerprint`: what the file was when read, when asked for (`readInput`'s `fingerprint` option). */
export type ReadResult = { text: string; fingerprint?: Fingerprint } | { error: Diagnostic }

const CHUNK = 64 * 1024
// O_NONBLOCK: if the path is swapped for a FIFO between stat() and open(), open still returns
// at once and the fstat() re-check below refuses it. No effect on regular files.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Reads one regular file (symlinks followed) as UTF-8 text, byte-exact (BOM and CRLF kept).
 * Never throws for a problem with the file; returns `{ error }` with an `IO` diagnostic instead.
 * Synchronous: every caller reads a file and then plans it on the same thread, which has nothing else
 * to do meanwhile, and on a small file the thread-pool round trips of five asynchronous calls would
 * cost more than the reading. `fingerprint`: also say what the file was (stats before the read, a hash of
 * the bytes read), so that a write can refuse to replace it if it changed meanwhile (`loadFingerprints`
 * first).
 */
export function readInput(file: string, opts: { maxBytes: number; fingerprint?: boolean }): ReadResult {
  const fail = (message: string): ReadResult => ({ error: ioDiagnostic(file, message) })
  let st: Stats
  try {
    st = statSync(file) // before open(): opening a FIFO for reading would block
  } catch (err) {
    return fail(describeFsError(err))
  }
  const refusal = refuseStats(st, opts.maxBytes)
  if (refusal) return fail(refusal)

  let fd: number | undefined
  let bytes: Buffer
  let stats: BigIntStats | undefined
  try {
    fd = openSync(file, OPEN_FLAGS)
    const now = opts.fingerprint ? (stats = fstatSync(fd, { bigint: true })) : fstatSync(fd)
    const again = refuseStats(now, opts.maxBytes)
    if (again) return fail(again)
    bytes = readAtMost(fd, opts.maxBytes + 1, Number(now.size)) // +1: notice a file that grew past the limit
  } catch (err) {
    return fail(describeFsError(err))
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        // a failed close of a file we only read changes nothing
      }
    }
  }
  if (bytes.length > opts.maxBytes) return fail(tooLarge(undefined, opts.maxBytes))
  const read = decodeInput(file, bytes)
  return stats && 'text' in read ? { text: read.text, fingerprint: fingerprint(stats, bytes) } : read
}

/**
 * Reads all of a stream (normally `process.stdin`) with the same checks as `readInput`.
 * Stops reading (and destroys the stream) as soon as it passes `maxBytes`.
 */
export async function readStdin(
  stream: NodeJS.ReadableStream,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<ReadResult> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      total += buf.length
      if (total > maxBytes) return { error: ioDiagnostic(STDIN_NAME, tooLarge(undefined, maxBytes)) }
      chunks.push(buf)
    }
  } catch (err) {
    return { error: ioDiagnostic(STDIN_NAME, describeFsError(err)) }
  }
  return decodeInput(STDIN_NAME, Buffer.concat(chunks, total))
}

/** Why these stats cannot be read as an input, or undefined if they can. */
function refuseStats(st: Stats | BigIntStats, maxBytes: number): string | undefined {
  if (st.isDirectory()) return 'is a directory'
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file'
  if (st.isSocket()) return 'is a socket, not a regular file'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file'
  if (!st.isFile()) return 'is not a regular file'
  if (st.size > maxBytes) return tooLarge(Number(st.size), maxBytes)
  return undefined
}

/** `size` undefined: we stopped reading once past the limit, so the full size is unknown. */
function tooLarge(size: number | undefined, maxBytes: number): string {
  const what = size === undefined ? 'is larger than' : `is ${size} bytes, over`
  return `${what} the limit of ${maxBytes} bytes; raise it with --max-bytes`
}

/**
 * Reads at most `limit` bytes of a file descriptor; the first read asks for `size + 1` bytes, so a file read whole ends
 * at the second.
 */
function readAtMost(fd: number, limit: number, size: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  let want = size + 1
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(want, limit - total))
    const bytesRead = readSync(fd, buf, 0, buf.length, null)
    if (bytesRead === 0) break
    chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead))
    total += bytesRead
    want = CHUNK
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
}
