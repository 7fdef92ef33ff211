// `delegate-mtls probe`, in-process through main(), against servers on 127.0.0.1 (ephemeral ports) that the
// tests start: Node's https and tls, with a PKI made at test time (cert/make.ts and OpenSSL). Nothing leaves
// the machine; every connection is bounded by --timeout.
import { execFileSync, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import { connect as netConnect, createServer as createNetServer, type AddressInfo, type Server } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { Ajv } from 'ajv'
import { makeCaAndClient } from '../../src/cert/make.js'
import { makeTmp, run, runBin, REPO_ROOT, type Ran } from '../cli/helpers/cli.js'
import { readFileSync } from 'node:fs'
import { re } from '../helpers/regex.js'

const DAY = 86_400_000
let tmp: ReturnType<typeof makeTmp>
/** PEMs by name, also written as `<name>` in tmp.dir. */
const pem: Record<string, string> = {}
const servers: { close(): unknown }[] = []

const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 })
const write = (name: string, text: string) => {
  pem[name] = text
  writeFileSync(join(tmp.dir, name), text)
}

const probe = suite('probe')
probe.before(() => {
  tmp = makeTmp('dmtls-probe-')
  const bits = { caBits: 2048, clientBits: 2048 }
  const good = makeCaAndClient({ cn: 'harness-delegate', org: 'Acme', days: 30, caDays: 3650, ...bits })
  write('ca.crt', good.ca.certPem)
  write('ca.key', good.ca.keyPem)
  write('client.crt', good.client.certPem)
  write('client.key', good.client.keyPem)
  const other = makeCaAndClient({ cn: 'stranger', days: 30, caDays: 3650, ...bits })
  write('other.crt', other.client.certPem)
  write('other.key', other.client.keyPem)
  const old = makeCaAndClient({ cn: 'old', days: 30, caDays: 3650, now: new Date(Date.now() - 400 * DAY), ...bits })
  write('expired.crt', old.client.certPem)
  write('expired.key', old.client.keyPem)
  // The server: a self-signed certificate for 127.0.0.1 (its own CA, given as --server-ca).
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-keyout', 'server.key'].concat([
      '-out',
      'server.crt',
      '-subj',
      '/CN=probe test server',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]),
  )
  pem['server.crt'] = readFileSync(join(tmp.dir, 'server.crt'), 'utf8')
  pem['server.key'] = readFileSync(join(tmp.dir, 'server.key'), 'utf8')
  // A certificate of the right CA for serverAuth only.
  writeFileSync(join(tmp.dir, 'sa.ext'), 'extendedKeyUsage=serverAuth\n')
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'sa.key', '-subj', '/CN=web', '-out', 'sa.csr'])
  openssl(
    ['x509', '-req', '-in', 'sa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'sa.ext',
      '-out',
      'sa.crt',
    ]),
  )
})
probe.after(async () => {
  for (const s of servers) s.close()
  tmp.remove()
})

interface ServerOptions {
  requestCert?: boolean
  version?: 'TLSv1.2' | 'TLSv1.3'
}

/** An HTTPS server on 127.0.0.1 that answers 200 and, by default, requires a client certificate of ca.crt. */
async function httpsServer(opts: ServerOptions = {}): Promise<string> {
  const server: HttpsServer = createHttpsServer(
    {
      key: pem['server.key'],
      cert: pem['server.crt'],
      ca: pem['ca.crt'],
      requestCert: opts.requestCert ?? true,
      rejectUnauthorized: opts.requestCert ?? true,
      ...(opts.version ? { minVersion: opts.version, maxVersion: opts.version } : {}),
    },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
    },
  )
  return listen(server)
}

