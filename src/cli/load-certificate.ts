import { constants, promises as fsp, type Stats } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError, formatDiagnostic, type Diagnostic } from '../errors.js'
import type { Io } from './io.js'

export interface CertificateFiles {
  cert?: string
  key?: string
  ca?: string
}

/** The most a certificate, key or CA file may hold: a PEM key is a few kilobytes, a large CA bundle a few hundred. */
export const MAX_PEM_BYTES = 1024 * 1024

/** How long a pipe's writer may take to start writing (`<(vault read …)` logs in first). */
const PIPE_WAIT_MS = 30_000

function kindOf(st: Stats): string | undefined {
  // A pipe is read (`--key <(vault read …)` keeps the key off the disk); see readPipe.
  if (st.isFile() || st.isFIFO()) return undefined
  if (st.isDirectory()) return 'a directory'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  return 'not a regular file'
}

const refused = (file: string, message: string): Diagnostic => ({ code: 'CERT', severity: 'error', file, message })

/** Why a file is not read at all, from its metadata, or undefined when it may be. */
function refusal(file: string, what: string, st: Stats): Diagnostic | undefined {
  const kind = kindOf(st)
  if (kind !== undefined)
    return refused(file, `${file} is ${kind}, not a regular file; the ${what} must be a PEM file (it was not read)`)
  if (st.size > MAX_PEM_BYTES) return tooBig(file, what, ` (${st.size} bytes)`)
  return undefined
}

function tooBig(file: string, what: string, size: string): Diagnostic {
  return refused(file, `${file} is larger than the 1 MiB a ${what} file may hold${size}; it was not read`)
}

/**
 * The file's bytes, or why it is refused. A device or a huge file is refused from its metadata before it is opened;
 * the open is non-blocking (opening a FIFO without a writer would block), and its fstat and a read capped at the
 * limit guard against the file being replaced or growing meanwhile. A pipe (a FIFO, or `<(…)` in a shell) is read
 * as it comes, up to the same limit.
 */
async function readPem(io: Io, file: string, what: string): Promise<Buffer | Diagnostic> {
  const path = resolve(io.cwd, file)
  const cannot = (e: unknown) =>
    new UsageError(
      `cannot read the ${what} ${file}: ` +
        `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    )
  let st: Stats
  try {
    st = await fsp.stat(path)
  } catch (e) {
    throw cannot(e)
  }
  const before = refusal(file, what, st)
  if (before) return before
  let handle: fsp.FileHandle | undefined
  try {
    handle = await fsp.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    const now = refusal(file, what, await handle.stat())
    if (now) return now
    const buf = Buffer.alloc(MAX_PEM_BYTES + 1)
    let n = 0
    const waitUntil = Date.now() + PIPE_WAIT_MS
    for (;;) {
      let bytesRead: number
      try {
        ;({ bytesRead } = await handle.read(buf, n, buf.length - n, null))
      } catch (e) {
        // A pipe whose writer has not written yet (non-blocking read): wait for it, for a while.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > waitUntil) throw e
        await new Promise((wake) => setTimeout(wake, 5))
        continue
      }
      if (bytesRead === 0) break
      n += bytesRead
      if (n === buf.length) return tooBig(file, what, '')
    }
    // A FIFO nobody has opened for writing reads as empty at once: say so rather than "not a PEM file".
    if (n === 0 && st.isFIFO())
      return refused(file, `${file} is a pipe and nothing was written to it; the ${what} must be a PEM file`)
    return buf.subarray(0, n)
  } catch (e) {
    throw cannot(e)
  } finally {
    await handle?.close()
  }
}

/**
 * Reads `--cert`/`--key` (and `--ca`), checks them (src/secret), prints errors, warnings and notes to
 * stderr. Returns the PEMs for the Secret (the key as the delegate loads it), or the diagnostics' verdict:
 * undefined when no certificate was given, `false` when a check failed (exit 2). Messages name files, never
 * their content.
 */
export async function loadCertificate(
  files: CertificateFiles,
  io: Io,
  quiet = false,
): Promise<{ certPem: string; keyPem: string } | undefined | false> {
  if (files.cert === undefined && files.key === undefined) {
    if (files.ca !== undefined) throw new UsageError('--ca checks the client certificate: give --cert and --key too')
    return undefined
  }
  if (files.cert === undefined || files.key === undefined)
    throw new UsageError('--cert and --key go together: the Secret needs both the certificate and its key')
  const print = (d: Diagnostic) => io.stderr.write(formatDiagnostic(d) + '\n')
  const read = await Promise.all([
    readPem(io, files.cert, 'certificate'),
    readPem(io, files.key, 'key'),
    files.ca === undefined ? undefined : readPem(io, files.ca, 'CA certificate'),
  ])
  const unread = read.filter((r): r is Diagnostic => r !== undefined && !Buffer.isBuffer(r))
  if (unread.length > 0) {
    unread.forEach(print)
    return false
  }
  const [certBytes, keyBytes, caBytes] = read as [Buffer, Buffer, Buffer | undefined]
  const certPem = certBytes.toString('utf8')
  const keyPem = keyBytes.toString('utf8')
  const caPem = caBytes?.toString('utf8')
  const { checkClientCertificate } = await import('../secret/check-certificate.js')
  const check = checkClientCertificate({
    certPem,
    keyPem,
    certFile: files.cert,
    keyFile: files.key,
    ...(caPem === undefined ? {} : { caPem, caFile: files.ca! }),
  })
  // The Secret holds the base64 of the certificate file as given (like kubectl --from-file), and of the key file
  // when it needs no change. A PEM file whose text around the blocks is not UTF-8 would not survive the round trip
  // through a string: refuse it rather than encode other bytes.
  if (check.errors.length === 0) {
    const asGiven: (readonly [string, Buffer, string])[] = [[files.cert, certBytes, certPem]]
    if (check.keyPem === keyPem) asGiven.push([files.key, keyBytes, keyPem])
    for (const [file, bytes, text] of asGiven) {
      if (!Buffer.from(text, 'utf8').equals(bytes)) {
        check.errors.push({
          code: 'CERT',
          severity: 'error',
          file,
          message:
            `${file} holds bytes that are not UTF-8 text outside its PEM blocks; the Secret ` +
            `holds the file as given, so remove that text (the PEM blocks alone are enough)`,
        })
      }
    }
  }
  check.errors.forEach(print)
  if (!quiet) check.warnings.forEach(print)
  // Notes say what the Secret gets (a key converted, text dropped): without a Secret they would only distract.
  if (!quiet && check.errors.length === 0)
    for (const n of check.notes) io.stderr.write(`${n.file}: note: ${n.message}\n`)
  return check.errors.length > 0 || check.keyPem === undefined ? false : { certPem, keyPem: check.keyPem }
}
