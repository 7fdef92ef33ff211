/** SPEC §3 ({delegate}), §4, §6: the upgrader ConfigMap's config.yaml and the upgrader CronJob. */
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { yaml } from '../helpers/dedent.js'
import { run } from '../helpers/run.js'
import { parse } from 'yaml'
import { isUpgraderConfigText, upgraderConfigFacts } from '../../src/resources/upgrader-config.js'

const test = suite('mtls/upgrader')

// Delegate `acme-delegate`; its upgrader resources are named `acme-upgrader-*`, so only config.yaml's
// workloadName says which delegate they serve.
const stack = yaml`
  apiVersion: apps/v1
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
            value: https://app.harness.io/gratis
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: acme-upgrader-config
  data:
    config.yaml: |-
      mode: Delegate
      dryRun: false
      workloadName: acme-delegate
      # the container to upgrade
      containerName: delegate
      delegateConfig:
        accountId: ACCOUNT_ID
        managerHost: https://app.harness.io/gratis # old
  ---
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: acme-upgrader-job
  spec:
    schedule: "0 */1 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            containers:
            - image: harness/upgrader:latest
              name: upgrader
              volumeMounts:
              - name: config-volume
                mountPath: /etc/config
            volumes:
            - name: config-volume
              configMap:
                name: acme-upgrader-config
`

const migrated = yaml`
  apiVersion: apps/v1
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
            value: "/etc/mtls/client.crt"
          - name: DELEGATE_CLIENT_CERTIFICATE_KEY_PATH
            value: "/etc/mtls/client.key"
          - name: GRPC_AUTHORITY_MODIFICATION_DISABLED
            value: "true"
          volumeMounts:
          - name: client-certificate
            mountPath: /etc/mtls
            readOnly: true
        volumes:
        - name: client-certificate
          secret:
            secretName: acme-delegate-client-certificate
            defaultMode: 256 # 0400
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: acme-upgrader-config
  data:
    config.yaml: |-
      mode: Delegate
      dryRun: false
      workloadName: acme-delegate
      # the container to upgrade
      containerName: delegate
      clientCertificateFilePath: /etc/mtls/client.crt
      clientCertificateKeyFilePath: /etc/mtls/client.key
      delegateConfig:
        accountId: ACCOUNT_ID
        managerHost: https://acme.harness.io:8443 # old
  ---
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: acme-upgrader-job
  spec:
    schedule: "0 */1 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            containers:
            - image: harness/upgrader:latest
              name: upgrader
              volumeMounts:
              - name: config-volume
                mountPath: /etc/config
              - name: client-certificate
                mountPath: /etc/mtls
                readOnly: true
            volumes:
            - name: config-volume
              configMap:
                name: acme-upgrader-config
            - name: client-certificate
              secret:
                secretName: acme-delegate-client-certificate
                defaultMode: 256 # 0400
`

test("{delegate} in the secret name is the Deployment's name, and the upgrader's workloadName", () => {
  const r = run(stack, { secretName: '{delegate}-client-certificate' })
  assert.is(r.status, 'migrated')
  assert.equal(r.diags, [])
  assert.is(r.output, migrated)
})

test('config.yaml keeps |- and its comments; the certificate paths go right after containerName', () => {
  const r = run(stack, { secretName: '{delegate}-client-certificate' })
  assert.equal(
    r.changes.filter((c) => c.resource.kind === 'ConfigMap').map((c) => [c.op, c.path, c.after]),
    [
      ['set', 'data."config.yaml".delegateConfig.managerHost', 'https://acme.harness.io:8443'],
      ['add', 'data."config.yaml".clientCertificateFilePath', '/etc/mtls/client.crt'],
      ['add', 'data."config.yaml".clientCertificateKeyFilePath', '/etc/mtls/client.key'],
    ],
  )
})

