/**
 * A rule runs alone on plain data (src/mtls/plan.ts `runRule`): what it plans is a list of steps, each a change
 * as data, and the renderer (src/mtls/render.ts) turns the steps that share a place into one splice.
 */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { classify, type DelegateWorkload, type UpgraderConfig } from '../../src/resources/classify.js'
import { RULES, runRule } from '../../src/mtls/plan.js'
import { planDelegate } from '../../src/mtls/plan-delegate.js'
import { planUpgraderConfig } from '../../src/mtls/plan-upgrader.js'
import { resolveOptions } from '../../src/pipeline/migrate.js'
import { applySplices } from '../../src/yaml/splice.js'
import { parseStream } from '../../src/yaml/parse.js'
import { yaml } from '../helpers/dedent.js'

const test = suite('mtls/rules')
const options = resolveOptions({ endpoint: 'https://acme.agent.harness.io' })

function resources(src: string) {
  const { docs, errors } = parseStream(src, 'in.yaml')
  assert.equal(errors, [])
  return docs.map((doc, i) => classify(doc, i))
}

const DELEGATE = yaml`
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
            value: https://app.harness.io
`

test('the delegate rule alone: its steps as data, in order, with their roles', () => {
  const all = resources(DELEGATE)
  const res = all[0] as DelegateWorkload
  assert.is(res.type, 'delegate')
  const { steps, diagnostics } = runRule(
    planDelegate,
    { src: DELEGATE, eol: '\n', file: 'in.yaml', options, resources: all },
    res,
  )
  assert.equal(diagnostics, [])
  assert.equal(
    steps.map((s) => [s.change.op, s.change.path, s.change.role]),
    [
      ['set', 'spec.template.spec.containers[name=delegate].env[name=MANAGER_HOST_AND_PORT].value', 'endpoint'],
      ['append', 'spec.template.spec.containers[name=delegate].env', 'certificate'],
      ['append', 'spec.template.spec.containers[name=delegate].env', 'key'],
      ['append', 'spec.template.spec.containers[name=delegate].env', 'flag'],
      ['append', 'spec.template.spec.containers[name=delegate].volumeMounts', 'mount'],
      ['append', 'spec.template.spec.volumes', 'volume'],
    ],
  )
})

test('appends to one list are rendered as one block, carried by the last of them', () => {
  const all = resources(DELEGATE)
  const { steps } = runRule(
    planDelegate,
    { src: DELEGATE, eol: '\n', file: 'in.yaml', options, resources: all },
    all[0] as DelegateWorkload,
  )
  const appends = steps.filter((s) => s.change.path.endsWith('.env'))
  assert.is(appends.length, 3)
  assert.equal(
    appends.map((s) => s.splices.length),
    [0, 0, 1],
  )
  const out = applySplices(
    DELEGATE,
    steps.flatMap((s) => s.splices),
  )
  assert.ok(
    out.includes(
      [
        '          value: https://acme.agent.harness.io',
        '        - name: DELEGATE_CLIENT_CERTIFICATE_PATH',
        '          value: "/etc/mtls/client.crt"',
        '        - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH',
        '          value: "/etc/mtls/client.key"',
        '        - name: GRPC_AUTHORITY_MODIFICATION_DISABLED',
        '          value: "true"',
        '        volumeMounts:',
      ].join('\n'),
    ),
    out,
  )
})

test('a rule inside config.yaml files its steps under the ConfigMap, with the inner path', () => {
  const src = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: d-upgrader-config
    data:
      config.yaml: |
        mode: Delegate
        dryRun: false
        workloadName: d
        namespace: harness-delegate-ng
        containerName: delegate
        delegateConfig:
          accountId: x
          managerHost: https://app.harness.io
  `
  const all = resources(src)
  const res = all[0] as UpgraderConfig
  assert.is(res.type, 'upgrader-config')
  const { steps } = runRule(planUpgraderConfig, { src, eol: '\n', file: 'in.yaml', options, resources: all }, res)
  assert.equal(
    steps.map((s) => [s.change.op, s.ptr, s.inner]),
    [
      ['set', ['data', 'config.yaml'], ['delegateConfig', 'managerHost']],
      ['add', ['data', 'config.yaml'], ['clientCertificateFilePath']],
      ['add', ['data', 'config.yaml'], ['clientCertificateKeyFilePath']],
    ],
  )
  // One splice for the block, on the first step: the inner edits are mapped into the block in one go.
  assert.equal(
    steps.map((s) => s.splices.length > 0),
    [true, false, false],
  )
})

test('the rules run in a fixed order, every delegate before its upgrader', () => {
  assert.equal(
    RULES.map((r) => r.type),
    ['delegate', 'upgrader-config', 'upgrader-cronjob', 'helm-values', 'compose'],
  )
})

test.run()