async function listen(server: Server | HttpsServer): Promise<string> {
  servers.push(server)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const probeRun = (endpoint: string, extra: string[] = [], env: Record<string, string> = {}, files = 'client') =>
  run(
    [
      'probe',
      '-e',
      endpoint,
      '--cert',
      `${files}.crt`,
      '--key',
      `${files}.key`,
      ...(extra.includes('--timeout') ? [] : ['--timeout', '3']),
      ...extra,
    ],
    {
      cwd: tmp.dir,
      env,
    },
  )
const trusted = ['--server-ca', 'server.crt']

/** The key never shows: no PEM block, no line of its base64. */
function noKey(r: Ran, key = pem['client.key']!) {
  const out = r.stdout + r.stderr
  assert.not.match(out, /PRIVATE KEY/)
  for (const line of key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')))
    assert.not.ok(out.includes(line))
}

probe('accepted (TLS 1.3): exit 0, the session, both certificates, and mTLS enforced', async () => {
  const e = await httpsServer({ version: 'TLSv1.3' })
  const r = await probeRun(e, trusted)
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '')
  const lines = r.stdout.split('\n')
  assert.equal(lines.slice(0, 4), [
    `endpoint:   ${e}`,
    `client:     O=Acme, CN=harness-delegate, issued by O=Acme, CN=Harness delegate mTLS CA, valid ` +
      `until ${lines[1]!.slice(-10)}`,
    'tls:        TLSv1.3, TLS_AES_256_GCM_SHA384',
    'server:     CN=probe test server, issued by CN=probe test server',
  ])
  assert.match(lines[1]!, /valid until \d{4}-\d\d-\d\d$/)
  assert.is(lines[4], 'with the client certificate:    accepted (HTTP 200)')
  assert.is(
    lines[5],
    'without a client certificate:   refused: no client certificate was sent, and the server requires one',
  )
  assert.is(lines[6], 'the server asks for a client certificate and refuses a connection without one: it enforces mTLS')
  assert.is(lines[7], 'accepted: the endpoint took the client certificate')
  noKey(r)
})

probe('accepted (TLS 1.2): exit 0, and the server refuses a connection without a certificate', async () => {
  const e = await httpsServer({ version: 'TLSv1.2' })
  const r = await probeRun(e, [...trusted, '--format', 'json'])
  assert.is(r.code, 0, r.stderr)
  const j = JSON.parse(r.stdout)
  assert.is(j.withCertificate.tls.version, 'TLSv1.2')
  assert.is(j.withCertificate.outcome, 'accepted')
  assert.is(j.withCertificate.httpStatus, 200)
  // TLS 1.2 sends the certificate request in the clear: the CAs the server names are reported.
  assert.is(j.withCertificate.requestedClientCertificate, true)
  assert.equal(j.withCertificate.acceptableCas, ['O=Acme, CN=Harness delegate mTLS CA'])
  assert.is(j.withoutCertificate.outcome, 'rejected')
  assert.is(
    j.withoutCertificate.reason,
    'no client certificate was sent, and the server requires one (alert "handshake failure")',
  )
  assert.is(j.enforcesMtls, true)
  assert.is(j.verdict, 'accepted')
  assert.is(j.exitCode, 0)
  noKey(r)
})

/**
 * `openssl s_server` requiring a client certificate of ca.crt: unlike Node's server, which closes the connection
 * without a word, it sends the alert a gateway sends (unknown CA).
 */
async function opensslServer(version: 'TLSv1.2' | 'TLSv1.3'): Promise<string> {
  const child = spawn(
    'openssl',
    ['s_server', '-accept', '127.0.0.1:0', '-cert', 'server.crt', '-key', 'server.key', '-CAfile', 'ca.crt'].concat([
      '-Verify',
      '1',
      '-verify_return_error',
      '-www',
      version === 'TLSv1.2' ? '-tls1_2' : '-tls1_3',
    ]),
    { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'ignore'] },
  )
  servers.push({ close: () => child.kill() })
  const port = await new Promise<string>((done, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`openssl s_server did not start: ${out}`)), 5000)
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s
      const m = /ACCEPT \S+:(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        done(m[1]!)
      }
    })
  })
  return `https://127.0.0.1:${port}`
}

for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
  probe(`a certificate from another CA (${version}): exit 1, "the server does not trust your CA"`, async () => {
    const e = await opensslServer(version)
    const r = await probeRun(e, trusted, {}, 'other')
    assert.is(r.code, 1, r.stderr)
    // Under TLS 1.2 the server judges the certificate inside the handshake, so no session is reported.
    if (version === 'TLSv1.3') {
      assert.match(r.stdout, '\ntls:        TLSv1.3, ')
      assert.not.match(r.stdout, '\nasks:')
    } else {
      assert.not.match(r.stdout, '\ntls:')
      assert.match(
        r.stdout,
        '\nasks:       a client certificate, issued by one of: O=Acme, CN=Harness delegate mTLS CA\n' +
          'warning: the server names other CAs than the issuer of your certificate (CN=Harness delegate mTLS CA)\n',
      )
    }
    assert.match(
      r.stdout,
      '\nwith the client certificate:    refused: the server does not trust your CA (alert "unknown CA")\n',
    )
    assert.match(r.stdout, /\nrejected: the server does not trust your CA \(alert "unknown CA"\)\n$/)
    assert.is(r.stderr, `${e}: error: the server does not trust your CA (alert "unknown CA")\n`)
    noKey(r, pem['other.key'])
    // The right certificate is accepted by the same server.
    assert.is((await probeRun(e, trusted)).code, 0)
  })

  probe(`a server that drops the connection without an alert (Node, ${version}): exit 1`, async () => {
    const e = await httpsServer({ version })
    const r = await probeRun(e, trusted, {}, 'other')
    assert.is(r.code, 1, r.stderr)
    assert.is(
      r.stderr,
      `${e}: error: the server closed the connection without a response: it refused the client certificate\n`,
    )
  })
}

