/** SPEC §3, §6: warnings are true: no placeholder we just replaced, and a `{delegate}` name we had to guess is said. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../helpers/run.js'

const test = suite('mtls/warnings')

const delegate = (name = 'acme-delegate') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
      - name: delegate
        image: harness/delegate:24.09.83900
        env:
        - name: MANAGER_HOST_AND_PORT
          value: PUT_YOUR_MANAGER_HOST_AND_PORT
        - name: ACCOUNT_ID
          value: PUT_YOUR_ACCOUNT_ID
`
const config = (name: string, workload = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  config.yaml: |
    mode: Delegate
    dryRun: false
${workload}    delegateConfig:
      accountId: PUT_YOUR_ACCOUNT_ID
      managerHost: PUT_YOUR_MANAGER_HOST_AND_PORT
`
const cronJob = (name: string, configMap?: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "0 */1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: upgrader
            image: harness/upgrader:latest
${
  configMap
    ? `            volumeMounts:\n            - name: config-volume\n              ` +
      `mountPath: /etc/config\n          volumes:\n          - name: config-volume\n            ` +
      `configMap:\n              name: ${configMap}\n`
    : ''
}`

const placeholderWarnings = (diags: string[]) => diags.filter((d) => d.includes('placeholder'))

test('a placeholder the migration replaces is not reported; one it leaves is, once', () => {
  for (const input of [
    delegate(),
    config('acme-upgrader-config'),
    delegate() + '---\n' + config('acme-upgrader-config'),
  ]) {
    const r = run(input)
    assert.is(r.status, 'migrated')
    assert.equal(
      placeholderWarnings(r.diags).map((d) => d.replace(/^\d+:\d+ /, '')),
      ['warning LINT: placeholder PUT_YOUR_ACCOUNT_ID is still in the manifest; replace it before applying'],
      input,
    )
  }
  // An unowned env value with the same placeholder is still there, and is still reported.
  const kept = delegate()
    .replace('name: ACCOUNT_ID', 'name: OTHER_HOST')
    .replace('PUT_YOUR_ACCOUNT_ID', 'PUT_YOUR_MANAGER_HOST_AND_PORT')
  const r = run(kept)
  assert.equal(placeholderWarnings(r.diags), [
    '15:18 warning LINT: placeholder PUT_YOUR_MANAGER_HOST_AND_PORT is still in the manifest; ' +
      'replace it before applying',
  ])
})

const guessWarnings = (diags: string[]) => diags.filter((d) => d.includes('DELEGATE_NAME'))

test('{delegate} taken from a CronJob name without -upgrader-job is a warning that says which name and why', () => {
  const r = run(cronJob('acme-upgrader'), { secretName: '{delegate}-client-certificate' })
  assert.is(r.status, 'migrated')
  assert.equal(guessWarnings(r.diags), [
    '4:9 warning DELEGATE_NAME: {delegate} in the Secret name became "acme-upgrader", the ' +
      "CronJob's own name (it mounts no upgrader ConfigMap of the input and its name does not end " +
      'in -upgrader-job); no delegate of that name is in the input: check that the Secret ' +
      'acme-upgrader-client-certificate is the one its delegate mounts',
  ])
})

test('{delegate} taken from a ConfigMap name without -upgrader-config and no workloadName is a warning', () => {
  const r = run(config('acme-upgrader') + '---\n' + cronJob('acme-upgrader-job', 'acme-upgrader'), {
    secretName: '{delegate}-cc',
  })
  assert.is(r.status, 'migrated')
  assert.equal(guessWarnings(r.diags), [
    '16:9 warning DELEGATE_NAME: {delegate} in the Secret name became "acme-upgrader", the name of ' +
      'ConfigMap acme-upgrader (its config.yaml has no workloadName and the name does not end in ' +
      '-upgrader-config); no delegate of that name is in the input: check that the Secret ' +
      'acme-upgrader-cc is the one its delegate mounts',
  ])
})

test('no warning when the name is known: a suffix, a workloadName, a delegate of that name, or no {delegate}', () => {
  const known = [
    [cronJob('acme-upgrader-job'), '{delegate}-cc'],
    [config('acme-upgrader', '    workloadName: acme\n') + '---\n' + cronJob('x', 'acme-upgrader'), '{delegate}-cc'],
    [config('acme-upgrader-config') + '---\n' + cronJob('x', 'acme-upgrader-config'), '{delegate}-cc'],
    [delegate('acme-upgrader') + '---\n' + cronJob('acme-upgrader'), '{delegate}-cc'],
    [cronJob('acme-upgrader'), 'client-certificate'],
  ] as const
  for (const [input, secretName] of known) assert.equal(guessWarnings(run(input, { secretName }).diags), [], input)
})

test('a Helm chart template is one error that says to render it or migrate the values file', () => {
  const r = run(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n  labels:\n    ' +
      '{{- include "x" . | nindent 4 }}\n',
  )
  assert.is(r.status, 'error')
  assert.equal(r.diags.length, 1)
  assert.match(
    r.diags[0]!,
    /^4:9 error YAML_SYNTAX: this is a Helm chart template .*helm template.*migrate the chart's values file$/,
  )
})

test.run()
