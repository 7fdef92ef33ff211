/** Inputs the parser must refuse, with a position, before anything is planned. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { yaml } from '../helpers/dedent.js'
import { run } from '../helpers/run.js'

const test = suite('yaml/parse')

test('duplicate keys are an error at the second key (Kubernetes rejects them too)', () => {
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
            image: harness/delegate:24.09.83900
            env:
            - name: A
              value: a
              value: b
  `
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(r.diags, ['14:11 error YAML_SYNTAX: invalid YAML: Map keys must be unique'])
})

test("a duplicate key in a later document names that document's line", () => {
  const r = run('a: 1\n---\nkind: ConfigMap\ndata:\n  x: 1\n  x: 2\n')
  assert.equal(r.diags, ['6:3 error YAML_SYNTAX: invalid YAML: Map keys must be unique'])
})

const bomb = (prefix: string) => [
  `${prefix}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
  ...'bcdefghi'.split('').map(
    (k, i) =>
      `${prefix}${k}: &${k} [${Array(9)
        .fill('*' + 'abcdefghi'[i])
        .join(',')}]`,
  ),
]

test('an alias bomb in a document we do not touch passes through unexpanded, within a second', () => {
  const input = [...bomb(''), ''].join('\n')
  const started = performance.now()
  const r = run(input)
  const ms = performance.now() - started
  assert.ok(ms < 1000, `took ${Math.round(ms)} ms`)
  assert.is(r.status, 'none')
  assert.is(r.output, input)
})

test('an alias bomb inside a delegate Deployment is refused within a second', () => {
  const input = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    '  labels:',
    ...bomb('    '),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: delegate',
    '        image: harness/delegate:24.09.83900',
    '',
  ].join('\n')
  const started = performance.now()
  const r = run(input)
  const ms = performance.now() - started
  assert.ok(ms < 1000, `took ${Math.round(ms)} ms`)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(r.diags, [
    '1:1 error YAML_SYNTAX: Deployment d: cannot be decoded: Excessive alias count indicates a ' +
      'resource exhaustion attack',
  ])
})

test('a syntax error has its line and column', () => {
  const r = run('a: [1, 2\nb: 3\n')
  assert.is(r.status, 'error')
  assert.equal(r.diags, [
    '2:1 error YAML_SYNTAX: invalid YAML: Flow sequence in block collection must be sufficiently ' +
      'indented and end with a ]',
  ])
})

test('YAML 1.1 scalars are read as Kubernetes reads them: 0400 is 256, so defaultMode 0400 needs no change', () => {
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
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: yes
          volumes:
          - name: client-certificate
            secret:
              secretName: client-certificate
              defaultMode: 0400
  `
  const r = run(input)
  assert.is(r.status, 'already')
  assert.equal(r.changes, [])
  assert.is(r.output, input)
})

test.run()
