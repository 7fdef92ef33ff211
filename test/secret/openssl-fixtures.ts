/**
 * Test certificates made with the `openssl` CLI at test time (nothing secret is committed).
 *
 * Dated certificates: OpenSSL 3.0 `x509 -req` has no `-not_before`/`-not_after` (those arrived in
 * 3.4) and refuses `-days` below -1, so certificates with a validity window in the past or the
 * future are issued with the `openssl ca` mini-CA (`-startdate`/`-enddate`), which every OpenSSL
 * version has. Everything else is signed with `openssl x509 -req`.
 *
 * Not a test file itself (the runner only picks up `*.test.ts`).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Pair {
  cert: string
  key: string
}

export interface Fixtures {
  dir: string
  /** CA: RSA 2048, basicConstraints CA:TRUE, keyUsage keyCertSign. */
  ca: Pair
  /** Another CA with the same subject name but its own key. */
  otherCa: Pair
  /** A "CA" certificate with basicConstraints CA:FALSE (and no keyUsage, so OpenSSL still lets it sign). */
  notCa: Pair
  /** Intermediate CA signed by `ca`. */
  intermediate: Pair
  /** Client key (RSA 2048, PKCS#8 `PRIVATE KEY`) and a valid clientAuth certificate signed by `ca`. */
  valid: Pair
  /** The client key in PKCS#1 (`RSA PRIVATE KEY`). */
  rsaTraditionalKey: string
  /** Certificates for `valid.key`: */
  expired: string
  notYetValid: string
  expiringSoon: string
  serverAuthOnly: string
  noEku: string
  signedByOtherCa: string
  signedByNotCa: string
  signedByIntermediate: string
  /** `valid.cert` with its signature corrupted (`openssl x509 -badsig`). */
  badSignature: string
  /** A key that belongs to no certificate here. */
  mismatchedKey: string
  /** `valid.key` encrypted as PKCS#8 (`ENCRYPTED PRIVATE KEY`). */
  encryptedPkcs8Key: string
  /** `valid.key` encrypted the traditional way (`Proc-Type: 4,ENCRYPTED`). */
  encryptedTraditionalKey: string
  /** EC P-256 key (SEC1 `EC PRIVATE KEY`) and its clientAuth certificate. */
  ec: Pair
  /** RSA 1024 key and its clientAuth certificate. */
  rsa1024: Pair
  /** A certificate signing request for `valid.key`. */
  csr: string
  /** `valid.cert` in DER, read as a string. */
  derCert: string
  /** Every private key file generated, for the no-leak assertions. */
  allKeys: string[]
  /** Validity windows chosen, for assertions. */
  dates: { expiredEnd: Date; notYetValidStart: Date }
  cleanup(): void
}

const DAY = 24 * 60 * 60 * 1000

/** `YYMMDDHHMMSSZ` (UTCTime), the form `openssl ca -startdate/-enddate` takes. */
function utcTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return (
    p(d.getUTCFullYear() % 100) +
    p(d.getUTCMonth() + 1) +
    p(d.getUTCDate()) +
    p(d.getUTCHours()) +
    p(d.getUTCMinutes()) +
    p(d.getUTCSeconds()) +
    'Z'
  )
}

export function makeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), 'delegate-mtls-secret-'))
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true })
  try {
    return build(dir, cleanup)
  } catch (e) {
    cleanup()
    throw e
  }
}

