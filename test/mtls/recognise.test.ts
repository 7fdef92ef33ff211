/** SPEC §2: what is a delegate, what is refused, and what passes through untouched. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { yaml } from '../helpers/dedent.js'
import { run } from '../helpers/run.js'

const test = suite('mtls/recognise')

test('YAML with no delegate is status none, output identical, no diagnostics', () => {
  const input = yaml`
    # a Service and a ConfigMap, nothing to do with a delegate
    apiVersion: v1
    kind: Service
    metadata:
      name: web   # trailing comment
    spec:
      ports: [ {port: 80} ]
    ---
    apiVersion: v1
    kind: ConfigMap
    data:
      config.yaml: |
        mode: Other
  `
  const r = run(input)
  assert.is(r.status, 'none')
  assert.is(r.output, input)
  assert.equal(r.changes, [])
  assert.equal(r.diags, [])
  assert.equal(r.resources, [])
})

test('an empty input and a comment-only input are status none', () => {
  for (const input of ['', '# nothing here\n', '---\n']) {
    const r = run(input)
    assert.is(r.status, 'none', JSON.stringify(input))
    assert.is(r.output, input)
  }
})

test('a Deployment whose containers are not a delegate is left alone', () => {
  const input = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `
  const r = run(input)
  assert.is(r.status, 'none')
  assert.is(r.output, input)
})

test('the delegate container is found by MANAGER_HOST_AND_PORT when it is not named delegate', () => {
  const input = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: sidecar
            image: busybox:1.36
          - name: main
            image: registry.example.com/mirror/delegate:24.09.83900.minimal
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://app.harness.io
  `
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.equal(r.resources, [{ document: 0, kind: 'Deployment', name: 'd', type: 'delegate' }])
  assert.ok(
    r.changes.every((c) => c.path.includes('containers[name=main]') || c.path.endsWith('.volumes')),
    JSON.stringify(r.changes.map((c) => c.path)),
  )
})

test('legacy delegates are refused: StatefulSet, tag latest, harness-delegate-instance, watcher env', () => {
  const deployment = (container: string) =>
    yaml`
    apiVersion: apps/v1
    kind: KIND
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: NAME
            image: IMAGE
            env:
            - name: ENV
              value: x
  `.replace('NAME', container)
  const cases: [string, string, string, string, string][] = [
    [
      'StatefulSet',
      'delegate',
      'harness/delegate:24.09.83900',
      'MANAGER_HOST_AND_PORT',
      '9:9 error LEGACY_DELEGATE: StatefulSet d: a StatefulSet delegate is a legacy delegate',
    ],
    [
      'Deployment',
      'delegate',
      'harness/delegate:latest',
      'MANAGER_HOST_AND_PORT',
      '10:16 error LEGACY_DELEGATE: Deployment d: image "harness/delegate:latest" is a legacy delegate image',
    ],
    [
      'Deployment',
      'harness-delegate-instance',
      'harness/delegate:24.09.83900',
      'MANAGER_HOST_AND_PORT',
      '9:15 error LEGACY_DELEGATE: Deployment d: container "harness-delegate-instance" is a legacy delegate',
    ],
    [
      'Deployment',
      'delegate',
      'harness/delegate:24.09.83900',
      'WATCHER_STORAGE_URL',
      '12:9 error LEGACY_DELEGATE: Deployment d: env WATCHER_STORAGE_URL belongs to a legacy (watcher) delegate',
    ],
  ]
  for (const [kind, name, image, env, diag] of cases) {
    const input = deployment(name).replace('KIND', kind).replace('IMAGE', image).replace('ENV', env)
    const r = run(input)
    assert.is(r.status, 'error', diag)
    assert.is(r.output, input)
    assert.equal(r.diags, [
      `${diag}; Harness supports mTLS only on immutable delegates (image tag yy.mm.xxxxx): upgrade ` +
        `to an immutable delegate first`,
    ])
  }
})

test('a placeholder image is not refused: a warning, and the migration goes on', () => {
  const input = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers:
          - name: delegate
            image: PUT_YOUR_DELEGATE_IMAGE
            env:
            - name: MANAGER_HOST_AND_PORT
              value: https://app.harness.io
  `
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, [
    '10:16 warning IMAGE: cannot tell from image "PUT_YOUR_DELEGATE_IMAGE" whether this is an ' +
      'immutable delegate (yy.mm.xxxxx); mTLS needs one',
    '10:16 warning LINT: placeholder PUT_YOUR_DELEGATE_IMAGE is still in the manifest; replace it before applying',
  ])
})

test.run()
