// `delegate-mtls cert init` and `cert issue`, run in-process through main(): the certificates are judged by
// OpenSSL (verify -purpose sslclient, the extensions of x509 -text), by the project's own certificate checks,
// and by a real TLS handshake with a local server that requires client certificates. Every OpenSSL file is
// made at test time; nothing leaves 127.0.0.1.
import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { connect, createServer, type TLSSocket } from 'node:tls'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { makeCaAndClient } from '../../src/cert/make.js'
import { CertError } from '../../src/cert/types.js'
import { writeNewFiles } from '../../src/cert/write-new.js'
import { checkClientCertificate } from '../../src/secret/check-certificate.js'
import { makeTmp, run, type Ran } from '../cli/helpers/cli.js'
import { re } from '../helpers/regex.js'

let tmp: ReturnType<typeof makeTmp>
let umask = 0
/** The directory `cert init` made its files in, and what it printed. */
let initDir = ''
let init: Ran
/** A client certificate and key signed by another CA (made by OpenSSL). */
let foreign = { cert: '', key: '' }

const openssl = (args: string[], cwd: string): string =>
  execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8')
const mode = (dir: string, name: string) => statSync(join(dir, name)).mode & 0o777
/** Every file under `dir` with its bytes, to prove that a refused run changed nothing. */
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => [f, read(dir, f)]))

/** An OpenSSL CA (req -x509, the config's v3_ca extensions plus `extra`) in `dir`/ca.crt, ca.key. */
function opensslCa(dir: string, extra: string[] = [], key = ['-newkey', 'rsa:2048'], days = '30'): void {
  mkdirSync(dir, { recursive: true })
  openssl(
    ['req', '-x509', ...key, '-nodes', '-sha256', '-days', days, '-keyout', 'ca.key', '-out', 'ca.crt']
      .concat(['-subj', '/O=Other Org/CN=OpenSSL test CA'])
      .concat(extra),
    dir,
  )
}

/**
 * One TLS connection to a server on 127.0.0.1 that requires a client certificate issued by `ca` (its own
 * server certificate is self-signed). Resolves with what the client read and the server's verdict.
 */
async function handshake(
  ca: string,
  client: { cert: string; key: string },
): Promise<{ read: string; serverSaw: 'authorized' | string }> {
  const dir = join(tmp.dir, 'server')
  if (!existsSync(join(dir, 'server.crt'))) {
    mkdirSync(dir, { recursive: true })
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        'server.key',
        '-out',
        'server.crt',
      ].concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']),
      dir,
    )
  }
  const serverCert = read(dir, 'server.crt')
  let serverSaw = 'nothing'
  const server = createServer(
    { key: read(dir, 'server.key'), cert: serverCert, ca, requestCert: true, rejectUnauthorized: true },
    (socket: TLSSocket) => {
      serverSaw = socket.authorized ? 'authorized' : `unauthorized: ${String(socket.authorizationError)}`
      socket.end('hello from the server')
    },
  )
  server.on('tlsClientError', (e: Error) => (serverSaw = `refused: ${e.message}`))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  try {
    const port = (server.address() as AddressInfo).port
    const got = await new Promise<string>((done) => {
      let text = ''
      const socket = connect({ host: '127.0.0.1', port, ca: serverCert, cert: client.cert, key: client.key })
      const timer = setTimeout(() => socket.destroy(), 5000)
      socket.setEncoding('utf8')
      socket.on('data', (s: string) => (text += s))
      socket.on('error', () => undefined)
      socket.on('close', () => {
        clearTimeout(timer)
        done(text)
      })
    })
    return { read: got, serverSaw }
  } finally {
    await new Promise((done) => server.close(done))
  }
}