probe('a server that does not ask for client certificates: exit 0, "does not enforce mTLS"', async () => {
  const e = await httpsServer({ requestCert: false })
  const r = await probeRun(e, trusted)
  assert.is(r.code, 0, r.stderr)
  assert.match(r.stdout, /\nwithout a client certificate: {3}accepted \(HTTP 200\)\n/)
  assert.match(
    r.stdout,
    re(
      /\nwarning: the endpoint accepted a connection without a client certificate: it does/,
      / not enforce mTLS \(a STRICT account refuses it\)\n/,
    ),
  )
  const j = JSON.parse((await probeRun(e, [...trusted, '--format', 'json'])).stdout)
  assert.is(j.enforcesMtls, false)
  // Under TLS 1.2 the absent request is seen as well.
  const e12 = await httpsServer({ requestCert: false, version: 'TLSv1.2' })
  const r12 = await probeRun(e12, trusted)
  assert.is(r12.code, 0, r12.stderr)
  assert.match(
    r12.stdout,
    '\nserver:     CN=probe test server, issued by CN=probe test server\nasks:       no client certificate\n',
  )
})

probe('an untrusted server certificate: exit 2 and "pass --server-ca"; with --server-ca it is trusted', async () => {
  const e = await httpsServer()
  const r = await probeRun(e)
  assert.is(r.code, 2, r.stderr)
  assert.match(r.stdout, /\nserver: {5}CN=probe test server, issued by CN=probe test server\n/)
  assert.match(
    r.stdout,
    re(
      /\nno verdict: the server certificate is not trusted: pass --server-ca for a private/,
      / CA \(DEPTH_ZERO_SELF_SIGNED_CERT\)\n$/,
    ),
  )
  assert.not.match(r.stdout, /without a client certificate/)
  // Another CA given: still refused, and said so.
  const wrong = await probeRun(e, ['--server-ca', 'ca.crt'])
  assert.is(wrong.code, 2)
  assert.match(wrong.stdout, /no verdict: the server certificate is not trusted: it does not chain to --server-ca/)
  assert.is((await probeRun(e, trusted)).code, 0)
})

probe('the certificate checks of `secret` come first: expired, serverAuth only, exit 2 and no connection', async () => {
  let connections = 0
  // Counts connections: a refused check must never reach the network.
  const counting = createNetServer((s) => {
    connections++
    s.destroy()
  })
  const e2 = await listen(counting)
  const expired = await probeRun(e2, trusted, {}, 'expired')
  assert.is(expired.code, 2)
  assert.is(expired.stdout, '', expired.stderr)
  assert.match(
    expired.stderr,
    /^expired\.crt: error: the certificate in expired\.crt \(subject "CN=old"\) expired on \d{4}-\d\d-\d\dT[0-9:]+Z\n$/,
  )
  const sa = await probeRun(e2, trusted, {}, 'sa')
  assert.is(sa.code, 2)
  assert.is(sa.stdout, '')
  assert.match(
    sa.stderr,
    re(
      /sa\.crt: error: the certificate in sa\.crt \(subject "CN=web"\) is not allowed for/,
      / TLS client authentication: its extended key usage lists serverAuth but not/,
      / clientAuth/,
    ),
  )
  assert.is(connections, 0)
})

probe('a server that never answers: exit 2 after --timeout', async () => {
  const server = createTlsServer({ key: pem['server.key'], cert: pem['server.crt'] }, () => undefined)
  const e = await listen(server)
  const started = Date.now()
  const r = await probeRun(e, [...trusted, '--timeout', '0.5'])
  const took = Date.now() - started
  assert.is(r.code, 2, r.stderr + r.stdout)
  assert.ok(took >= 500 && took < 2500, `took ${took} ms: ${r.stdout}`)
  assert.match(r.stdout, /\nno verdict: the server sent no response within 0\.5 s\n$/)
  assert.is(r.stderr, `${e}: error: the server sent no response within 0.5 s\n`)
})

probe('unreachable: exit 2, connection refused', async () => {
  const closed = createNetServer()
  const e = await listen(closed)
  await new Promise((done) => closed.close(done))
  const r = await probeRun(e, trusted)
  assert.is(r.code, 2)
  assert.is(r.stderr, `${e}: error: connection refused: nothing listens on that port\n`)
})

