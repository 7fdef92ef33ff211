/** SPEC §7: the tool reads a manifest as the API server does, and accepts what it accepts, refuses what it refuses. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../helpers/run.js'

const test = suite('mtls/k8s-yaml')

// A migrated delegate; each test varies the volume's mode, the mount's readOnly, an env entry or the items.
const delegate = ({ mode = '256', readOnly = 'true', env = '', items = '' } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: acme-delegate
spec:
  template:
    spec:
      containers:
      - name: delegate
        image: harness/delegate:24.09.83900
        env:
        - name: MANAGER_HOST_AND_PORT
          value: https://acme.harness.io:8443
        - name: DELEGATE_CLIENT_CERTIFICATE_PATH
          value: /etc/mtls/client.crt
        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
          value: /etc/mtls/client.key
        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
          value: "true"
${env}        volumeMounts:
        - name: client-certificate
          mountPath: /etc/mtls
          readOnly: ${readOnly}
      volumes:
      - name: client-certificate
        secret:
          secretName: client-certificate
          defaultMode: ${mode}
${items}`

test('defaultMode 0400 in every integer spelling goyaml.v2 reads as 256 needs no change', () => {
  for (const mode of ['256', '0400', '0o400', '0O400', '0x100', '0X100', '0b100000000', '0x1_00', '+256']) {
    const r = run(delegate({ mode }))
    assert.is(r.status, 'already', mode)
    assert.equal(r.diags, [], mode)
  }
})

test('defaultMode 400 (decimal, octal 0620) is set to 256 with a reason that says so', () => {
  const r = run(delegate({ mode: '400' }))
  assert.is(r.status, 'migrated')
  assert.is(r.output, delegate({ mode: '256 # 0400' }))
  assert.match(r.changes[0]!.reason, /decimal \(octal 0620/)
})

test('readOnly: yes / on / Y is true', () => {
  for (const readOnly of ['yes', 'Yes', 'on', 'ON', 'y', 'True'])
    assert.is(run(delegate({ readOnly })).status, 'already')
  const r = run(delegate({ readOnly: 'off' }))
  assert.is(r.status, 'migrated')
  assert.is(r.output, delegate({ readOnly: 'true' }))
})

test('env values: 12:30 and 2001-12-14 are strings (accepted), on and 8080 are not (refused at their line)', () => {
  for (const v of ['12:30', '2001-12-14', '0o400x', '"on"']) {
    const r = run(delegate({ env: `        - name: OTHER\n          value: ${v}\n` }))
    assert.is(r.status, 'already', v)
    assert.equal(r.diags, [], v)
  }
  for (const v of ['on', 'yes', '8080', '0o400', '1e3']) {
    const r = run(delegate({ env: `        - name: OTHER\n          value: ${v}\n` }))
    assert.is(r.status, 'error', v)
    assert.equal(
      r.diags,
      [
        '21:18 error SCHEMA: Deployment acme-delegate: spec.template.spec.containers.0.env.4.value ' +
          'must be a string (Kubernetes reads env values as strings; quote it)',
      ],
      v,
    )
  }
})

test('a null env value is the empty string to the API server: accepted, and ours are filled in', () => {
  for (const v of ['', ' ~', ' null', ' NULL']) {
    const r = run(delegate({ env: `        - name: OTHER\n          value:${v}\n` }))
    assert.is(r.status, 'already', v)
  }
  const input = delegate().replace('value: https://acme.harness.io:8443', 'value:').replace('/etc/mtls/client.crt', '~')
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, [])
  assert.is(r.output, delegate())
})

test('a new value that would be retyped is quoted', () => {
  const r = run(delegate(), { endpoint: 'https://2001-12-14.example:8443' })
  assert.is(r.status, 'migrated')
  assert.ok(r.output.includes('value: https://2001-12-14.example:8443\n'), r.output)
  const s = run(delegate(), { secretName: 'on' })
  assert.ok(s.output.includes('secretName: "on"\n'), s.output)
})

const keyItem = (mode: string) =>
  `          items:\n          - key: client.crt\n            path: client.crt\n          - key: ` +
  `client.key\n            path: client.key\n            mode: ${mode}\n`

test('an Opaque Secret volume whose item makes client.key readable by group or others is a warning', () => {
  const input = delegate({ items: keyItem('0644') })
  const r = run(input)
  assert.is(r.status, 'already')
  const line = input.split('\n').indexOf('            mode: 0644') + 1
  assert.equal(r.diags, [
    `${line}:19 warning LINT: volume "client-certificate": the item for client.key has mode 0644, ` +
      `which lets group or others read the key; remove it (defaultMode 0400 then applies) or set 0400`,
  ])
  for (const mode of ['0400', '256', '0600', '0o400'])
    assert.equal(run(delegate({ items: keyItem(mode) })).diags, [], mode)
})

test.run()