const NEXT_STEPS = (d: string) =>
  `delegate-mtls: made ${d}/ca.key and ${d}/ca.crt (CN=Harness delegate mTLS CA, 3650 days), and ` +
  `${d}/client.key and ${d}/client.crt signed by it (CN=harness-delegate, 365 days)
Next ` +
  `steps:
  1. Send ${d}/ca.crt to Harness Support, to be trusted for your account's mTLS. ` +
  `Never send ca.key.
  2. Keep ${d}/ca.key offline: whoever holds it can make client ` +
  `certificates your account accepts.
     You need it again only for delegate-mtls cert issue ` +
  `(a new client certificate from this CA).
  3. Give the delegate the client certificate (the ` +
  `Secret, and the mTLS endpoint in its manifest):
     delegate-mtls --endpoint ` +
  `https://<account>.harness.io:8443 --cert ${d}/client.crt --key ${d}/client.key --write ` +
  `harness-delegate.yaml
     or create the Secret on its own:
     delegate-mtls secret ` +
  `--cert ${d}/client.crt --key ${d}/client.key -n harness-delegate-ng | kubectl apply -f -
`

const cert = suite('cert init')
cert.before(async () => {
  tmp = makeTmp('dmtls-cert-')
  umask = process.umask(0o022)
  // The one run with the default key sizes (a 4096-bit CA key takes seconds); the tests below read its files.
  init = await run(['cert', 'init', '--dir', 'mtls'], { cwd: tmp.dir })
  initDir = join(tmp.dir, 'mtls')
  const other = join(tmp.dir, 'other-ca')
  opensslCa(other, ['-addext', 'keyUsage=critical,keyCertSign,cRLSign'])
  openssl(
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'c.key', '-out', 'c.csr', '-subj', '/CN=x'],
    other,
  )
  writeFileSync(join(other, 'c.ext'), 'extendedKeyUsage=clientAuth\n')
  openssl(
    ['x509', '-req', '-in', 'c.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2'].concat([
      '-extfile',
      'c.ext',
      '-out',
      'c.crt',
    ]),
    other,
  )
  foreign = { cert: read(other, 'c.crt'), key: read(other, 'c.key') }
})
cert.after(() => {
  process.umask(umask)
  tmp.remove()
})

cert('exit 0, nothing on stdout, the next steps on stderr; the four files, keys 0600 and certificates 0644', () => {
  assert.equal(init, { code: 0, stdout: '', stderr: NEXT_STEPS('mtls') })
  assert.equal(readdirSync(initDir).sort(), ['ca.crt', 'ca.key', 'client.crt', 'client.key'])
  assert.equal(
    ['ca.key', 'ca.crt', 'client.key', 'client.crt'].map((f) => mode(initDir, f)),
    [0o600, 0o644, 0o600, 0o644],
  )
  for (const key of ['ca.key', 'client.key']) assert.match(read(initDir, key), /^-----BEGIN PRIVATE KEY-----\n/)
})

cert('openssl verify -purpose sslclient accepts the client certificate against ca.crt', () => {
  assert.is(
    openssl(['verify', '-CAfile', 'ca.crt', '-purpose', 'sslclient', 'client.crt'], initDir),
    'client.crt: OK\n',
  )
})

cert('the CA: RSA 4096, SHA-256, CA:TRUE and keyCertSign, cRLSign (both critical), a subject key identifier', () => {
  const text = openssl(['x509', '-in', 'ca.crt', '-noout', '-text'], initDir)
  assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/)
  assert.match(text, /Subject: CN = Harness delegate mTLS CA\n/)
  assert.match(text, /Public-Key: \(4096 bit\)/)
  assert.match(text, /X509v3 Basic Constraints: critical\n\s+CA:TRUE\n/)
  assert.match(text, /X509v3 Key Usage: critical\n\s+Certificate Sign, CRL Sign\n/)
  assert.match(text, /X509v3 Subject Key Identifier: \n\s+[0-9A-F:]{59}\n/)
  assert.ok(new X509Certificate(read(initDir, 'ca.crt')).verify(new X509Certificate(read(initDir, 'ca.crt')).publicKey))
})

