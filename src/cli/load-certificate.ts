import { promises as fsp } from 'node:fs'
import { resolve } from 'node:path'
import { UsageError, formatDiagnostic, type Diagnostic } from '../errors.js'
import type { Io } from './io.js'

export interface CertificateFiles {
  cert?: string
  key?: string
  ca?: string
}

async function readPem(io: Io, file: string, what: string): Promise<Buffer> {
  try {
    return await fsp.readFile(resolve(io.cwd, file))
  } catch (e) {
    throw new UsageError(
      `cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    )
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
  const [certBytes, keyBytes, caBytes] = await Promise.all([
    readPem(io, files.cert, 'certificate'),
    readPem(io, files.key, 'key'),
    files.ca === undefined ? undefined : readPem(io, files.ca, 'CA certificate'),
  ])
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
          message: `${file} holds bytes that are not UTF-8 text outside its PEM blocks; the Secret holds the file as given, so remove that text (the PEM blocks alone are enough)`,
        })
      }
    }
  }
  const print = (d: Diagnostic) => io.stderr.write(formatDiagnostic(d) + '\n')
  check.errors.forEach(print)
  if (!quiet) check.warnings.forEach(print)
  // Notes say what the Secret gets (a key converted, text dropped): without a Secret they would only distract.
  if (!quiet && check.errors.length === 0)
    for (const n of check.notes) io.stderr.write(`${n.file}: note: ${n.message}\n`)
  return check.errors.length > 0 || check.keyPem === undefined ? false : { certPem, keyPem: check.keyPem }
}
