/**
 * Every certificate check through the command line, both ways in: the migrate command with
 * --cert/--key/--ca, and the `secret` subcommand. Exit codes and the exact messages; with an error
 * nothing is printed on stdout and no file changes (not a byte, not its mode, not its mtime).
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { b64, cli, E, F, isoDate, read, SAMPLE, workspace } from './harness.js'

const ws = workspace()
const { fx } = ws

/** The Secret `secret` prints for these files (hand-computed: kubectl's layout, plus `type: Opaque`). */
const secretText = (certFile: string, keyFile: string, name = 'client-certificate', namespace?: string) =>
  'apiVersion: v1\n' +
  'data:\n' +
  `  client.crt: ${b64(read(join(ws.dir, certFile)))}\n` +
  `  client.key: ${b64(read(join(ws.dir, keyFile)))}\n` +
  'kind: Secret\n' +
  'metadata:\n' +
  `  name: ${name}\n` +
  (namespace === undefined ? '' : `  namespace: ${namespace}\n`) +
  'type: Opaque\n'

interface Case {
  title: string
  cert: string
  key: string
  ca?: string
  code: 0 | 2
  /** The whole certificate part of stderr, byte for byte ('' when clean). */
  stderr: string
}

const expiringEnd = new Date(new X509Certificate(fx.expiringSoon).validTo)

const CASES: Case[] = [
  { title: 'a valid client certificate issued by the CA', cert: F.cert, key: F.key, ca: F.ca, code: 0, stderr: '' },
  { title: 'a valid client certificate, no CA given', cert: F.cert, key: F.key, code: 0, stderr: '' },
  {
    title: 'an expired certificate',
    cert: F.expired,
    key: F.key,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.expired}: error: the certificate in ${F.expired} (subject "CN=delegate client") ` +
      `expired on ${isoDate(fx.dates.expiredEnd)}\n`,
  },
  {
    title: 'a certificate not valid yet',
    cert: F.notYetValid,
    key: F.key,
    code: 2,
    stderr:
      `${F.notYetValid}: error: the certificate in ${F.notYetValid} (subject "CN=delegate ` +
      `client") is not valid yet: it becomes valid on ${isoDate(fx.dates.notYetValidStart)}\n`,
  },
  {
    title: 'a certificate from another CA (same name, other key)',
    cert: F.otherCaSigned,
    key: F.key,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.otherCaSigned}: error: the certificate in ${F.otherCaSigned} was not issued by the CA in ` +
      `${F.ca}: it names issuer "CN=Test CA", ` +
      `${F.ca} holds subject "CN=Test CA" (the same name, but a different CA: the authority key identifiers differ)\n`,
  },
  {
    title: 'a --ca that is not a CA (basicConstraints CA:FALSE)',
    cert: F.notCaSigned,
    key: F.key,
    ca: F.notCa,
    code: 2,
    stderr:
      `${F.notCa}: error: the certificate in ${F.notCa} (subject "CN=Not A CA") is not a CA ` +
      `certificate (basicConstraints CA:TRUE is missing)\n`,
  },
  {
    title: 'a certificate with only serverAuth',
    cert: F.serverAuth,
    key: F.key,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.serverAuth}: error: the certificate in ${F.serverAuth} (subject "CN=delegate client") is ` +
      `not allowed for TLS client ` +
      'authentication: its extended key usage lists serverAuth but not clientAuth (1.3.6.1.5.5.7.3.2)\n',
  },
  {
    title: 'a key that does not belong to the certificate',
    cert: F.cert,
    key: F.mismatchedKey,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.mismatchedKey}: error: the private key in ${F.mismatchedKey} does not belong to ` +
      `the certificate in ${F.cert} (subject "CN=delegate client"): their public keys differ\n`,
  },
  {
    title: 'an encrypted key (PKCS#8)',
    cert: F.cert,
    key: F.encryptedKey,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.encryptedKey}: error: ${F.encryptedKey} holds an encrypted private key; the delegate ` +
      `cannot read an encrypted key ` +
      `(it has no passphrase). Decrypt it first: openssl pkey -in ${F.encryptedKey} -out client.key\n`,
  },
  {
    title: 'an encrypted key (traditional, Proc-Type: 4,ENCRYPTED)',
    cert: F.cert,
    key: F.encryptedTraditionalKey,
    code: 2,
    stderr:
      `${F.encryptedTraditionalKey}: error: ${F.encryptedTraditionalKey} holds an encrypted private ` +
      `key; the delegate cannot read an encrypted key ` +
      `(it has no passphrase). Decrypt it first: openssl pkey -in ${F.encryptedTraditionalKey} -out client.key\n`,
  },
  {
    title: 'an EC key and its certificate: refused, the delegate loads only RSA keys',
    cert: F.ecCert,
    key: F.ecKey,
    ca: F.ca,
    code: 2,
    stderr:
      `${F.ecKey}: error: ${F.ecKey} holds an EC key (P-256); the delegate loads only RSA keys and fails at start-up ` +
      'with any other. Make an RSA key and have your CA issue a certificate for it: openssl genpkey -algorithm RSA ' +
      '-pkeyopt rsa_keygen_bits:2048 -out client.key\n',
  },
  {
    title: 'a 1024-bit RSA key (a warning, still exit 0)',
    cert: F.rsa1024Cert,
    key: F.rsa1024Key,
    ca: F.ca,
    code: 0,
    stderr: `${F.rsa1024Key}: warning: the RSA key in ${F.rsa1024Key} has 1024 bits; use at least 2048 bits\n`,
  },
  {
    title: 'a certificate expiring within 30 days (a warning, still exit 0)',
    cert: F.expiring,
    key: F.key,
    ca: F.ca,
    code: 0,
    stderr:
      `${F.expiring}: warning: the certificate in ${F.expiring} (subject "CN=delegate ` +
      `client") expires on ${isoDate(expiringEnd)}, in 10 days; renew it before then\n`,
  },
]