cert('the client: RSA 2048, clientAuth, digitalSignature and keyEncipherment, CA:FALSE, the CA key id', () => {
  const text = openssl(['x509', '-in', 'client.crt', '-noout', '-text'], initDir)
  const caText = openssl(['x509', '-in', 'ca.crt', '-noout', '-text'], initDir)
  assert.match(text, /Issuer: CN = Harness delegate mTLS CA\n/)
  assert.match(text, /Subject: CN = harness-delegate\n/)
  assert.match(text, /Public-Key: \(2048 bit\)/)
  assert.match(text, /Signature Algorithm: sha256WithRSAEncryption/)
  assert.match(text, /X509v3 Basic Constraints: \n\s+CA:FALSE\n/)
  assert.match(text, /X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/)
  assert.match(text, /X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication\n/)
  const caKeyId = /X509v3 Subject Key Identifier: \n\s+([0-9A-F:]+)\n/.exec(caText)![1]
  assert.match(text, `X509v3 Authority Key Identifier: \n                ${caKeyId}\n`)
})

cert('validity: 365 days (client) and 3650 days (CA) from a few minutes ago; random positive serials', () => {
  const now = Date.now()
  const client = new X509Certificate(read(initDir, 'client.crt'))
  const ca = new X509Certificate(read(initDir, 'ca.crt'))
  const days = (c: X509Certificate) => Math.round((Date.parse(c.validTo) - now) / 86400000)
  assert.is(days(client), 365)
  assert.is(days(ca), 3650)
  for (const c of [client, ca]) {
    const back = now - Date.parse(c.validFrom)
    assert.ok(back > 4 * 60000 && back < 10 * 60000, `starts ${back} ms back`)
    assert.match(c.serialNumber, /^[4-7][0-9A-F]{31}$/)
  }
  assert.is.not(client.serialNumber, ca.serialNumber)
})

cert("the project's own checks (checkClientCertificate, with --ca) pass the pair with no error and no warning", () => {
  const check = checkClientCertificate({
    certPem: read(initDir, 'client.crt'),
    keyPem: read(initDir, 'client.key'),
    caPem: read(initDir, 'ca.crt'),
    certFile: 'client.crt',
    keyFile: 'client.key',
    caFile: 'ca.crt',
  })
  assert.equal([check.errors, check.warnings], [[], []])
})

cert('a TLS server that requires client certificates from ca.crt accepts client.crt', async () => {
  const r = await handshake(read(initDir, 'ca.crt'), {
    cert: read(initDir, 'client.crt'),
    key: read(initDir, 'client.key'),
  })
  assert.equal(r, { read: 'hello from the server', serverSaw: 'authorized' })
})

cert('… and refuses a client certificate from another CA', async () => {
  const r = await handshake(read(initDir, 'ca.crt'), foreign)
  assert.is(r.read, '')
  // The server drops the connection during the handshake (Node reports it as a hang-up): it never serves it.
  assert.match(r.serverSaw, /^refused: /, r.serverSaw)
})

cert('--org, --cn and --days shape the subjects and the validity', async () => {
  const r = await run(['cert', 'init', '--dir', 'org', '--org', 'Acme Inc', '--cn', 'delegates-eu', '--days', '30'], {
    cwd: tmp.dir,
  })
  assert.is(r.code, 0, r.stderr)
  const dir = join(tmp.dir, 'org')
  const text = openssl(['x509', '-in', 'client.crt', '-noout', '-subject', '-issuer', '-enddate'], dir)
  assert.match(text, /^subject=O = Acme Inc, CN = delegates-eu\nissuer=O = Acme Inc, CN = Harness delegate mTLS CA\n/)
  const days = Math.round((Date.parse(new X509Certificate(read(dir, 'client.crt')).validTo) - Date.now()) / 86400000)
  assert.is(days, 30)
  assert.is(openssl(['verify', '-CAfile', 'ca.crt', '-purpose', 'sslclient', 'client.crt'], dir), 'client.crt: OK\n')
})

cert(
  'never overwrites: one of the four files exists → exit 2 naming it, nothing written, the file unchanged',
  async () => {
    const dir = join(tmp.dir, 'taken')
    mkdirSync(dir)
    writeFileSync(join(dir, 'client.crt'), 'mine\n')
    const r = await run(['cert', 'init', '--dir', 'taken'], { cwd: tmp.dir })
    assert.equal(r, {
      code: 2,
      stdout: '',
      stderr:
        'taken/client.crt: error: exists already; cert never overwrites a file: move them away or ' +
        'choose another --dir (nothing was written)\n',
    })
    assert.equal(snapshot(dir), { 'client.crt': 'mine\n' })
  },
)