test('the same stack with CRLF line endings comes out with CRLF everywhere, config.yaml included', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n')
  const r = run(crlf(stack), { secretName: '{delegate}-client-certificate' })
  assert.is(r.status, 'migrated')
  assert.is(r.output, crlf(migrated))
  assert.is(run(r.output, { secretName: '{delegate}-client-certificate' }).status, 'already')
})

test('a `|` config.yaml without containerName: the paths go at the end; a quoted managerHost stays quoted', () => {
  const input = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: acme-upgrader-config
    data:
      config.yaml: |
        mode: Delegate
        dryRun: false
        workloadName: acme-delegate
        namespace: harness-delegate-ng
        delegateConfig:
          accountId: ACCOUNT_ID
          managerHost: "https://app.harness.io/gratis"
      other: x
  `
  const r = run(input)
  assert.is(r.status, 'migrated')
  assert.is(
    r.output,
    yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: acme-upgrader-config
    data:
      config.yaml: |
        mode: Delegate
        dryRun: false
        workloadName: acme-delegate
        namespace: harness-delegate-ng
        delegateConfig:
          accountId: ACCOUNT_ID
          managerHost: "https://acme.harness.io:8443"
        clientCertificateFilePath: /etc/mtls/client.crt
        clientCertificateKeyFilePath: /etc/mtls/client.key
      other: x
  `,
  )
})

const cronJob = (name: string, volumes: string) =>
  yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: NAME
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
              - image: harness/upgrader:latest
                name: upgrader
  `.replace('NAME', name) + volumes

const ourCronJobParts = (secretName: string) =>
  [
    '            volumeMounts:',
    '            - name: client-certificate',
    '              mountPath: /etc/mtls',
    '              readOnly: true',
    '          volumes:',
    '          - name: client-certificate',
    '            secret:',
    `              secretName: ${secretName}`,
    '              defaultMode: 256 # 0400',
    '',
  ].join('\n')

test('a CronJob alone: {delegate} is the part of its name before -upgrader-job', () => {
  const r = run(cronJob('acme-delegate-upgrader-job', ''), { secretName: '{delegate}-client-certificate' })
  assert.is(r.status, 'migrated')
  assert.is(r.output, cronJob('acme-delegate-upgrader-job', ourCronJobParts('acme-delegate-client-certificate')))
})

test(
  'the Harness 2023 doc bug (volume config-certificate, mount client-certificate) is repaired by ' +
    'renaming the volume',
  () => {
    const mount = [
      '            volumeMounts:',
      '            - name: client-certificate',
      '              mountPath: /etc/mtls',
      '              readOnly: true',
      '',
    ].join('\n')
    const input = cronJob(
      'acme-delegate-upgrader-job',
      mount +
        [
          '          volumes:',
          '          - name: config-certificate',
          '            secret:',
          '              secretName: client-certificate',
          '              defaultMode: 256',
          '',
        ].join('\n'),
    )
    const r = run(input)
    assert.is(r.status, 'migrated')
    assert.equal(
      r.changes.map((c) => [c.op, c.path, c.before, c.after]),
      [
        [
          'set',
          'spec.jobTemplate.spec.template.spec.volumes[name=config-certificate].name',
          'config-certificate',
          'client-certificate',
        ],
      ],
    )
    assert.is(r.output, input.replace('- name: config-certificate', '- name: client-certificate'))
  },
)

test(
  "the 2023 doc's config-certificate volume holding the delegate token gets the client " + 'certificate Secret instead',
  () => {
    const mount = [
      '            volumeMounts:',
      '            - name: client-certificate',
      '              mountPath: /etc/mtls',
      '              readOnly: true',
      '',
    ].join('\n')
    const input = cronJob(
      'acme-delegate-upgrader-job',
      mount +
        [
          '          volumes:',
          '          - name: config-certificate',
          '            secret:',
          '              secretName: acme-delegate-account-token',
          '              defaultMode: 400',
          '',
        ].join('\n'),
    )
    const r = run(input)
    assert.is(r.status, 'migrated')
    assert.equal(r.diags, [])
    assert.is(r.output, cronJob('acme-delegate-upgrader-job', ourCronJobParts('client-certificate')))
  },
)

test("the upgrader CronJob uses the secret name the delegate's existing volume has", () => {
  const deployment = yaml`
    apiVersion: apps/v1
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
            volumeMounts:
            - name: client-certificate
              mountPath: /etc/mtls
              readOnly: true
          volumes:
          - name: client-certificate
            secret:
              secretName: mtls-cert
              defaultMode: 256
    ---
  `
  const r = run(deployment + cronJob('acme-delegate-upgrader-job', ''))
  assert.is(r.status, 'migrated')
  assert.is(r.output, deployment + cronJob('acme-delegate-upgrader-job', ourCronJobParts('mtls-cert')))
})

test('config.yaml written as a mapping (a doc bug) is an error at its location', () => {
  const input = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: acme-upgrader-config
    data:
      config.yaml:
        mode: Delegate
        workloadName: acme-delegate
  `
  const r = run(input)
  assert.is(r.status, 'error')
  assert.is(r.output, input)
  assert.equal(r.diags, [
    '7:5 error CONFIG_YAML_NOT_STRING: ConfigMap acme-upgrader-config: data."config.yaml" is a ' +
      'mapping, but ConfigMap data values must be strings (the API server rejects it); write it as ' +
      'a block string: config.yaml: |',
  ])
})