function build(dir: string, cleanup: () => void): Fixtures {
  const f = (name: string) => join(dir, name)
  const ossl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  const read = (name: string) => readFileSync(f(name), 'utf8')

  const cnf = f('openssl.cnf')
  mkdirSync(f('ca-db'))
  writeFileSync(f('ca-db/index.txt'), '')
  writeFileSync(f('ca-db/serial'), '1000\n')
  writeFileSync(
    cnf,
    [
      '[ req ]',
      'distinguished_name = dn',
      'prompt = no',
      '[ dn ]',
      'CN = unused',
      '[ v3_ca ]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid:always',
      '[ v3_not_ca ]',
      'basicConstraints = CA:FALSE',
      'subjectKeyIdentifier = hash',
      '[ client ]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = clientAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[ server ]',
      'basicConstraints = CA:FALSE',
      'extendedKeyUsage = serverAuth',
      '[ no_eku ]',
      'basicConstraints = CA:FALSE',
      '[ ca ]',
      'default_ca = test_ca',
      '[ test_ca ]',
      `dir = ${f('ca-db')}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = policy_any',
      'unique_subject = no',
      'copy_extensions = none',
      '[ policy_any ]',
      'commonName = supplied',
      '',
    ].join('\n'),
  )

  const rsaKey = (name: string, bits = 2048) =>
    ossl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', f(name))
  const ecKey = (name: string) =>
    ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(name))
  const selfSigned = (key: string, cert: string, cn: string, ext: string) =>
    ossl(
      'req',
      '-config',
      cnf,
      '-new',
      '-x509',
      '-key',
      f(key),
      '-out',
      f(cert),
      '-subj',
      `/CN=${cn}`,
      '-days',
      '365',
      '-extensions',
      ext,
      '-sha256',
    )
  const csr = (key: string, out: string, cn: string) =>
    ossl('req', '-config', cnf, '-new', '-key', f(key), '-out', f(out), '-subj', `/CN=${cn}`)
  const sign = (csrName: string, ca: string, out: string, ext: string, days = 365, extra: string[] = []) =>
    ossl(
      'x509',
      '-req',
      '-in',
      f(csrName),
      '-CA',
      f(`${ca}.crt`),
      '-CAkey',
      f(`${ca}.key`),
      '-set_serial',
      String(Math.floor(Math.random() * 1e9)),
      '-days',
      String(days),
      '-sha256',
      '-extfile',
      cnf,
      '-extensions',
      ext,
      '-out',
      f(out),
      ...extra,
    )
  const caSign = (csrName: string, out: string, start: Date, end: Date) =>
    ossl(
      'ca',
      '-batch',
      '-config',
      cnf,
      '-cert',
      f('ca.crt'),
      '-keyfile',
      f('ca.key'),
      '-in',
      f(csrName),
      '-out',
      f(out),
      '-notext',
      '-md',
      'sha256',
      '-startdate',
      utcTime(start),
      '-enddate',
      utcTime(end),
      '-extensions',
      'client',
    )

  // CAs.
  rsaKey('ca.key')
  selfSigned('ca.key', 'ca.crt', 'Test CA', 'v3_ca')
  ecKey('other-ca.key')
  selfSigned('other-ca.key', 'other-ca.crt', 'Test CA', 'v3_ca')
  ecKey('not-ca.key')
  selfSigned('not-ca.key', 'not-ca.crt', 'Not A CA', 'v3_not_ca')
  ecKey('intermediate.key')
  csr('intermediate.key', 'intermediate.csr', 'Test Intermediate')
  sign('intermediate.csr', 'ca', 'intermediate.crt', 'v3_ca')

  // The client key and its certificates.
  rsaKey('client.key')
  csr('client.key', 'client.csr', 'delegate client')
  sign('client.csr', 'ca', 'valid.crt', 'client')
  sign('client.csr', 'ca', 'expiring.crt', 'client', 10)
  sign('client.csr', 'ca', 'server-auth.crt', 'server')
  sign('client.csr', 'ca', 'no-eku.crt', 'no_eku')
  sign('client.csr', 'other-ca', 'other-ca-signed.crt', 'client')
  sign('client.csr', 'not-ca', 'not-ca-signed.crt', 'client')
  sign('client.csr', 'intermediate', 'intermediate-signed.crt', 'client')
  sign('client.csr', 'ca', 'bad-signature.crt', 'client', 365, ['-badsig'])
  const now = Date.now()
  const expiredEnd = new Date(Math.floor((now - 30 * DAY) / 1000) * 1000)
  const notYetValidStart = new Date(Math.floor((now + 10 * DAY) / 1000) * 1000)
  caSign('client.csr', 'expired.crt', new Date(now - 60 * DAY), expiredEnd)
  caSign('client.csr', 'not-yet-valid.crt', notYetValidStart, new Date(now + 100 * DAY))
  ossl('x509', '-in', f('valid.crt'), '-outform', 'DER', '-out', f('valid.der'))

  ossl('rsa', '-in', f('client.key'), '-traditional', '-out', f('client-pkcs1.key'))
  ossl('pkey', '-in', f('client.key'), '-aes256', '-passout', 'pass:secret', '-out', f('encrypted-pkcs8.key'))
  ossl(
    'rsa',
    '-in',
    f('client.key'),
    '-traditional',
    '-aes256',
    '-passout',
    'pass:secret',
    '-out',
    f('encrypted-traditional.key'),
  )
  rsaKey('mismatched.key')

  // EC client (SEC1 "EC PRIVATE KEY" form) and a 1024-bit RSA client. OpenSSL 3.0 generates
  // 1024-bit RSA keys without complaint (the security level only applies to TLS), and our CA
  // signs with its own 2048-bit key.
  ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', f('ec.key'))
  csr('ec.key', 'ec.csr', 'ec client')
  sign('ec.csr', 'ca', 'ec.crt', 'client')
  rsaKey('rsa1024.key', 1024)
  csr('rsa1024.key', 'rsa1024.csr', 'small client')
  sign('rsa1024.csr', 'ca', 'rsa1024.crt', 'client')

  const fx: Fixtures = {
    dir,
    ca: { cert: read('ca.crt'), key: read('ca.key') },
    otherCa: { cert: read('other-ca.crt'), key: read('other-ca.key') },
    notCa: { cert: read('not-ca.crt'), key: read('not-ca.key') },
    intermediate: { cert: read('intermediate.crt'), key: read('intermediate.key') },
    valid: { cert: read('valid.crt'), key: read('client.key') },
    rsaTraditionalKey: read('client-pkcs1.key'),
    expired: read('expired.crt'),
    notYetValid: read('not-yet-valid.crt'),
    expiringSoon: read('expiring.crt'),
    serverAuthOnly: read('server-auth.crt'),
    noEku: read('no-eku.crt'),
    signedByOtherCa: read('other-ca-signed.crt'),
    signedByNotCa: read('not-ca-signed.crt'),
    signedByIntermediate: read('intermediate-signed.crt'),
    badSignature: read('bad-signature.crt'),
    mismatchedKey: read('mismatched.key'),
    encryptedPkcs8Key: read('encrypted-pkcs8.key'),
    encryptedTraditionalKey: read('encrypted-traditional.key'),
    ec: { cert: read('ec.crt'), key: read('ec.key') },
    rsa1024: { cert: read('rsa1024.crt'), key: read('rsa1024.key') },
    csr: read('client.csr'),
    derCert: readFileSync(f('valid.der')).toString('utf8'),
    allKeys: [],
    dates: { expiredEnd, notYetValidStart },
    cleanup,
  }
  fx.allKeys = [
    fx.ca.key,
    fx.otherCa.key,
    fx.notCa.key,
    fx.intermediate.key,
    fx.valid.key,
    fx.rsaTraditionalKey,
    fx.mismatchedKey,
    fx.encryptedPkcs8Key,
    fx.encryptedTraditionalKey,
    fx.ec.key,
    fx.rsa1024.key,
  ]
  return fx
}

/** Substrings of a key file that must never appear in output: each body line and the file's base64. */
export function keyMaterialNeedles(keyFile: string): string[] {
  const needles: string[] = []
  for (const raw of keyFile.split(/\r?\n/)) {
    const line = raw.trim()
    // Body lines (and the DEK-Info IV). Lines under 8 characters (the tail of the last line)
    // are too short to mean anything on their own and could match ordinary words by chance.
    if (line === '' || line.startsWith('-----') || line.startsWith('Proc-Type:')) continue
    if (line.length >= 8) needles.push(line.startsWith('DEK-Info:') ? line.slice(line.indexOf(',') + 1) : line)
  }
  const b64 = Buffer.from(keyFile, 'utf8').toString('base64')
  needles.push(b64)
  for (let i = 0; i + 32 <= b64.length; i += 32) needles.push(b64.slice(i, i + 32))
  return needles
}
