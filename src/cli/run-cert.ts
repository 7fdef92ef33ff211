import { readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { formatDiagnostic, UsageError } from '../errors.js'
import { CA_COMMON_NAME, makeCaAndClient, makeClient, readSigningCa } from '../cert/make.js'
import { CertError } from '../cert/types.js'
import { existingFiles, existsError, writeNewFiles, type NewFile } from '../cert/write-new.js'
import type { CertArgs } from './args.js'
import type { Io } from './io.js'

/**
 * `delegate-mtls cert init|issue`. Which files would be overwritten is checked before the keys are made
 * (a 4096-bit key takes seconds), and again, atomically, when each file is created.
 */
export async function runCert(args: CertArgs, io: Io): Promise<0 | 2> {
  const dir = resolve(io.cwd, args.dir)
  const shown = (name: string) => shellWord(args.dir === '.' ? name : join(args.dir, name))
  try {
    if (args.action === 'init') {
      const names = ['ca.key', 'ca.crt', 'client.key', 'client.crt']
      refuseExisting(dir, args.dir, names)
      const { ca, client } = makeCaAndClient({
        cn: args.cn,
        ...(args.org === undefined ? {} : { org: args.org }),
        days: args.days,
        caDays: args.caDays!,
      })
      writeNewFiles(dir, args.dir, [...files('ca', ca), ...files('client', client)])
      io.stderr.write(
        `delegate-mtls: made ${shown('ca.key')} and ${shown('ca.crt')} (CN=${CA_COMMON_NAME}, ${args.caDays} days), ` +
          `and ${shown('client.key')} and ${shown('client.crt')} signed by it (CN=${args.cn}, ${args.days} days)\n` +
          'Next steps:\n' +
          `  1. Send ${shown('ca.crt')} to Harness Support, to be trusted for your account's mTLS. ` +
          `Never send ca.key.\n` +
          `  2. Keep ${shown('ca.key')} offline: whoever holds it can make client certificates your ` +
          `account accepts.\n` +
          `     You need it again only for delegate-mtls cert issue (a new client certificate from this CA).\n` +
          rollOut(3, shown) +
          gitWarning(dir, ['ca.key', 'client.key'].map(shown)),
      )
      return 0
    }
    const names = ['client.key', 'client.crt']
    refuseExisting(dir, args.dir, names)
    const certPem = readText(io, args.caCert!, 'CA certificate')
    const keyPem = readText(io, args.caKey!, 'CA key')
    const ca = readSigningCa(certPem, keyPem, args.caCert!, args.caKey!)
    const client = makeClient(ca, { cn: args.cn, days: args.days }, new Date(), args.caCert)
    writeNewFiles(dir, args.dir, files('client', client))
    io.stderr.write(
      `delegate-mtls: made ${shown('client.key')} and ${shown('client.crt')} (CN=${args.cn}, ${args.days} days), ` +
        `signed by the CA of ${shellWord(args.caCert!)}\n` +
        'Next steps:\n' +
        `  1. Harness Support needs nothing new if your account already trusts this CA (${shellWord(args.caCert!)}). ` +
        'Keep its key offline.\n' +
        rollOut(2, shown) +
        gitWarning(dir, [shown('client.key')]),
    )
    return 0
  } catch (e) {
    if (!(e instanceof CertError)) throw e
    io.stderr.write(formatDiagnostic({ code: 'CERT', severity: 'error', file: e.file, message: e.message }) + '\n')
    return 2
  }
}

function files(prefix: 'ca' | 'client', pair: { certPem: string; keyPem: string }): NewFile[] {
  return [
    { name: `${prefix}.key`, text: pair.keyPem, mode: 0o600 },
    { name: `${prefix}.crt`, text: pair.certPem, mode: 0o644 },
  ]
}

function refuseExisting(dir: string, shownDir: string, names: string[]): void {
  const st = statSync(dir, { throwIfNoEntry: false })
  if (st && !st.isDirectory()) throw new CertError(shownDir, 'is not a directory: --dir names where the files go')
  const present = st ? existingFiles(dir, names) : []
  if (present.length > 0) throw existsError(present.map((n) => (shownDir === '.' ? n : join(shownDir, n))))
}

function readText(io: Io, file: string, what: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read the ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code}`)
  }
}

function rollOut(step: number, shown: (name: string) => string): string {
  const cert = `--cert ${shown('client.crt')} --key ${shown('client.key')}`
  return (
    `  ${step}. Give the delegate the client certificate (the Secret, and the mTLS endpoint in its manifest):\n` +
    `     delegate-mtls --endpoint https://<account>.harness.io:8443 ${cert} --write harness-delegate.yaml\n` +
    '     or create the Secret on its own:\n' +
    `     delegate-mtls secret ${cert} -n harness-delegate-ng | kubectl apply -f -\n`
  )
}

/** Private keys inside a git work tree are one `git add .` away from a leak. */
function gitWarning(dir: string, keys: string[]): string {
  for (let d = dir; ; d = dirname(d)) {
    if (statSync(join(d, '.git'), { throwIfNoEntry: false }))
      return (
        `warning: ${keys.join(' and ')} ${keys.length === 1 ? 'is' : 'are'} inside a git work ` +
        `tree (${d}): never commit ${keys.length === 1 ? 'it' : 'them'}\n`
      )
    if (dirname(d) === d) return ''
  }
}

/** A path as the user can paste it into a shell. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}
