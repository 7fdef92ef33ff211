/** SPEC §1 and §8: the endpoint and the options, checked before any file is read. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { UsageError } from '../../src/errors.js'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'

const test = suite('mtls/options')

const FORM =
  'expected an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io'

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
    `--endpoint "https://app.harness.io/gratis" has a path (/gratis); the delegate adds /api/ and /log-service/ itself; ${FORM}`,
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

test.run()
