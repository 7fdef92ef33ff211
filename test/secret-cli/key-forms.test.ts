/**
 * The key forms users really have, through `secret` and `migrate --cert/--key`, in-process and through the real bin:
 * a PKCS#1 key converted to PKCS#8 and a pkcs12 dump's Bag Attributes dropped (each with one note, the Secret's
 * client.key decoded and checked), EC, Ed25519, two keys, a CA certificate and a serverAuth-only certificate refused
 * (exit 2, the exact message, nothing on stdout, no file changed) — and no key material in any stream.
 */
import { createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { assertDelegateLoads, makeKeyFixtures } from '../secret/key-fixtures.js'
import { assertNoKey, b64, bin, cli, E, F, read, SAMPLE, workspace, type Run } from './harness.js'

const ws = workspace()
const kf = makeKeyFixtures(ws.fx)
const KEYS = [...ws.keys, ...kf.allKeys]

const K = {
  pkcs1Key: 'keys/pkcs1.key',
  pkcs1Cert: 'keys/pkcs1.crt',
  bagKey: 'keys/bag.key',
  ecKey: 'keys/ec.key',
  ecCert: 'keys/ec.crt',
  edKey: 'keys/ed25519.key',
  edCert: 'keys/ed25519.crt',
  twoKeys: 'keys/two.key',
  noEku: 'keys/no-eku.crt',
  caKey: 'keys/ca.key',
} as const
ws.write(K.pkcs1Key, kf.pkcs1.key)
ws.write(K.pkcs1Cert, kf.pkcs1.cert)
ws.write(K.bagKey, kf.bagKey)
ws.write(K.ecKey, kf.ec.key)
ws.write(K.ecCert, kf.ec.cert)
ws.write(K.edKey, kf.ed25519.key)
ws.write(K.edCert, kf.ed25519.cert)
ws.write(K.twoKeys, ws.fx.valid.key + ws.fx.mismatchedKey)
ws.write(K.noEku, ws.fx.noEku)
ws.write(K.caKey, ws.fx.ca.key)

const secretText = (certPem: string, keyPem: string) =>
  'apiVersion: v1\n' +
  'data:\n' +
  `  client.crt: ${b64(certPem)}\n` +
  `  client.key: ${b64(keyPem)}\n` +
  'kind: Secret\n' +
  'metadata:\n' +
  '  name: client-certificate\n' +
  'type: Opaque\n'

/** The client.key of the (first) Secret in a YAML stream, decoded. */
function secretKey(yaml: string): string {
  const m = /^ {2}client\.key: (\S+)$/m.exec(yaml)
  assert.ok(m, 'a Secret with client.key')
  return Buffer.from(m[1]!, 'base64').toString('utf8')
}

function noKey(r: Run, what: string, stdoutToo: boolean): void {
  assertNoKey(r.stderr, KEYS, `stderr of ${what}`)
  if (stdoutToo) assertNoKey(r.stdout, KEYS, `stdout of ${what}`)
}

const CONVERTED = `${K.pkcs1Key}: note: converted the PKCS#1 RSA key to PKCS#8, the only form the delegate loads\n`
const DROPPED =
  `${K.bagKey}: note: dropped the text around the private key (such as Bag Attributes lines): the delegate loads ` +
  'a key file that holds the PRIVATE KEY block alone\n'
const NO_EKU =
  `${K.noEku}: note: the certificate in ${K.noEku} (subject "CN=delegate client") has no extended key usage, ` +
  'which allows any use, TLS client authentication included\n'

interface Accepted {
  title: string
  args: string[]
  stderr: string
  cert: string
  key: string
}

const ACCEPTED: Accepted[] = [
  {
    title: 'a PKCS#1 key (openssl genrsa -traditional): converted to PKCS#8',
    args: ['--cert', K.pkcs1Cert, '--key', K.pkcs1Key, '--ca', F.ca],
    stderr: CONVERTED,
    cert: kf.pkcs1.cert,
    key: kf.pkcs1AsPkcs8,
  },
  {
    title: 'a pkcs12 dump with Bag Attributes: the key block alone',
    args: ['--cert', F.cert, '--key', K.bagKey, '--ca', F.ca],
    stderr: DROPPED,
    cert: ws.fx.valid.cert,
    key: ws.fx.valid.key,
  },
  {
    title: 'a certificate without extended key usage: accepted with a note',
    args: ['--cert', K.noEku, '--key', F.key],
    stderr: NO_EKU,
    cert: ws.fx.noEku,
    key: ws.fx.valid.key,
  },
]

const refusal = (keyFile: string, what: string) =>
  `${keyFile}: error: ${keyFile} holds ${what}; the delegate loads only RSA keys and fails at start-up with any ` +
  'other. Make an RSA key and have your CA issue a certificate for it: openssl genpkey -algorithm RSA -pkeyopt ' +
  'rsa_keygen_bits:2048 -out client.key\n'

const REFUSED: { title: string; args: string[]; stderr: string }[] = [
  {
    title: 'an EC key (openssl genpkey -algorithm EC) with its certificate',
    args: ['--cert', K.ecCert, '--key', K.ecKey, '--ca', F.ca],
    stderr: refusal(K.ecKey, 'an EC key (P-256)'),
  },
  {
    title: 'an Ed25519 key with its certificate',
    args: ['--cert', K.edCert, '--key', K.edKey],
    stderr: refusal(K.edKey, 'an Ed25519 key'),
  },
  {
    title: 'two keys in one file',
    args: ['--cert', F.cert, '--key', K.twoKeys],
    stderr:
      `${K.twoKeys}: error: ${K.twoKeys} holds 2 private keys; it must hold exactly one (the delegate fails at ` +
      `start-up on a key file with more). Keep the first, the key of the certificate in ${F.cert}: openssl pkey ` +
      `-in ${K.twoKeys} -out client.key\n`,
  },
  {
    title: 'the CA certificate given as the client certificate',
    args: ['--cert', F.ca, '--key', K.caKey],
    stderr:
      `${F.ca}: error: the certificate in ${F.ca} (subject "CN=Test CA") is a CA certificate (basicConstraints ` +
      "CA:TRUE), not a client certificate: give the certificate the CA issued for the delegate's key (the CA " +
      'certificate goes in --ca)\n',
  },
  {
    title: 'a serverAuth-only certificate',
    args: ['--cert', F.serverAuth, '--key', F.key],
    stderr:
      `${F.serverAuth}: error: the certificate in ${F.serverAuth} (subject "CN=delegate client") is not allowed for ` +
      'TLS client authentication: its extended key usage lists serverAuth but not clientAuth (1.3.6.1.5.5.7.3.2)\n',
  },
]

// ---- secret ------------------------------------------------------------------------------------------------
const secret = suite('secret: the key the delegate loads')

for (const c of ACCEPTED) {
  secret(`${c.title}: exit 0, one note, the Secret holds a PKCS#8 RSA key`, async () => {
    const r = await cli(['secret', ...c.args], { cwd: ws.dir })
    assert.is(r.stderr, c.stderr)
    assert.is(r.code, 0)
    assert.is(r.stdout, secretText(c.cert, c.key))
    const key = secretKey(r.stdout)
    assert.match(key, /^-----BEGIN PRIVATE KEY-----\n/)
    assertDelegateLoads(key)
    noKey(r, `secret ${c.args.join(' ')}`, false)
  })
}

secret('the converted key is the same key: every RSA component equal', async () => {
  const r = await cli(['secret', '--cert', K.pkcs1Cert, '--key', K.pkcs1Key], { cwd: ws.dir })
  const data = (parse(r.stdout) as { data: Record<string, string> }).data
  const key = Buffer.from(data['client.key']!, 'base64').toString('utf8')
  assert.match(key, /^-----BEGIN PRIVATE KEY-----\n/)
  assert.equal(
    createPrivateKey(key).export({ format: 'jwk' }),
    createPrivateKey(kf.pkcs1.key).export({ format: 'jwk' }),
  )
})

for (const c of REFUSED) {
  secret(`${c.title}: exit 2, the reason, nothing on stdout, no key anywhere`, async () => {
    const r = await cli(['secret', ...c.args], { cwd: ws.dir })
    assert.is(r.stderr, c.stderr)
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    noKey(r, `secret ${c.args.join(' ')}`, true)
  })
}

secret.run()

// ---- migrate --cert/--key ----------------------------------------------------------------------------------
const migrate = suite('migrate --cert/--key: the key the delegate loads')

for (const c of ACCEPTED) {
  migrate(`${c.title}: stdout and --write hold the PKCS#8 key; -q hides the note`, async () => {
    const out = await cli([...E, ...c.args], { cwd: ws.dir, stdin: read(SAMPLE) })
    assert.is(out.stderr, c.stderr)
    assert.is(out.code, 0)
    assert.is(secretKey(out.stdout), c.key)
    assert.ok(out.stdout.includes(`  client.crt: ${b64(c.cert)}\n`))
    noKey(out, 'migrate', false)

    const file = ws.sample(`migrate-${ACCEPTED.indexOf(c)}/d.yaml`)
    const rel = file.slice(ws.dir.length + 1)
    const w = await cli([...E, ...c.args, '--write', rel], { cwd: ws.dir })
    assert.is(w.code, 0)
    assert.is(w.stdout, '')
    assert.ok(w.stderr.startsWith(c.stderr), w.stderr)
    assert.match(
      w.stderr.slice(c.stderr.length),
      /^migrate-\d\/d\.yaml: migrated \(\d+ changes\)\n1 file: 1 migrated\n$/,
    )
    const written = secretKey(read(file))
    assert.is(written, c.key)
    assertDelegateLoads(written)
    noKey(w, 'migrate --write', true)

    const quiet = await cli([...E, '-q', ...c.args], { cwd: ws.dir, stdin: read(SAMPLE) })
    assert.is(quiet.code, 0)
    assert.is(quiet.stderr, '')
    assert.is(secretKey(quiet.stdout), c.key)
  })
}

for (const c of REFUSED) {
  migrate(`${c.title}: exit 2, nothing on stdout, the file unchanged, no key anywhere`, async () => {
    const out = await cli([...E, ...c.args], { cwd: ws.dir, stdin: read(SAMPLE) })
    assert.is(out.stderr, c.stderr)
    assert.is(out.code, 2)
    assert.is(out.stdout, '')
    noKey(out, 'migrate', true)

    const file = ws.sample(`refused-${REFUSED.indexOf(c)}/d.yaml`)
    const w = await cli([...E, ...c.args, '--write', file.slice(ws.dir.length + 1)], { cwd: ws.dir })
    assert.is(w.stderr, c.stderr)
    assert.is(w.code, 2)
    assert.is(w.stdout, '')
    assert.ok(readFileSync(file).equals(readFileSync(SAMPLE)), 'the file is byte-identical')
    noKey(w, 'migrate --write', true)
  })
}

migrate.run()

// ---- The real bin ------------------------------------------------------------------------------------------
const real = suite('the real bin (dist/ bundle): a PKCS#1 key converted, an EC key refused')

real('secret with a PKCS#1 key, migrate with an EC key', () => {
  const ok = bin(['secret', '--cert', K.pkcs1Cert, '--key', K.pkcs1Key], { cwd: ws.dir })
  assert.is(ok.stderr, CONVERTED)
  assert.is(ok.code, 0)
  assert.is(ok.stdout, secretText(kf.pkcs1.cert, kf.pkcs1AsPkcs8))
  const ec = REFUSED[0]!
  const bad = bin([...E, ...ec.args, '-'], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(bad.stderr, ec.stderr)
  assert.is(bad.code, 2)
  assert.is(bad.stdout, '')
  noKey(bad, 'the bin', true)
  const migrated = bin([...E, '--cert', F.cert, '--key', K.bagKey, '-'], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(migrated.stderr, DROPPED)
  assert.is(migrated.code, 0)
  assert.is(secretKey(migrated.stdout), ws.fx.valid.key)
})

real.after(() => ws.remove())
real.run()
