/**
 * cert-manager's Secret is `kubernetes.io/tls` (tls.crt, tls.key, ca.crt) while the delegate reads client.crt and
 * client.key: when the input shows the Secret is such one (the Secret itself, or a cert-manager Certificate naming
 * it, in the delegate's namespace), the volume maps the files with `items`. Checked here beyond the golden
 * (test/fixtures/shapes/cert-manager-certificate*.yaml): what decides it, existing items, the key's item mode,
 * grouped planning, --revert, and audit.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { audit } from '../../src/audit/audit.js'
import { migrate, resolveOptions } from '../../src/pipeline/migrate.js'
import { revert } from '../../src/pipeline/revert.js'
import { REPO_ROOT } from '../shapes/cases.js'

const E = 'https://acme.harness.io:8443'
const FIXTURE = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'shapes', 'cert-manager-certificate.yaml'), 'utf8')

const deployment = (namespace = 'ns', volumes = '') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    `  namespace: ${namespace}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:25.10.87101',
    '        env:',
    '        - name: MANAGER_HOST_AND_PORT',
    '          value: https://app.harness.io',
    volumes,
  ].join('\n')

const tlsSecret = (namespace = 'ns') =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: client-certificate\n  namespace: ` +
  `${namespace}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ""\n  tls.key: ""\n---\n`
const certificate = (secretName: string, namespace = 'ns', apiVersion = 'cert-manager.io/v1') =>
  `apiVersion: ${apiVersion}\nkind: Certificate\nmetadata:\n  name: c\n  namespace: ` +
  `${namespace}\nspec:\n  secretName: ${secretName}\n  issuerRef:\n    name: ca\n---\n`

const ITEMS =
  '          items:\n          - key: tls.crt\n            path: client.crt\n          - key: ' +
  'tls.key\n            path: client.key\n'

const run = (text: string) => migrate(text, { endpoint: E, file: 'in.yaml' })

const test = suite('cert-manager / kubernetes.io/tls Secret: the volume maps tls.* to client.*')

test('a tls Secret or a Certificate for it, same namespace: the new volume gets the items, nothing else', () => {
  const plain = run(deployment()).output
  assert.ok(plain.endsWith('          defaultMode: 256 # 0400\n'), plain)
  for (const [title, before] of [
    ['kubernetes.io/tls Secret', tlsSecret()],
    ['Certificate', certificate('client-certificate')],
  ] as const) {
    const r = run(before + deployment())
    assert.is(r.status, 'migrated', title)
    assert.is(r.output, before + plain + ITEMS, title)
    assert.equal(
      r.changes.filter((c) => c.path.endsWith('volumes')).map((c) => c.after),
      [
        {
          name: 'client-certificate',
          secret: {
            secretName: 'client-certificate',
            defaultMode: 256,
            items: [
              { key: 'tls.crt', path: 'client.crt' },
              { key: 'tls.key', path: 'client.key' },
            ],
          },
        },
      ],
      title,
    )
    // Idempotent: the output is a fixed point.
    assert.is(run(r.output).status, 'already', title)
  }
})

test(
  'without a namespace on either side, the Certificate and the delegate are in one namespace ' +
    '(the one kubectl apply uses)',
  () => {
    const unset = (text: string) => text.replace('  namespace: ns\n', '')
    const plain = run(unset(deployment())).output
    const before = unset(certificate('client-certificate'))
    const r = run(before + unset(deployment()))
    assert.is(r.output, before + plain + ITEMS)
  },
)

test('not the delegate Secret: another name, another namespace, an Opaque Secret, another API group: no items', () => {
  for (const [title, before] of [
    ['Certificate for another Secret', certificate('other')],
    ['Certificate in another namespace', certificate('client-certificate', 'elsewhere')],
    // A resource without a namespace is in the namespace of the apply, which may not be the delegate's `ns`.
    ['Certificate without a namespace', certificate('client-certificate').replace('  namespace: ns\n', '')],
    ['tls Secret in another namespace', tlsSecret('elsewhere')],
    ['Opaque Secret', tlsSecret().replace('kubernetes.io/tls', 'Opaque')],
    ['another Certificate kind', certificate('client-certificate', 'ns', 'example.com/v1')],
  ] as const) {
    const r = run(before + deployment())
    assert.is(r.output, before + run(deployment()).output, title)
  }
})

test('existing items: others kept, ours added or pointed at tls.*; a readable key item mode is a warning', () => {
  const volumes = (items: string) =>
    '      volumes:\n      - name: client-certificate\n        secret:\n          secretName: ' +
    'client-certificate\n          defaultMode: 256\n          items:\n' +
    items
  const ca = '          - key: ca.crt\n            path: ca.crt\n'
  const input =
    certificate('client-certificate') +
    deployment(
      'ns',
      volumes(ca + '          - key: client.key\n            path: client.key\n            mode: 0640\n'),
    )
  const r = run(input)
  assert.ok(
    r.output.endsWith(
      volumes(
        ca +
          '          - key: tls.key\n            path: client.key\n            mode: 0640\n         ' +
          ' - key: tls.crt\n            path: client.crt\n',
      ),
    ),
    r.output,
  )
  assert.equal(
    r.diagnostics.map((d) => [d.code, d.severity, d.line, d.message]),
    [
      [
        'LINT',
        'warning',
        input.split('\n').indexOf('            mode: 0640') + 1,
        'volume "client-certificate": the item for client.key has mode 0640, which lets group or ' +
          'others read the key; remove it (defaultMode 0400 then applies) or set 0400',
      ],
    ],
  )
  // Already mapped, mode private: nothing to do, nothing to say.
  const done = run(
    certificate('client-certificate') +
      deployment(
        'ns',
        volumes(
          '          - key: tls.crt\n            path: client.crt\n          - key: tls.key\n       ' +
            '     path: client.key\n            mode: 0400\n',
        ),
      ),
  )
  assert.equal(
    done.changes.filter((c) => c.path.includes('volumes')),
    [],
  )
  assert.equal(done.diagnostics, [])
})

test('grouped planning (large streams) gives the same bytes, changes and diagnostics', () => {
  // The Certificate's own name is not the Secret's: the grouping must still bring it in.
  const input =
    deployment() + '---\n' + certificate('client-certificate') + deployment('other').replace('name: d', 'name: e')
  const whole = migrate(input, { endpoint: E, file: 'in.yaml' }, { grouped: false })
  const grouped = migrate(input, { endpoint: E, file: 'in.yaml' }, { grouped: true })
  assert.ok(whole.output.includes(ITEMS))
  assert.is(grouped.output, whole.output)
  assert.equal(grouped.changes, whole.changes)
  assert.equal(grouped.diagnostics, whole.diagnostics)
  for (const text of [FIXTURE, FIXTURE.split('\n---\n').reverse().join('\n---\n')]) {
    const a = migrate(text, { endpoint: E, file: 'f.yaml' }, { grouped: false })
    const b = migrate(text, { endpoint: E, file: 'f.yaml' }, { grouped: true })
    assert.is(b.output, a.output)
    assert.equal(b.diagnostics, a.diagnostics)
  }
})

test('--revert gives the original back, items and all', () => {
  const input = certificate('client-certificate') + deployment()
  const migrated = run(input).output
  assert.ok(migrated.includes(ITEMS))
  const back = revert(migrated, { endpoint: 'https://app.harness.io', file: 'in.yaml' })
  assert.is(back.output, input)
})

test('audit: a tls Secret mounted without the mapping is not ready; with it, ready', () => {
  const migrated = run(certificate('client-certificate') + deployment()).output
  const ready = audit([{ path: 'a.yaml', text: migrated }])
  assert.is(ready.ready, true)
  const unmapped = audit([{ path: 'a.yaml', text: migrated.replace(ITEMS, '') }])
  assert.is(unmapped.ready, false)
  assert.equal(unmapped.delegates[0]!.missing, ['volumes client-certificate.secret.items'])
  // The same when the Certificate is in another file of the audit.
  const split = audit([
    { path: 'cert.yaml', text: certificate('client-certificate').replace(/---\n$/, '') },
    { path: 'd.yaml', text: run(deployment()).output },
  ])
  assert.is(split.ready, false)
  assert.equal(split.delegates[0]!.missing, ['volumes client-certificate.secret.items'])
})

test.run()

const owned = suite('cert-manager owns the Secret: --cert/--key cannot fill it')

owned(
  '--cert/--key with a tls Secret or a Certificate for it: a located error, exit status error, nothing written',
  () => {
    const pem = { certPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', keyPem: 'k' }
    for (const [title, before, line] of [
      ['tls Secret', tlsSecret(), 1],
      ['Certificate', certificate('client-certificate'), 11],
    ] as const) {
      const input = before + deployment()
      const r = migrate(input, { ...resolveOptions({ endpoint: E }), secret: pem, file: 'in.yaml' })
      assert.is(r.status, 'error', title)
      assert.is(r.output, input, title)
      const errors = r.diagnostics.filter((d) => d.severity === 'error')
      assert.equal(
        errors.map((d) => [d.code, d.line]),
        [['CONFLICT', line]],
        title,
      )
      assert.match(errors[0]!.message, /which cert-manager issues and renews: --cert\/--key cannot fill it/)
    }
  },
)

owned.run()