// What Terraform's jsonencode / yamlencode write: a JSON body, or YAML with every key quoted. The upgrader
// reads both like the block form, so they are recognised and migrated like it.
const encoded = (body: string) =>
  [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: acme-upgrader-config',
    'data:',
    '  config.yaml: |',
    ...body.split('\n').map((line) => `    ${line}`),
    '',
  ].join('\n')

test('a config.yaml written as JSON, or with quoted keys, is migrated like the block form', () => {
  const bodies = [
    '{"mode":"Delegate","workloadName":"acme-delegate",' +
      '"delegateConfig":{"accountId":"A","managerHost":"https://app.harness.io"}}',
    '"mode": "Delegate"\n"workloadName": "acme-delegate"\n"delegateConfig":\n  "managerHost": "https://app.harness.io"',
  ]
  for (const body of bodies) {
    const r = run(encoded(body))
    assert.is(r.status, 'migrated', body)
    const config = parse(parse(r.output).data['config.yaml'])
    assert.equal(config.delegateConfig.managerHost, 'https://acme.harness.io:8443')
    assert.is(config.clientCertificateFilePath, '/etc/mtls/client.crt')
    assert.is(config.clientCertificateKeyFilePath, '/etc/mtls/client.key')
    assert.is(run(r.output).status, 'already', body)
  }
})

test('the upgrader config is read as YAML: recognition, workloadName and managerHost', () => {
  assert.ok(isUpgraderConfigText('{"mode": "Delegate"}'))
  assert.ok(isUpgraderConfigText("'delegateConfig': {managerHost: x}"))
  assert.not.ok(isUpgraderConfigText('mode: Other\ndelegateConfig: nope'))
  assert.not.ok(isUpgraderConfigText('server:\n  mode: Delegate'))
  // Broken YAML that says it is the upgrader's: recognised, so planning reports the syntax error in place.
  assert.ok(isUpgraderConfigText('mode: Delegate\ndelegateConfig: [unclosed'))
  assert.equal(upgraderConfigFacts('workloadName: "d1" # the delegate\ndelegateConfig: {managerHost: \'https://h\'}'), {
    workloadName: 'd1',
    managerHost: 'https://h',
  })
  assert.equal(upgraderConfigFacts('{"managerHost": "https://flat"}'), { managerHost: 'https://flat' })
  assert.equal(upgraderConfigFacts('- a list'), {})
  assert.equal(upgraderConfigFacts('workloadName: [1, 2]'), {})
})

test.run()