/** A CONNECT proxy on 127.0.0.1 that counts the tunnels it opened. */
async function connectProxy(): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = []
  const proxy = createNetServer((client) => {
    client.once('data', (head) => {
      const m = /^CONNECT ([^ ]+):(\d+) HTTP\/1\.1\r\n/.exec(head.toString('latin1'))
      if (!m) {
        client.end('HTTP/1.1 400 Bad Request\r\n\r\n')
        return
      }
      tunnels.push(`${m[1]}:${m[2]}`)
      const upstream = netConnect(Number(m[2]), m[1]!, () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n')
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
  })
  servers.push(proxy)
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, tunnels }
}

probe('HTTPS_PROXY: both connections go through the CONNECT proxy; NO_PROXY bypasses it', async () => {
  const e = await httpsServer()
  const port = new URL(e).port
  const proxy = await connectProxy()
  const r = await probeRun(e, trusted, { HTTPS_PROXY: proxy.url })
  assert.is(r.code, 0, r.stderr)
  assert.match(r.stdout, new RegExp(`^endpoint: {3}${e} \\(through the proxy ${proxy.url}\\)\n`))
  assert.equal(proxy.tunnels, [`127.0.0.1:${port}`, `127.0.0.1:${port}`])
  const bypass = await probeRun(e, [...trusted, '--format', 'json'], {
    HTTPS_PROXY: proxy.url,
    NO_PROXY: 'localhost,127.0.0.1',
  })
  assert.is(bypass.code, 0, bypass.stderr)
  assert.is(JSON.parse(bypass.stdout).proxy, null)
  assert.is(proxy.tunnels.length, 2)
})

probe('a proxy that refuses CONNECT: exit 2, said so', async () => {
  const refusing = createNetServer((c) => c.once('data', () => c.end('HTTP/1.1 403 Forbidden\r\n\r\n')))
  const p = await listen(refusing)
  const r = await probeRun('https://127.0.0.1:1', trusted, { HTTPS_PROXY: p.replace('https:', 'http:') })
  assert.is(r.code, 2)
  assert.is(r.stderr, 'https://127.0.0.1:1: error: the proxy refused CONNECT: HTTP/1.1 403 Forbidden\n')
})

probe('--format json is valid against schemas/probe.schema.json, accepted and rejected', async () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'probe.schema.json'), 'utf8'))
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema)
  const e = await httpsServer()
  for (const [files, code] of [
    ['client', 0],
    ['other', 1],
  ] as const) {
    const r = await probeRun(e, [...trusted, '--format', 'json'], {}, files)
    assert.is(r.code, code, r.stderr)
    const j: { exitCode: number } = JSON.parse(r.stdout)
    assert.ok(validate(j), JSON.stringify(validate.errors))
    assert.is(j.exitCode, code)
  }
  const untrusted: { withoutCertificate: unknown; enforcesMtls: unknown } = JSON.parse(
    (await probeRun(e, ['--format', 'json'])).stdout,
  )
  assert.ok(validate(untrusted), JSON.stringify(validate.errors))
  assert.is(untrusted.withoutCertificate, null)
  assert.is(untrusted.enforcesMtls, null)
})

probe('the real bin (dist/cli.cjs): accepted, exit 0; --help names the options', async () => {
  const e = await httpsServer()
  const r = await runBin(
    ['probe', '-e', e, '--cert', 'client.crt', '--key', 'client.key', ...trusted, '--timeout', '3'],
    {
      cwd: tmp.dir,
    },
  )
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '')
  assert.match(r.stdout, /\naccepted: the endpoint took the client certificate\n$/)
  const help = await runBin(['probe', '--help'], { cwd: tmp.dir })
  assert.is(help.code, 0)
  assert.match(help.stdout, /^Usage: delegate-mtls probe --endpoint URL --cert FILE --key FILE \[--server-ca FILE\]/)
  for (const o of ['--endpoint', '--cert', '--key', '--server-ca', '--timeout', '--format'])
    assert.match(help.stdout, o)
})

/** The README's migrated sample, pointing at `endpoint`, as fleet.yaml. */
function fleet(endpoint: string) {
  const sample = readFileSync(join(REPO_ROOT, 'samples', 'harness-delegate.mtls.yaml'), 'utf8')
  writeFileSync(join(tmp.dir, 'fleet.yaml'), sample.split('https://acme.harness.io:8443').join(endpoint))
}
const auditProbe = (files: string, extra: string[] = []) =>
  run(['audit', 'fleet.yaml', '--probe', '--cert', `${files}.crt`, '--key', `${files}.key`, ...trusted, ...extra], {
    cwd: tmp.dir,
    env: {},
  })

