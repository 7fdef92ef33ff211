/** SPEC §1 and §8: the endpoint and the options, checked before any file is read. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { UsageError } from '../../src/errors.js'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { normalizeRevertEndpoint } from '../../src/pipeline/revert.js'

const test = suite('mtls/options')

const FORM =
  'expected an https:// URL with a host and an optional port, and no path, e.g. ' +
  'https://acme.harness.io:8443 or https://acme.agent.harness.io'

function usageError(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    assert.instance(e, UsageError)
    return (e as Error).message
  }
  assert.unreachable('expected a UsageError')
  return ''
}

test('an endpoint with a path is a usage error (the delegate appends /api/, /log-service/ itself)', () => {
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'https://app.harness.io/gratis' })),
    `--endpoint "https://app.harness.io/gratis" has a path (/gratis); the delegate adds /api/ and ` +
      `/log-service/ itself; ${FORM}`,
  )
})

test('an http:// endpoint is a usage error', () => {
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'http://acme.harness.io:8443' })),
    `--endpoint "http://acme.harness.io:8443" uses http, not https; ${FORM}`,
  )
})

test('no scheme, a query, a fragment or credentials are usage errors', () => {
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'acme.harness.io' })),
    `--endpoint "acme.harness.io" is not a URL; ${FORM}`,
  )
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'https://acme.harness.io?x=1' })),
    `--endpoint "https://acme.harness.io?x=1" has a query; ${FORM}`,
  )
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'https://acme.harness.io#x' })),
    `--endpoint "https://acme.harness.io#x" has a fragment; ${FORM}`,
  )
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'https://u:p@acme.harness.io' })),
    `--endpoint "https://u:p@acme.harness.io" carries credentials; ${FORM}`,
  )
})

test('migrate() itself refuses a bad endpoint with the same UsageError', () => {
  assert.throws(
    () => migrate('a: 1\n', { endpoint: 'https://acme.harness.io/api' }),
    (e: unknown) => e instanceof UsageError,
  )
})

test('the forms in use are accepted; a trailing / is dropped; any host is fine', () => {
  assert.is(resolveOptions({ endpoint: 'https://acme.harness.io:8443' }).endpoint, 'https://acme.harness.io:8443')
  assert.is(
    resolveOptions({ endpoint: 'https://customer.agent.harness.io/' }).endpoint,
    'https://customer.agent.harness.io',
  )
  assert.is(
    resolveOptions({ endpoint: 'https://harness.internal.example:9443' }).endpoint,
    'https://harness.internal.example:9443',
  )
})

test("defaults, and a mount path's trailing / is dropped", () => {
  assert.equal(resolveOptions({ endpoint: 'https://acme.harness.io:8443' }), {
    endpoint: 'https://acme.harness.io:8443',
    secretName: 'client-certificate',
    secretNameExplicit: false,
    mountPath: '/etc/mtls',
    tiService: false,
    grpcAuthority: true,
  })
  const o = resolveOptions({
    endpoint: 'https://acme.harness.io:8443',
    mountPath: '/etc/certs/',
    secretName: '{delegate}-client-certificate',
  })
  assert.is(o.mountPath, '/etc/certs')
  assert.is(o.secretName, '{delegate}-client-certificate')
  assert.is(o.secretNameExplicit, true)
})

test('a relative mount path or an invalid secret name is a usage error', () => {
  assert.is(
    usageError(() => resolveOptions({ endpoint: 'https://acme.harness.io', mountPath: 'etc/mtls' })),
    '--mount-path "etc/mtls" must be an absolute path',
  )
  assert.match(
    usageError(() => resolveOptions({ endpoint: 'https://acme.harness.io', secretName: 'Client_Cert' })),
    /^--secret-name "Client_Cert" is not a valid Kubernetes Secret name/,
  )
})

test('the endpoint as written: port, credentials, numeric hosts, host characters, no host (each a UsageError)', () => {
  const IPV4 =
    'which URL parsers read as an IPv4 shorthand; write the address as four decimal numbers ' +
    '(a.b.c.d) or use a host name'
  const cases: [string, string][] = [
    ['https://acme.harness.io:0', 'has the port 0; a port is 1 to 65535'],
    ['https://acme.harness.io:65536', 'has the port 65536; a port is 1 to 65535'],
    ['https://acme.harness.io:99999999999', 'has the port 99999999999; a port is 1 to 65535'],
    ['https://acme.harness.io:', 'has an empty port'],
    ['https://acme.harness.io:84a3', 'has the port "84a3", not a number'],
    ['https://u@acme.harness.io', 'carries credentials'],
    ['https://:p@acme.harness.io:8443', 'carries credentials'],
    ['https://0400', `has the numeric host 0400, ${IPV4}`],
    ['https://127.1', `has the numeric host 127.1, ${IPV4}`],
    ['https://0x7f000001:8443', `has the numeric host 0x7f000001, ${IPV4}`],
    ['https://127.0.0.01', `has the numeric host 127.0.0.01, ${IPV4}`],
    ['https://10.0.0.256', `has the numeric host 10.0.0.256, ${IPV4}`],
    ['https://acme.harness.0x1', `has the numeric host acme.harness.0x1, ${IPV4}`],
    ['https://', 'has no host'],
    ['https:///acme.harness.io', 'has no host'],
    ['https://:8443', 'has no host'],
    ['https:acme.harness.io', 'is not a URL'],
    ['https:/acme.harness.io', 'is not a URL'],
    ['https://acme%2Eharness.io', 'has the host "acme%2Eharness.io", not a host name'],
    ['https://acme.har\tness.io', 'has the host "acme.har\\tness.io", not a host name'],
    ['https://acme.harness.io\\api', 'has the host "acme.harness.io\\\\api", not a host name'],
    ['https://acme.harness.io.', 'has the host "acme.harness.io.", not a host name'],
    ['https://-acme.harness.io', 'has the host "-acme.harness.io", not a host name'],
    ['https://acme_1.harness.io', 'has the host "acme_1.harness.io", not a host name'],
    ['https://[::1', 'has the host "[::1", not a host name or an IPv6 address'],
    ['https://[::g]', 'has the host [::g], not an IPv6 address'],
    ['https://acme.harness.io/%2Fapi', 'has a path (/%2Fapi); the delegate adds /api/ and /log-service/ itself'],
  ]
  for (const [endpoint, problem] of cases) {
    const message = usageError(() => resolveOptions({ endpoint }))
    assert.ok(message.startsWith(`--endpoint ${JSON.stringify(endpoint)} ${problem}`), `${endpoint}: ${message}`)
    assert.ok(message.endsWith(`; ${FORM}`), message)
  }
})

test('the endpoint forms still accepted: dotted-quad and IPv6 hosts, scheme and host in any case, default port', () => {
  const cases: [string, string][] = [
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
    ['HTTPS://Acme.Harness.IO:8443/', 'https://acme.harness.io:8443'],
    ['https://acme.harness.io:443', 'https://acme.harness.io'],
    ['  https://acme.harness.io:8443  ', 'https://acme.harness.io:8443'],
    ['https://xn--bcher-kva.example:65535', 'https://xn--bcher-kva.example:65535'],
    ['https://acme.harness.io:1', 'https://acme.harness.io:1'],
  ]
  for (const [endpoint, expected] of cases) assert.is(resolveOptions({ endpoint }).endpoint, expected, endpoint)
})

test('--revert --endpoint: an account path is kept, but not encoded, dotted, empty or odd segments', () => {
  assert.is(normalizeRevertEndpoint('https://app.harness.io/gratis/'), 'https://app.harness.io/gratis')
  assert.is(normalizeRevertEndpoint('http://harness.example.com:8080/a/b'), 'http://harness.example.com:8080/a/b')
  const cases: [string, string][] = [
    ['https://app.harness.io/%67ratis', 'has an encoded path (/%67ratis); write the path without %-escapes'],
    ['https://app.harness.io/a/../gratis', 'has "." or ".." in its path (/a/../gratis)'],
    ['https://app.harness.io/./gratis', 'has "." or ".." in its path (/./gratis)'],
    ['https://app.harness.io//gratis', 'has an empty segment in its path (//gratis)'],
    ['https://app.harness.io/gr atis', 'has characters a URL path cannot hold as written ("/gr atis")'],
    ['https://127.1/gratis', 'has the numeric host 127.1'],
    ['https://u:p@app.harness.io/gratis', 'carries credentials'],
    ['https://app.harness.io:0/gratis', 'has the port 0'],
  ]
  for (const [endpoint, problem] of cases) {
    const message = usageError(() => normalizeRevertEndpoint(endpoint))
    assert.ok(message.startsWith(`--revert --endpoint "${endpoint}" ${problem}`), `${endpoint}: ${message}`)
  }
})

test('--mount-path: absolute and normalised; a trailing / dropped; ., .., //, :, control chars and / refused', () => {
  const at = (mountPath: string) => resolveOptions({ endpoint: 'https://acme.harness.io', mountPath }).mountPath
  assert.is(at('/etc/mtls/'), '/etc/mtls')
  assert.is(at('/var/run/harness-mtls'), '/var/run/harness-mtls')
  const EXPECTED = 'expected an absolute path without "." or ".." segments, "//" or ":", e.g. /etc/mtls'
  const cases: [string, string][] = [
    ['/', 'would mount the certificate over the whole file system'],
    ['//', 'would mount the certificate over the whole file system'],
    ['/etc/../mtls', 'has a "." or ".." segment'],
    ['/etc/mtls/..', 'has a "." or ".." segment'],
    ['/etc/./mtls', 'has a "." or ".." segment'],
    ['/etc//mtls', 'has an empty segment (//)'],
    ['/etc/mtls:ro', 'has a ":", which splits a docker-compose volume'],
    ['/etc/mt\nls', 'has a control character'],
  ]
  for (const [mountPath, problem] of cases)
    assert.is(
      usageError(() => at(mountPath)),
      `--mount-path ${JSON.stringify(mountPath)} ${problem}; ${EXPECTED}`,
      JSON.stringify(mountPath),
    )
})

test.run()
