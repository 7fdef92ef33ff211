import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, formatDiagnostic, type Diagnostic } from '../errors.js'
import type { Io } from './io.js'

export interface CertificateFiles {
  cert?: string
  key?: string
  ca?: string
}

async function readPem(io: Io, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`)
  }
}

/**
 * Reads `--cert`/`--key` (and `--ca`), checks them (src/secret), prints warnings and errors to
 * stderr. Returns the PEMs, or the diagnostics' verdict: undefined when no certificate was given,
 * `false` when a check failed (exit 2). Messages name files, never their content.
 */
export async function loadCertificate(files: CertificateFiles, io: Io, quiet = false): Promise<{ certPem: string; keyPem: string } | undefined | false> {
  if (files.cert === undefined && files.key === undefined) {
    if (files.ca !== undefined) throw new UsageError('--ca checks the client certificate: give --cert and --key too')
    return undefined
  }
  if (files.cert === undefined || files.key === undefined) throw new UsageError('--cert and --key go together: the Secret needs both the certificate and its key')
  const [certPem, keyPem, caPem] = await Promise.all([
    readPem(io, files.cert, 'certificate'),
    readPem(io, files.key, 'key'),
    files.ca === undefined ? undefined : readPem(io, files.ca, 'CA certificate'),
  ])
  const { checkClientCertificate } = await import('../secret/check-certificate.js')
  const check = checkClientCertificate({ certPem, keyPem, certFile: files.cert, keyFile: files.key, ...(caPem === undefined ? {} : { caPem, caFile: files.ca! }) })
  const print = (d: Diagnostic) => io.stderr.write(formatDiagnostic(d) + '\n')
  check.errors.forEach(print)
  if (!quiet) check.warnings.forEach(print)
  return check.errors.length > 0 ? false : { certPem, keyPem }
}