const certArgs = (c: Case) => ['--cert', c.cert, '--key', c.key, ...(c.ca ? ['--ca', c.ca] : [])]

// ---- The `secret` subcommand ------------------------------------------------------------------
const secretCmd = suite('secret subcommand: the checks')

for (const c of CASES) {
  secretCmd(`${c.title}: exit ${c.code}`, async () => {
    const r = await cli(['secret', ...certArgs(c)], { cwd: ws.dir })
    assert.is(r.stderr, c.stderr)
    assert.is(r.code, c.code)
    assert.is(r.stdout, c.code === 0 ? secretText(c.cert, c.key) : '')
  })
}

secretCmd('--name and --namespace', async () => {
  const r = await cli(
    ['secret', '--cert', F.cert, '--key', F.key, '--name', 'prod-client-certificate', '-n', 'harness-delegate-ng'],
    { cwd: ws.dir },
  )
  assert.is(r.code, 0)
  assert.is(r.stdout, secretText(F.cert, F.key, 'prod-client-certificate', 'harness-delegate-ng'))
  const long = await cli(['secret', '--cert', F.cert, '--key', F.key, '--namespace', 'ns'], { cwd: ws.dir })
  assert.is(long.stdout, secretText(F.cert, F.key, 'client-certificate', 'ns'))
})

secretCmd('usage errors: exit 2, the reason, nothing on stdout', async () => {
  const usage = (msg: string) => `delegate-mtls: ${msg}\nRun "delegate-mtls --help" for usage.\n`
  const cases: [string[], string][] = [
    [['secret', '--cert', F.cert], usage('Missing required argument: key')],
    [['secret', '--key', F.key], usage('Missing required argument: cert')],
    [
      ['secret', '--cert', F.cert, '--key', F.key, '--name', '{delegate}-cert'],
      usage('--name "{delegate}-cert" is not a valid Kubernetes Secret name'),
    ],
    [
      ['secret', '--cert', 'certs/nope.crt', '--key', F.key],
      usage('cannot read the certificate certs/nope.crt: no such file'),
    ],
    [
      ['secret', '--cert', F.cert, '--key', F.key, '--ca', 'certs/nope-ca.crt'],
      usage('cannot read the CA certificate certs/nope-ca.crt: no such file'),
    ],
  ]
  for (const [argv, stderr] of cases) {
    const r = await cli(argv, { cwd: ws.dir })
    assert.is(r.stderr, stderr, argv.join(' '))
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
  }
})