cert('never overwrites: every existing file is named; a dangling symbolic link counts', async () => {
  const dir = join(tmp.dir, 'taken2')
  mkdirSync(dir)
  writeFileSync(join(dir, 'ca.key'), 'k\n')
  execFileSync('ln', ['-s', 'nowhere', join(dir, 'client.key')])
  const r = await run(['cert', 'init'], { cwd: dir })
  assert.is(r.code, 2)
  assert.is(
    r.stderr,
    'ca.key: error: exists already (so do client.key); cert never overwrites a file: move them away ' +
      'or choose another --dir (nothing was written)\n',
  )
  assert.equal(readdirSync(dir).sort(), ['ca.key', 'client.key'])
  assert.is(read(dir, 'ca.key'), 'k\n')
})

cert('a second init in the same directory is refused and leaves the first one as it was', async () => {
  const before = snapshot(initDir)
  const r = await run(['cert', 'init', '--dir', 'mtls'], { cwd: tmp.dir })
  assert.is(r.code, 2)
  assert.match(
    r.stderr,
    /^mtls\/ca\.key: error: exists already \(so do mtls\/ca\.crt, mtls\/client\.key, mtls\/client\.crt\)/,
  )
  assert.equal(snapshot(initDir), before)
})

cert('a file created while the run writes: the run removes what it wrote, not that file', () => {
  const dir = join(tmp.dir, 'race', 'deep')
  const { ca, client } = makeCaAndClient({ cn: 'x', days: 1, caDays: 2, caBits: 2048 })
  const files = [
    { name: 'ca.key', text: ca.keyPem, mode: 0o600 },
    { name: 'ca.crt', text: ca.certPem, mode: 0o644 },
    { name: 'client.key', text: client.keyPem, mode: 0o600 },
    { name: 'client.crt', text: client.certPem, mode: 0o644 },
  ]
  let error: unknown
  try {
    writeNewFiles(dir, 'race/deep', files, {
      afterCreate: (path) => {
        if (path.endsWith('client.key')) writeFileSync(join(dir, 'client.crt'), 'someone else\n')
      },
    })
  } catch (e) {
    error = e
  }
  assert.instance(error, CertError)
  assert.is((error as CertError).file, 'race/deep/client.crt')
  assert.match((error as CertError).message, /^exists already; appeared while this run was writing;/)
  assert.equal(readdirSync(dir), ['client.crt'])
  assert.is(read(dir, 'client.crt'), 'someone else\n')
})