probe('audit --probe: each distinct endpoint probed once; accepted keeps the fleet ready (exit 0)', async () => {
  const e = await httpsServer()
  fleet(e)
  const r = await auditProbe('client', ['--timeout', '3'])
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stderr, '')
  const lines = r.stdout.split('\n')
  assert.equal(lines.slice(-4), [
    '',
    `probe ${e} (1 delegate): accepted the client certificate`,
    'ready for STRICT: all 1 delegate speak mTLS',
    '',
  ])
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'audit.schema.json'), 'utf8'))
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema)
  const json = await auditProbe('client', ['--format', 'json'])
  assert.is(json.code, 0, json.stderr)
  const j: { ready: boolean; probes: unknown } = JSON.parse(json.stdout)
  assert.ok(validate(j), JSON.stringify(validate.errors))
  assert.is(j.ready, true)
  assert.equal(j.probes, [{ endpoint: e, delegates: 1, verdict: 'accepted', enforcesMtls: true, reason: null }])
  noKey(r)
})

probe('audit --probe: an endpoint that refuses the certificate makes the fleet not ready (exit 1)', async () => {
  const e = await opensslServer('TLSv1.3')
  fleet(e)
  const r = await auditProbe('other')
  assert.is(r.code, 1, r.stderr)
  assert.equal(r.stdout.split('\n').slice(-3), [
    `probe ${e} (1 delegate): refused the client certificate: the server does not trust your CA (alert "unknown CA")`,
    'NOT ready for STRICT: 1 endpoint refused the client certificate',
    '',
  ])
})

probe(
  'audit --probe: an unreachable endpoint gives no verdict (exit 2); a bad key is refused before any connection',
  async () => {
    const closed = createNetServer()
    const e = await listen(closed)
    await new Promise((done) => closed.close(done))
    fleet(e)
    const r = await auditProbe('client', ['--timeout', '2'])
    assert.is(r.code, 2, r.stderr)
    assert.match(
      r.stdout,
      `\nprobe ${e} (1 delegate): could not be probed: connection refused: nothing listens on that port\n`,
    )
    assert.match(r.stdout, /\nNOT ready for STRICT: 1 endpoint could not be probed\n$/)
    const bad = await auditProbe('expired')
    assert.is(bad.code, 2)
    assert.is(bad.stdout, '')
    assert.match(bad.stderr, /^expired\.crt: error: the certificate in expired\.crt .* expired on /)
  },
)

probe('audit: --cert and --key only with --probe, and --probe needs both', async () => {
  const cases: [string[], string][] = [
    [
      ['audit', 'x.yaml', '--cert', 'c', '--key', 'k'],
      'audit only reads and reports: --cert, --key cannot be used with it (except with --probe)',
    ],
    [
      ['audit', 'x.yaml', '--probe', '--cert', 'c'],
      'audit --probe needs --cert and --key: the client certificate the endpoints are asked to accept',
    ],
    [['audit', 'x.yaml', '--timeout', '3'], '--timeout goes with --probe'],
  ]
  for (const [argv, message] of cases) {
    const r = await run(argv, { cwd: tmp.dir, env: {} })
    assert.is(r.code, 2, argv.join(' '))
    assert.is(r.stderr, `delegate-mtls: ${message}\nRun "delegate-mtls --help" for usage.\n`)
  }
})

probe('usage errors: exit 2', async () => {
  const cases: [string[], string][] = [
    [['probe', '--cert', 'client.crt', '--key', 'client.key'], 'Missing required argument: endpoint'],
    [
      ['probe', '-e', 'http://127.0.0.1:1', '--cert', 'client.crt', '--key', 'client.key'],
      '--endpoint "http://127.0.0.1:1": expected an https:// URL (mTLS is TLS)',
    ],
    [
      ['probe', '-e', 'https://127.0.0.1:1', '--cert', 'client.crt', '--key', 'client.key', '--timeout', '0'],
      '--timeout "0": expected a number of seconds from more than 0 up to 600',
    ],
    [
      ['probe', '-e', 'https://127.0.0.1:1', '--cert', 'client.crt', '--key', 'client.key', 'x.yaml'],
      'Unknown argument: x.yaml',
    ],
  ]
  for (const [argv, message] of cases) {
    const r = await run(argv, { cwd: tmp.dir, env: {} })
    assert.is(r.code, 2, argv.join(' '))
    assert.is(r.stderr, `delegate-mtls: ${message}\nRun "delegate-mtls --help" for usage.\n`)
  }
})

probe.run()