secretCmd(
  'a PEM file with non-UTF-8 text around the block: refused (the Secret must hold the file as given)',
  async () => {
    const latin1 = Buffer.concat([Buffer.from('Owner: M\xfcller\n', 'latin1'), readFileSync(join(ws.dir, F.cert))])
    writeFileSync(join(ws.dir, 'certs/latin1.crt'), latin1)
    const r = await cli(['secret', '--cert', 'certs/latin1.crt', '--key', F.key], { cwd: ws.dir })
    assert.is(
      r.stderr,
      'certs/latin1.crt: error: certs/latin1.crt holds bytes that are not UTF-8 text outside its ' +
        'PEM blocks; the Secret holds the file as given, so remove that text (the PEM blocks alone are enough)\n',
    )
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    // UTF-8 text around the block is fine, and kept byte for byte (kubectl --from-file does the same).
    ws.write('certs/utf8.crt', 'Owner: Müller\r\n' + read(join(ws.dir, F.cert)))
    const ok = await cli(['secret', '--cert', 'certs/utf8.crt', '--key', F.key], { cwd: ws.dir })
    assert.is(ok.code, 0, ok.stderr)
    assert.is(ok.stdout, secretText('certs/utf8.crt', F.key))
  },
)

secretCmd.run()

// ---- The migrate command with --cert/--key/--ca -----------------------------------------------
const migrate = suite('migrate --cert/--key/--ca: the checks')

interface FileState {
  bytes: Buffer
  mode: number
  mtimeMs: number
}
const state = (path: string): FileState => {
  const st = statSync(path)
  return { bytes: readFileSync(path), mode: st.mode, mtimeMs: st.mtimeMs }
}

for (const c of CASES) {
  migrate(`${c.title}: exit ${c.code}`, async () => {
    const file = ws.sample(`migrate/${CASES.indexOf(c)}/d.yaml`)
    const rel = file.slice(ws.dir.length + 1)
    const before = state(file)

    // Default mode: the migrated manifest on stdout, with the Secret, or nothing at all.
    const out = await cli([...E, ...certArgs(c), rel], { cwd: ws.dir })
    assert.is(out.code, c.code)
    assert.is(out.stderr, c.stderr)
    if (c.code === 0) {
      assert.ok(out.stdout.includes(`  client.key: ${b64(read(join(ws.dir, c.key)))}\n`), 'the Secret holds the key')
      assert.ok(
        out.stdout.includes(`  client.crt: ${b64(read(join(ws.dir, c.cert)))}\n`),
        'the Secret holds the certificate',
      )
    } else {
      assert.is(out.stdout, '')
    }

    // --check: the certificate verdict comes first; an error ends the run before any file is looked at.
    const check = await cli([...E, ...certArgs(c), '--check', rel], { cwd: ws.dir })
    if (c.code === 2) {
      assert.is(check.code, 2)
      assert.is(check.stderr, c.stderr)
      assert.is(check.stdout, '')
    } else {
      assert.is(check.code, 1)
      assert.ok(check.stderr.startsWith(c.stderr), check.stderr)
    }

    // --write: with an error the file is left exactly as it was.
    const w = await cli([...E, ...certArgs(c), '--write', rel], { cwd: ws.dir })
    assert.is(w.code, c.code)
    assert.is(w.stdout, '')
    if (c.code === 2) {
      assert.is(w.stderr, c.stderr)
      const after = state(file)
      assert.ok(after.bytes.equals(before.bytes), 'the file is byte-identical')
      assert.is(after.mode, before.mode)
      assert.is(after.mtimeMs, before.mtimeMs)
      assert.ok(after.bytes.equals(readFileSync(SAMPLE)))
    } else {
      // The certificate lines, then the usual per-file report; no other certificate message.
      assert.ok(w.stderr.startsWith(c.stderr), w.stderr)
      assert.match(
        w.stderr.slice(c.stderr.length),
        /^migrate\/\d+\/d\.yaml: migrated \(\d+ changes\)\n1 file: 1 migrated\n$/,
      )
      assert.ok(read(file).includes(`  client.key: ${b64(read(join(ws.dir, c.key)))}\n`))
    }

    // --out-dir: nothing is created with an error.
    const o = await cli([...E, ...certArgs(c), '--out-dir', `out-${CASES.indexOf(c)}`, rel], { cwd: ws.dir })
    assert.is(o.code, c.code)
    assert.is(existsSync(join(ws.dir, `out-${CASES.indexOf(c)}`)), c.code === 0)
  })
}