cert('a write that fails midway (a full disk) removes every file and folder the run made', () => {
  const { ca } = makeCaAndClient({ cn: 'x', days: 1, caDays: 2, caBits: 2048, clientBits: 2048 })
  let error: unknown
  try {
    writeNewFiles(
      join(tmp.dir, 'made', 'here'),
      'made/here',
      [
        { name: 'ca.key', text: ca.keyPem, mode: 0o600 },
        { name: 'ca.crt', text: ca.certPem, mode: 0o644 },
      ],
      {
        afterCreate: (path) => {
          if (path.endsWith('ca.crt')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
        },
      },
    )
  } catch (e) {
    error = e
  }
  assert.instance(error, CertError)
  assert.is((error as CertError).file, 'made/here/ca.crt')
  assert.is((error as CertError).message, 'cannot be written (ENOSPC); the files this run had written were removed')
  assert.not.ok(existsSync(join(tmp.dir, 'made')))
})

const issue = suite('cert issue')
issue.before(() => {
  tmp = makeTmp('dmtls-cert-issue-')
  umask = process.umask(0o022)
  // OpenSSL's own CA: req -x509 with the config's v3_ca (CA:TRUE, no keyUsage), as most guides make it.
  opensslCa(join(tmp.dir, 'plain'), [], undefined, '90')
  opensslCa(join(tmp.dir, 'readme'), ['-addext', 'keyUsage=critical,keyCertSign,cRLSign'])
  opensslCa(join(tmp.dir, 'ec'), [], ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'])
  opensslCa(join(tmp.dir, 'nosign'), ['-addext', 'keyUsage=critical,digitalSignature'])
  openssl(
    ['pkey', '-in', 'ca.key', '-aes256', '-passout', 'pass:secret', '-out', 'encrypted.key'],
    join(tmp.dir, 'readme'),
  )
  // A leaf (CA:FALSE) signed by the plain CA.
  const plain = join(tmp.dir, 'plain')
  openssl(
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf'],
    plain,
  )
  writeFileSync(join(plain, 'leaf.ext'), 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n')
  openssl(
    ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2'].concat([
      '-extfile',
      'leaf.ext',
      '-out',
      'leaf.crt',
    ]),
    plain,
  )
})
issue.after(() => {
  process.umask(umask)
  tmp.remove()
})

const issueFrom = (ca: string, dir: string, more: string[] = []) =>
  run(['cert', 'issue', '--ca-cert', `${ca}/ca.crt`, '--ca-key', `${ca}/ca.key`, '--dir', dir, ...more], {
    cwd: tmp.dir,
  })

issue(
  'from a CA made by openssl req -x509: exit 0, 0600/0644, verified by OpenSSL, the checks and a TLS server',
  async () => {
    const r = await issueFrom('plain', 'out', ['--days', '40', '--cn', 'group-b'])
    assert.equal(r, {
      code: 0,
      stdout: '',
      stderr:
        `delegate-mtls: made out/client.key and out/client.crt (CN=group-b, 40 days), signed ` +
        `by the CA of plain/ca.crt
Next steps:
  1. Harness Support needs nothing new if your ` +
        `account already trusts this CA (plain/ca.crt). Keep its key offline.
  2. Give the delegate ` +
        `the client certificate (the Secret, and the mTLS endpoint in its manifest):
     ` +
        `delegate-mtls --endpoint https://<account>.harness.io:8443 --cert out/client.crt --key ` +
        `out/client.key --write harness-delegate.yaml
     or create the Secret on its own:
     ` +
        `delegate-mtls secret --cert out/client.crt --key out/client.key -n harness-delegate-ng | kubectl apply -f -
`,
    })
    const out = join(tmp.dir, 'out')
    assert.equal(readdirSync(out).sort(), ['client.crt', 'client.key'])
    assert.equal([mode(out, 'client.key'), mode(out, 'client.crt')], [0o600, 0o644])
    assert.is(
      openssl(['verify', '-CAfile', '../plain/ca.crt', '-purpose', 'sslclient', 'client.crt'], out),
      'client.crt: OK\n',
    )
    const text = openssl(['x509', '-in', 'client.crt', '-noout', '-text'], out)
    assert.match(text, /Issuer: O = Other Org, CN = OpenSSL test CA\n/)
    assert.match(text, /Subject: CN = group-b\n/)
    assert.match(text, /X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication\n/)
    const caText = openssl(['x509', '-in', 'plain/ca.crt', '-noout', '-text'], tmp.dir)
    const caKeyId = /X509v3 Subject Key Identifier: \n\s+([0-9A-F:]+)\n/.exec(caText)![1]
    assert.match(text, `X509v3 Authority Key Identifier: \n                ${caKeyId}\n`)
    const pair = { cert: read(out, 'client.crt'), key: read(out, 'client.key') }
    const check = checkClientCertificate({
      certPem: pair.cert,
      keyPem: pair.key,
      caPem: read(join(tmp.dir, 'plain'), 'ca.crt'),
      certFile: 'client.crt',
      keyFile: 'client.key',
      caFile: 'ca.crt',
    })
    assert.equal([check.errors, check.warnings], [[], []])
    assert.equal(await handshake(read(join(tmp.dir, 'plain'), 'ca.crt'), pair), {
      read: 'hello from the server',
      serverSaw: 'authorized',
    })
    // The same certificate, to a server that trusts another CA: refused.
    assert.match((await handshake(read(join(tmp.dir, 'readme'), 'ca.crt'), pair)).serverSaw, /^refused: /)
  },
)

issue('from a CA with keyUsage keyCertSign, and from an EC CA (signed ecdsa-with-SHA256)', async () => {
  for (const [ca, alg] of [
    ['readme', 'sha256WithRSAEncryption'],
    ['ec', 'ecdsa-with-SHA256'],
  ] as const) {
    const r = await issueFrom(ca, `from-${ca}`, ['--days', '10'])
    assert.is(r.code, 0, r.stderr)
    const dir = join(tmp.dir, `from-${ca}`)
    assert.is(
      openssl(['verify', '-CAfile', `../${ca}/ca.crt`, '-purpose', 'sslclient', 'client.crt'], dir),
      'client.crt: OK\n',
    )
    assert.match(openssl(['x509', '-in', 'client.crt', '-noout', '-text'], dir), `Signature Algorithm: ${alg}`)
  }
})

issue('inside a git work tree: a warning never to commit the key', async () => {
  mkdirSync(join(tmp.dir, 'repo', '.git'), { recursive: true })
  const r = await issueFrom('plain', 'repo/keys', ['--days', '5'])
  assert.is(r.code, 0, r.stderr)
  assert.ok(
    r.stderr.endsWith(
      `warning: repo/keys/client.key is inside a git work tree (${join(tmp.dir, 'repo')}): never commit it\n`,
    ),
    r.stderr,
  )
})

/** A refused issue: exit 2, exactly `stderr`, and the --dir never made. */
async function refused(ca: string, key: string, stderr: string | RegExp, more: string[] = []): Promise<void> {
  const r = await run(['cert', 'issue', '--ca-cert', ca, '--ca-key', key, '--dir', 'refused', ...more], {
    cwd: tmp.dir,
  })
  assert.is(r.code, 2)
  assert.is(r.stdout, '')
  if (typeof stderr === 'string') assert.is(r.stderr, stderr)
  else assert.match(r.stderr, stderr)
  assert.not.ok(existsSync(join(tmp.dir, 'refused')))
}

issue('refuses a certificate that is not a CA (CA:FALSE)', () =>
  refused(
    'plain/leaf.crt',
    'plain/leaf.key',
    'plain/leaf.crt: error: is not a CA certificate (its basicConstraints do not say CA:TRUE): give ' +
      'the CA whose certificate Harness trusts\n',
  ),
)

issue("refuses a key that is not the CA's", () =>
  refused('plain/ca.crt', 'readme/ca.key', 'readme/ca.key: error: is not the private key of plain/ca.crt\n'),
)

issue('refuses a CA whose keyUsage does not allow keyCertSign', () =>
  refused(
    'nosign/ca.crt',
    'nosign/ca.key',
    'nosign/ca.crt: error: is a CA certificate whose keyUsage does not allow keyCertSign: it cannot ' +
      'sign certificates\n',
  ),
)

issue('refuses an encrypted CA key, saying how to decrypt it', () =>
  refused(
    'readme/ca.crt',
    'readme/encrypted.key',
    'readme/encrypted.key: error: is encrypted: decrypt it for this run (openssl pkey -in ca.key ' +
      '-out plain.key) and delete the copy after\n',
  ),
)

issue('refuses a certificate that would outlive the CA, and says how many days fit', async () => {
  await refused(
    'plain/ca.crt',
    'plain/ca.key',
    re(
      /^plain\/ca\.crt: error: ends on \d{4}-\d\d-\d\d, in 89 days: a client certificate of/,
      / 365 days would outlive it; pass --days 89 or fewer, or make a new CA with cert init/,
      / \(and send its ca\.crt to Harness Support\)\n$/,
    ),
  )
  await refused('plain/ca.crt', 'plain/ca.key', /in 89 days: a client certificate of 90 days would outlive it/, [
    '--days',
    '90',
  ])
  const r = await issueFrom('plain', 'fits', ['--days', '89'])
  assert.is(r.code, 0, r.stderr)
})

issue('never overwrites: client.crt exists in --dir → exit 2, the directory unchanged', async () => {
  const dir = join(tmp.dir, 'kept')
  mkdirSync(dir)
  writeFileSync(join(dir, 'client.crt'), 'mine\n')
  const r = await issueFrom('plain', 'kept', ['--days', '5'])
  assert.equal(r, {
    code: 2,
    stdout: '',
    stderr:
      'kept/client.crt: error: exists already; cert never overwrites a file: move them away or ' +
      'choose another --dir (nothing was written)\n',
  })
  assert.equal(snapshot(dir), { 'client.crt': 'mine\n' })
})

const usage = suite('cert: usage errors exit 2 and write nothing')
usage.before(() => {
  tmp = makeTmp('dmtls-cert-usage-')
})
usage.after(() => tmp.remove())

const USAGE: [string[], RegExp][] = [
  [['cert'], /^delegate-mtls: cert needs init or issue\n/],
  [['cert', 'frob'], /^delegate-mtls: Unknown argument: frob\n/],
  [['cert', 'init', 'extra'], /^delegate-mtls: Unknown argument: extra\n/],
  [['cert', 'init', '--days', '0'], /^delegate-mtls: --days "0": expected a whole number of days from 1 to 36500\n/],
  [['cert', 'init', '--days', '1e3'], /^delegate-mtls: --days "1e3": expected a whole number of days from 1 to 36500/],
  [['cert', 'init', '--ca-days', '40000'], /^delegate-mtls: --ca-days "40000": expected a whole number of days/],
  [
    ['cert', 'init', '--days', '400', '--ca-days', '365'],
    /^delegate-mtls: --days 400 is longer than --ca-days 365: a client certificate cannot outlive its CA\n/,
  ],
  [['cert', 'init', '--cn', ' '], /^delegate-mtls: --cn " ": expected 1 to 64 characters, not blank/],
  [['cert', 'init', '--org', 'x'.repeat(65)], /^delegate-mtls: --org "x{65}": expected 1 to 64 characters/],
  [
    ['cert', 'init', '--cn', 'a\nb'],
    /^delegate-mtls: --cn "a\nb": expected 1 to 64 characters, not blank, without control/,
  ],
  [['cert', 'init', '--endpoint', 'https://x'], /^delegate-mtls: Unknown arguments?: endpoint/],
  [['cert', 'init', '--dir', 'a', '--dir', 'b'], /^delegate-mtls: --dir is given more than once\n/],
  [['cert', 'issue'], /^delegate-mtls: Missing required arguments: ca-cert, ca-key\n/],
  [
    ['cert', 'issue', '--ca-cert', 'ca.crt', '--ca-key', 'ca.key', '--org', 'x'],
    /^delegate-mtls: Unknown argument: org/,
  ],
  [
    ['cert', 'issue', '--ca-cert', 'none.crt', '--ca-key', 'none.key'],
    /^delegate-mtls: cannot read the CA certificate none\.crt: no such file\n/,
  ],
  [['-q', 'cert', 'init'], /^delegate-mtls: cert comes first on the command line/],
]
for (const [argv, message] of USAGE) {
  usage(argv.join(' '), async () => {
    const r = await run(argv, { cwd: tmp.dir })
    assert.is(r.code, 2, r.stderr)
    assert.is(r.stdout, '')
    assert.match(r.stderr, message)
    assert.equal(readdirSync(tmp.dir), [])
  })
}

usage('cert --help teaches with examples; the main --help lists cert', async () => {
  const h = await run(['cert', '--help'], { cwd: tmp.dir })
  assert.is(h.code, 0)
  assert.match(h.stdout, /^Usage: delegate-mtls cert init \[--dir D\]/)
  assert.match(h.stdout, /\n {4}delegate-mtls cert init --dir mtls --org "Acme Inc"\n/)
  assert.match(h.stdout, /\n {4}delegate-mtls cert issue --ca-cert mtls\/ca\.crt --ca-key mtls\/ca\.key/)
  const i = await run(['cert', 'init', '--help'], { cwd: tmp.dir })
  assert.is(i.code, 0)
  assert.match(i.stdout, /--ca-days +days the CA certificate is valid/)
  const main = await run(['--help'], { cwd: tmp.dir })
  assert.match(main.stdout, /\n {2}delegate-mtls cert \[action\] +make a CA and a client certificate without OpenSSL/)
  assert.match(main.stdout, /\n {4}delegate-mtls cert init --dir mtls\n/)
  assert.equal(readdirSync(tmp.dir), [])
})

cert.run()
issue.run()
usage.run()
