/**
 * `delegate-mtls secret --cert-manager-issuer NAME`: a cert-manager Certificate whose Secret the delegate can
 * use, validated against cert-manager's published schema (@kubernetes-models/cert-manager).
 */
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1'
import { parse } from 'yaml'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cli } from './harness.js'
import { tmpdir } from 'node:os'

const cwd = tmpdir()
const test = suite('secret --cert-manager-issuer: a cert-manager Certificate')

/** Validates with cert-manager's schema; the message of the first problem, or undefined. */
function schemaProblem(value: unknown): string | undefined {
  try {
    new Certificate(value as ConstructorParameters<typeof Certificate>[0]).validate()
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

const EXPECTED = [
  '# cert-manager writes Secret client-certificate as type kubernetes.io/tls (tls.crt, tls.key, ca.crt); the delegate',
  '# reads client.crt and client.key: delegate-mtls maps them in the volume when this Certificate is in its input.',
  'apiVersion: cert-manager.io/v1',
  'kind: Certificate',
  'metadata:',
  '  name: client-certificate',
  'spec:',
  '  secretName: client-certificate',
  '  commonName: harness-delegate',
  '  duration: 2160h',
  '  renewBefore: 360h',
  '  privateKey:',
  '    algorithm: RSA',
  '    size: 2048',
  "    # PKCS8, not cert-manager's default PKCS1: the delegate cannot load a PKCS#1 key.",
  '    encoding: PKCS8',
  '  usages:',
  '    - digital signature',
  '    - key encipherment',
  '    - client auth',
  '  issuerRef:',
  '    name: harness-ca',
  '    kind: Issuer',
  '    group: cert-manager.io',
  '',
].join('\n')

test('defaults: the exact bytes, valid against the cert-manager schema, no --cert/--key needed', async () => {
  const r = await cli(['secret', '--cert-manager-issuer', 'harness-ca'], { cwd })
  assert.is(r.stderr, '')
  assert.is(r.code, 0)
  assert.is(r.stdout, EXPECTED)
  const value = parse(r.stdout) as Record<string, unknown>
  assert.is(schemaProblem(value), undefined)
  // The validator is not a rubber stamp: cert-manager's own schema refuses a wrong encoding or usage.
  const spec = value.spec as Record<string, Record<string, unknown>>
  assert.match(
    schemaProblem({ ...value, spec: { ...spec, privateKey: { ...spec.privateKey, encoding: 'PKCS9' } } }) ?? '',
    /privateKey\/encoding/,
  )
  assert.match(schemaProblem({ ...value, spec: { ...spec, usages: ['client authentication'] } }) ?? '', /usages/)
})

test('--issuer-kind, --name, -n, --duration, --renew-before', async () => {
  const r = await cli(
    [
      'secret',
      '--cert-manager-issuer',
      'corp-ca',
      '--issuer-kind',
      'ClusterIssuer',
      '--name',
      'east-client-certificate',
      '-n',
      'harness-delegate-ng',
      '--duration',
      '720h',
      '--renew-before',
      '168h',
    ],
    { cwd },
  )
  assert.is(r.code, 0, r.stderr)
  const value = parse(r.stdout) as {
    metadata: unknown
    spec: { secretName: string; duration: string; renewBefore: string; issuerRef: unknown }
  }
  assert.equal(value.metadata, { name: 'east-client-certificate', namespace: 'harness-delegate-ng' })
  assert.equal(
    [value.spec.secretName, value.spec.duration, value.spec.renewBefore, value.spec.issuerRef],
    ['east-client-certificate', '720h', '168h', { name: 'corp-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' }],
  )
  assert.is(schemaProblem(value), undefined)
})

test('usage errors: exit 2, the reason, nothing on stdout', async () => {
  const usage = (msg: string) => `delegate-mtls: ${msg}\nRun "delegate-mtls --help" for usage.\n`
  const cases: [string[], string][] = [
    [
      ['secret', '--cert-manager-issuer', 'ca', '--cert', 'a.crt', '--key', 'a.key'],
      usage(
        '--cert-manager-issuer prints a Certificate that cert-manager issues and stores: --cert, ' +
          '--key cannot go with it',
      ),
    ],
    [['secret', '--duration', '720h', '--cert', 'a', '--key', 'b'], usage('--duration go with --cert-manager-issuer')],
    [['secret'], usage('Missing required arguments: cert, key')],
    [
      ['secret', '--cert-manager-issuer', 'ca', '--duration', '90d'],
      usage('--duration "90d" is not a duration: expected e.g. 2160h or 90m'),
    ],
    [
      ['secret', '--cert-manager-issuer', 'ca', '--duration', '30m'],
      usage('--duration 30m is under 1h, which cert-manager refuses'),
    ],
    [
      ['secret', '--cert-manager-issuer', 'ca', '--duration', '360h', '--renew-before', '360h'],
      usage('--renew-before 360h must be shorter than --duration 360h'),
    ],
    [
      ['secret', '--cert-manager-issuer', 'Bad_Name'],
      usage('--cert-manager-issuer "Bad_Name" is not a valid Kubernetes object name'),
    ],
  ]
  for (const [argv, stderr] of cases) {
    const r = await cli(argv, { cwd })
    assert.is(r.stderr, stderr, argv.join(' '))
    assert.is(r.code, 2)
    assert.is(r.stdout, '')
  }
  const kind = await cli(['secret', '--cert-manager-issuer', 'ca', '--issuer-kind', 'CA'], { cwd })
  assert.is(kind.code, 2)
  assert.match(kind.stderr, /issuer-kind/)
})

test.run()