migrate('stdin → stdout with --cert/--key: an error prints nothing on stdout', async () => {
  const bad = await cli([...E, '--cert', F.expired, '--key', F.key], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(bad.code, 2)
  assert.is(bad.stdout, '')
  assert.is(bad.stderr, CASES.find((c) => c.cert === F.expired)!.stderr)
  const good = await cli([...E, '--cert', F.cert, '--key', F.key, '-'], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(good.code, 0)
  assert.is(good.stderr, '')
  assert.ok(good.stdout.includes(`  client.key: ${b64(read(join(ws.dir, F.key)))}\n`))
})

migrate('--quiet hides the certificate warnings, never the errors', async () => {
  const warn = await cli([...E, '-q', '--cert', F.rsa1024Cert, '--key', F.rsa1024Key], {
    cwd: ws.dir,
    stdin: read(SAMPLE),
  })
  assert.is(warn.code, 0)
  assert.is(warn.stderr, '')
  const err = await cli([...E, '-q', '--cert', F.serverAuth, '--key', F.key], { cwd: ws.dir, stdin: read(SAMPLE) })
  assert.is(err.code, 2)
  assert.is(err.stderr, CASES.find((c) => c.cert === F.serverAuth)!.stderr)
})

migrate('several problems at once: each one is reported', async () => {
  const r = await cli([...E, '--cert', F.serverAuth, '--key', F.mismatchedKey, '--ca', F.otherCa], {
    cwd: ws.dir,
    stdin: read(SAMPLE),
  })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  const lines = r.stderr.trimEnd().split('\n')
  assert.is(lines.length, 3, r.stderr)
  assert.match(lines[0]!, /not allowed for TLS client authentication/)
  assert.match(lines[1]!, /^certs\/mismatched\.key: error: the private key in certs\/mismatched\.key does not belong/)
  assert.match(lines[2]!, /was not issued by the CA in certs\/other-ca\.crt/)
})

migrate('usage errors: --cert without --key, --key without --cert, --ca alone, unreadable files', async () => {
  const usage = (msg: string) => `delegate-mtls: ${msg}\nRun "delegate-mtls --help" for usage.\n`
  const file = ws.sample('usage/d.yaml')
  const before = readFileSync(file)
  const cases: [string[], string][] = [
    [['--cert', F.cert], usage('--cert and --key go together: the Secret needs both the certificate and its key')],
    [['--key', F.key], usage('--cert and --key go together: the Secret needs both the certificate and its key')],
    [['--ca', F.ca], usage('--ca checks the client certificate: give --cert and --key too')],
    [['--cert', F.cert, '--key', 'certs/missing.key'], usage('cannot read the key certs/missing.key: no such file')],
  ]
  for (const [args, stderr] of cases) {
    const r = await cli([...E, ...args, '--write', 'usage/d.yaml'], { cwd: ws.dir })
    assert.is(r.stderr, stderr, args.join(' '))
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
    assert.ok(readFileSync(file).equals(before))
  }
})

migrate.after(() => ws.remove())
migrate.run()
