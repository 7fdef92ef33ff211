import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { validate } from '../../src/validate/index.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

const delegate = {
  name: 'delegate',
  image: 'harness/delegate:24.07.83605',
  env: [
    { name: 'ACCOUNT_ID', value: 'abc123' },
    { name: 'DELEGATE_TOKEN', valueFrom: { secretKeyRef: { name: 'delegate-account-token', key: 'DELEGATE_TOKEN' } } },
  ],
  envFrom: [{ secretRef: { name: 'delegate-account-token' } }, { configMapRef: { name: 'delegate-proxy' } }],
  volumeMounts: [{ name: 'client-certificate', mountPath: '/etc/mtls', readOnly: true }],
  securityContext: { runAsUser: 0, runAsNonRoot: false },
  resources: { limits: { memory: '2048Mi' } },
}

const v = suite('validate')

v('a good container, pod spec and upgrader config pass', () => {
  assert.equal(validate('container', delegate), [])
  assert.equal(
    validate('podSpec', {
      containers: [delegate],
      volumes: [{ name: 'client-certificate', secret: { secretName: 'client-certificate', defaultMode: 0o400 } }],
      securityContext: { fsGroup: 1001 },
      serviceAccountName: 'upgrader',
    }),
    [],
  )
  assert.equal(
    validate('upgraderConfig', {
      mode: 'Delegate',
      dryRun: false,
      workloadName: 'my-delegate',
      namespace: 'harness-delegate-ng',
      containerName: 'delegate',
      delegateConfig: { accountId: 'abc123', managerHost: 'https://app.harness.io' },
      clientCertificateFilePath: '/etc/mtls/client.crt',
      clientCertificateKeyFilePath: '/etc/mtls/client.key',
    }),
    [],
  )
})

v('null env, volumeMounts and volumes are accepted (an empty key in YAML)', () => {
  assert.equal(validate('podSpec', { containers: [{ name: 'a', env: null, volumeMounts: null }], volumes: null }), [])
})

v('a non-string env value is reported at its path, asking for a string', () => {
  const problems = validate('container', { name: 'delegate', env: [{ name: 'INIT_SCRIPT', value: true }] })
  assert.is(problems.length, 1)
  assert.equal(problems[0]!.path, ['env', 0, 'value'])
  assert.match(problems[0]!.message, /string/)
  assert.match(problems[0]!.message, /quote it/)
  assert.equal(validate('envVar', { name: 'N', value: 1 })[0]!.path, ['value'])
})

v('a volume with defaultMode 1000 fails', () => {
  assert.equal(validate('volume', { name: 'v', secret: { secretName: 's', defaultMode: 1000 } }), [
    { path: ['secret', 'defaultMode'], message: 'must be an integer from 0 to 511' },
  ])
  assert.equal(validate('volume', { name: 'v', configMap: { name: 'c', defaultMode: '0644' } }).length, 1)
})

v('a container without name fails at path name', () => {
  assert.equal(validate('container', { image: 'x' }), [{ path: ['name'], message: 'is required' }])
})

v('an upgrader config that is not an object fails', () => {
  for (const data of ['mode: Delegate', ['a'], null, 42]) {
    const problems = validate('upgraderConfig', data)
    assert.is(problems.length, 1, JSON.stringify(data))
    assert.equal(problems[0]!.path, [])
    assert.match(problems[0]!.message, /object/)
  }
})

v('problems inside a pod spec carry the full path and are not repeated', () => {
  assert.equal(validate('podSpec', { containers: [{ name: 'a', volumeMounts: [{ name: 'm' }] }, {}] }), [
    { path: ['containers', 0, 'volumeMounts', 0, 'mountPath'], message: 'is required' },
    { path: ['containers', 1, 'name'], message: 'is required' },
  ])
  assert.equal(validate('podSpec', { containers: [] }), [
    { path: ['containers'], message: 'must have at least 1 item' },
  ])
})

v('the generated validators match schemas/ (run npm run build:validators if not)', () => {
  const result = spawnSync(process.execPath, ['scripts/build-validators.mjs', '--check'], {
    cwd: root,
    encoding: 'utf8',
  })
  assert.is(result.status, 0, result.stderr)
})

v.run()
